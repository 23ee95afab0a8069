#pragma once
// Where the real-world logs are: the CURVEDOCTOR_REALWORLD_DIR environment variable when set
// (a worktree that is not beside ../shared), else the compile definition of the same name.
#include <cstdlib>
#include <string>

namespace curvedoctor::core::testing_support {

inline std::string realworldDir() {
    const char* env = std::getenv("CURVEDOCTOR_REALWORLD_DIR");
    return env != nullptr && *env != '\0' ? std::string(env)
                                          : std::string(CURVEDOCTOR_REALWORLD_DIR);
}

}  // namespace curvedoctor::core::testing_support
