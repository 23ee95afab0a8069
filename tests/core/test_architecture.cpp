// The layers, checked on the source tree: core/ is analysis and I/O with no Qt, shared by the
// command line and the window; ui/ is the window and rendering; app/ holds the commands. Each
// layer includes only the ones below it (core <- ui <- app), and no file outside tests/ grows
// past 600 lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kSource(CURVEDOCTOR_SOURCE_DIR);

bool isCode(const fs::path& p) {
    return p.extension() == ".h" || p.extension() == ".cpp";
}

// Calls `check(path, lineNumber, line)` for every line of every .h/.cpp file below `folder`;
// returns how many files it read.
int forEachLine(const fs::path& folder,
                const std::function<void(const fs::path&, int, const std::string&)>& check) {
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
        if (!e.is_regular_file() || !isCode(e.path())) continue;
        ++files;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) check(e.path(), ++n, line);
    }
    return files;
}

void expectNoInclude(const std::string& folder, const std::regex& forbidden) {
    const int files =
        forEachLine(kSource / folder, [&](const fs::path& p, int n, const std::string& line) {
            EXPECT_FALSE(std::regex_search(line, forbidden)) << p << ":" << n << ": " << line;
        });
    EXPECT_GT(files, 5) << folder;
}

TEST(Architecture, CoreIncludesNoQtHeader) {
    expectNoInclude("core", std::regex(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]|qt|Qt))"));
}

TEST(Architecture, CoreIncludesNothingFromUiOrApp) {
    expectNoInclude("core", std::regex(R"(^\s*#\s*include\s*"(ui|app)/)"));
}

TEST(Architecture, UiIncludesNothingFromApp) {
    expectNoInclude("ui", std::regex(R"(^\s*#\s*include\s*"app/)"));
}

TEST(Architecture, AppCommandsWithoutQtIncludeNoQt) {
    // inspect, diagnose and what they print with build without the UI (the sanitizer build
    // tests them), so they include neither Qt nor ui/.
    const std::regex qt(R"(^\s*#\s*include\s*(<(Q[A-Za-z]|qt|Qt)|"ui/))");
    const auto check = [&](const fs::path& p, int n, const std::string& line) {
        EXPECT_FALSE(std::regex_search(line, qt)) << p << ":" << n << ": " << line;
    };
    EXPECT_GT(forEachLine(kSource / "app" / "output", check), 0);
    for (const char* command : {"inspect", "diagnose", "exit_status"}) {
        for (const char* ext : {".h", ".cpp"}) {
            const fs::path p = kSource / "app" / "commands" / (std::string(command) + ext);
            if (!fs::exists(p)) continue;
            std::ifstream in(p);
            std::string line;
            for (int n = 1; std::getline(in, line); ++n) check(p, n, line);
        }
    }
}

TEST(Architecture, NoFileOutsideTestsOver600Lines) {
    constexpr int kMaxLines = 600;
    // Files allowed to be longer, each with its cap and why (none today).
    const std::map<std::string, int> shrinking{};
    int files = 0;
    for (const char* folder : {"core", "ui", "app", "bench"}) {
        std::map<fs::path, int> lines;
        files += forEachLine(kSource / folder,
                             [&](const fs::path& p, int n, const std::string&) { lines[p] = n; });
        for (const auto& [path, n] : lines) {
            const std::string relative = fs::relative(path, kSource).generic_string();
            const auto it = shrinking.find(relative);
            EXPECT_LE(n, it == shrinking.end() ? kMaxLines : it->second) << relative;
        }
    }
    EXPECT_GT(files, 100);
}

}  // namespace
