#pragma once
// Helpers of the file-reading tests: a file of given bytes in the system's temporary folder, and
// random bytes (binary garbage, or a body too big to be a coincidence).
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace curvedoctor::core::testutil {

inline std::string writeTemp(const std::string& name, const std::string& bytes) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

inline std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
}

}  // namespace curvedoctor::core::testutil
