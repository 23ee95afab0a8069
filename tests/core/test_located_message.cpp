#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/load_warning_text.h"
#include "core/loader_registry.h"

namespace curvedoctor::core {
namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

LoadWarning warning(std::int64_t line, std::int64_t byte, std::string message) {
    LoadWarning w;
    w.line = line;
    w.byteOffset = byte;
    w.message = std::move(message);
    return w;
}

TEST(LocatedMessage, PutsThePlaceInFrontOnce) {
    EXPECT_EQ(locatedMessage(warning(3, 120, "bad value")), "line 3 (byte 120): bad value");
    EXPECT_EQ(locatedMessage(warning(3, -1, "bad value")), "line 3: bad value");
    EXPECT_EQ(locatedMessage(warning(0, 120, "bad value")), "byte 120: bad value");
    EXPECT_EQ(locatedMessage(warning(0, -1, "bad value")), "bad value");
    EXPECT_EQ(locatedMessage(warning(1, 1328, "line 1 (byte 1328): cut short")),
              "line 1 (byte 1328): cut short");
}

TEST(LocatedMessage, AJsonlLoaderWarningNamesItsLineOnce) {
    // The loader's own message already says "line 2 (byte N)"; the issue saw it twice.
    const auto file = std::filesystem::temp_directory_path() / "curvedoctor_located.jsonl";
    {
        std::ofstream out(file);
        out << "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": }\n{\"step\": 3, \"loss\": "
               "0.4}\n";
    }
    const LoadBatch batch = loadPaths({file.string()});
    std::filesystem::remove(file);
    ASSERT_EQ(batch.runs.size(), 1U);
    ASSERT_FALSE(batch.runs.front()->warnings.empty());
    const std::string text = locatedMessage(batch.runs.front()->warnings.front());
    EXPECT_EQ(occurrences(text, "line 2"), 1U) << text;
    EXPECT_EQ(text.rfind("line 2", 0), 0U) << text;
}

}  // namespace
}  // namespace curvedoctor::core
