#pragma once
// The fixture of the folder-walk tests: a fresh folder in the system's temporary folder (removed
// after the test), with fixture files copied into it and files written into it at relative paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

#include "formats_test_util.h"

namespace curvedoctor::core::testutil {

class FolderTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        m_root =
            std::filesystem::temp_directory_path() / ("curvedoctor_folder_" + std::to_string(rd()));
        std::filesystem::create_directories(m_root);
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(m_root, ec);
    }
    /// Copies tests/data/`fixture` (a file or a folder) to `to` under the folder.
    void copy(const std::string& fixture, const std::filesystem::path& to) {
        std::filesystem::create_directories((m_root / to).parent_path());
        std::filesystem::copy(testData(fixture), m_root / to,
                              std::filesystem::copy_options::recursive);
    }
    void write(const std::filesystem::path& to, const std::string& bytes) {
        std::filesystem::create_directories((m_root / to).parent_path());
        std::ofstream(m_root / to, std::ios::binary) << bytes;
    }
    std::filesystem::path m_root;
};

}  // namespace curvedoctor::core::testutil
