#pragma once
// Helpers shared by the format-loader tests: where the fixtures and the real-world logs are.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace curvedoctor::core::testutil {

inline std::string testData(const std::string& relative) {
    return std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/" + relative;
}

/// The shared real-world logs: $CURVEDOCTOR_REALWORLD_DIR when set (a worktree that does not
/// sit beside ../shared), else the compile-time default. Empty when the folder is missing.
inline std::string realworldDir() {
    const char* env = std::getenv("CURVEDOCTOR_REALWORLD_DIR");
    std::string dir = (env != nullptr && *env != '\0') ? env : CURVEDOCTOR_REALWORLD_DIR;
    std::error_code ec;
    return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

}  // namespace curvedoctor::core::testutil

/// Skips the calling test, saying why, when the real-world logs are not available.
#define CURVEDOCTOR_REQUIRE_REALWORLD(var)                                                  \
    const std::string var = ::curvedoctor::core::testutil::realworldDir();                   \
    if (var.empty()) GTEST_SKIP() << "real-world logs not found (" CURVEDOCTOR_REALWORLD_DIR \
                                     "); set CURVEDOCTOR_REALWORLD_DIR to run this test"
