// FileBytes: every byte of the file, whether read into memory (2 MiB .. 1 GiB) or mapped.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>

#include "core/file_bytes.h"

namespace curvedoctor::core {
namespace {

std::string writeTemp(const std::string& name, const std::string& bytes) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
}

TEST(FileBytes, SmallAndLargeFilesGiveEveryByte) {
    // Below the read threshold (mapped), just above it and at an odd size (read).
    for (const std::size_t size : {std::size_t{1000}, (std::size_t{2} << 20) + 1, std::size_t{5'000'003}}) {
        const std::string bytes = randomBytes(size, static_cast<unsigned>(size));
        const std::string path = writeTemp("curvedoctor_file_bytes_test.bin", bytes);
        FileBytes file;
        std::string error;
        ASSERT_TRUE(file.open(path, error)) << error;
        ASSERT_EQ(file.size(), size);
        EXPECT_TRUE(file.view() == bytes) << size;
        // Moving keeps the bytes and leaves the source empty.
        FileBytes moved = std::move(file);
        EXPECT_EQ(file.size(), 0U);
        EXPECT_TRUE(moved.view() == bytes) << size;
        std::filesystem::remove(path);
    }
}

TEST(FileBytes, FolderAndMissingFileAreErrors) {
    FileBytes file;
    std::string error;
    EXPECT_FALSE(file.open(std::filesystem::temp_directory_path().string(), error));
    EXPECT_EQ(error, "is a folder");
    EXPECT_FALSE(file.open("/nonexistent/curvedoctor/file.csv", error));
    EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace curvedoctor::core
