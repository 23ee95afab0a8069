#pragma once
// Helpers shared by the format-loader tests: where the fixtures and the real-world logs are.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/core/realworld_dir.h"

namespace curvedoctor::core::testutil {

inline std::string testData(const std::string& relative) {
    return std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/" + relative;
}

/// The shared real-world logs (see realworld_dir.h); empty when the folder is missing.
inline std::string realworldDir() {
    const std::string dir = testing_support::realworldDir();
    std::error_code ec;
    return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

/// The bytes of the file at `path` (empty when it cannot be read).
inline std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace curvedoctor::core::testutil

/// Skips the calling test, saying why, when the real-world logs are not available.
#define CURVEDOCTOR_REQUIRE_REALWORLD(var)                                  \
    const std::string var = ::curvedoctor::core::testutil::realworldDir();  \
    if (var.empty())                                                        \
    GTEST_SKIP() << "real-world logs not found (" CURVEDOCTOR_REALWORLD_DIR \
                    "); set CURVEDOCTOR_REALWORLD_DIR to run this test"
