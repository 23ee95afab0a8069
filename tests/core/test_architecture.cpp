// core/ must stay Qt-free: it is shared by the command line and the GUI.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

TEST(Architecture, CoreIncludesNoQtHeader) {
    namespace fs = std::filesystem;
    const fs::path core = fs::path(CURVEDOCTOR_SOURCE_DIR) / "core";
    const std::regex qtInclude(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]|qt|Qt))");
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(core)) {
        if (!e.is_regular_file()) continue;
        const auto ext = e.path().extension();
        if (ext != ".h" && ext != ".cpp") continue;
        ++files;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            EXPECT_FALSE(std::regex_search(line, qtInclude)) << e.path() << ":" << n << ": " << line;
        }
    }
    EXPECT_GT(files, 5);
}

}  // namespace
