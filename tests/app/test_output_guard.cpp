// The output guard of the commands that write files: never onto an input log (issue #12 item 9).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/output/output_guard.h"

namespace curvedoctor::app {
namespace {

namespace fs = std::filesystem;

class OutputGuard : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                (std::string("curvedoctor_output_guard_") +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "runs" / "a");
        write(m_dir / "runs" / "a" / "log.csv");
        write(m_dir / "single.csv");
        std::ofstream(m_dir / "runs" / "report.png") << "an earlier report";
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static void write(const fs::path& p) { std::ofstream(p) << "step,loss\n1,0.5\n2,0.4\n3,0.3\n"; }

    std::optional<std::string> clash(const fs::path& output,
                                     const std::vector<std::string>& inputs) {
        const core::LoadBatch batch = core::loadPaths(inputs);
        EXPECT_TRUE(batch.errors.empty());
        return inputOverwrittenBy(output.string(), inputs, batch);
    }

    fs::path m_dir;
};

TEST_F(OutputGuard, TheInputFileItselfIsRefused) {
    const std::string in = (m_dir / "single.csv").string();
    EXPECT_EQ(clash(in, {in}), in);
    // Spelled another way.
    EXPECT_EQ(clash(m_dir / "runs" / ".." / "single.csv", {in}), in);
}

TEST_F(OutputGuard, SymbolicAndHardLinksToAnInputAreRefused) {
    const std::string in = (m_dir / "single.csv").string();
    fs::create_symlink(in, m_dir / "link.png");
    fs::create_hard_link(in, m_dir / "hard.png");
    EXPECT_TRUE(clash(m_dir / "link.png", {in}).has_value());
    EXPECT_TRUE(clash(m_dir / "hard.png", {in}).has_value());
    // A symlinked folder leading to the input.
    fs::create_directory_symlink(m_dir / "runs", m_dir / "alias");
    EXPECT_TRUE(clash(m_dir / "alias" / "a" / "log.csv", {(m_dir / "runs").string()}).has_value());
}

TEST_F(OutputGuard, AFileReadFromAnInputFolderIsRefused) {
    const std::string runs = (m_dir / "runs").string();
    EXPECT_EQ(clash(m_dir / "runs" / "a" / "log.csv", {runs}),
              (m_dir / "runs" / "a" / "log.csv").string());
}

TEST_F(OutputGuard, NewFilesAndFilesThatAreNotLogsAreAllowed) {
    const std::string runs = (m_dir / "runs").string();
    EXPECT_FALSE(clash(m_dir / "runs" / "new.png", {runs}).has_value());
    // A file in an input folder that was not read as a log: a report written there before.
    EXPECT_FALSE(clash(m_dir / "runs" / "report.png", {runs}).has_value());
    EXPECT_FALSE(clash(m_dir / "other.png", {(m_dir / "single.csv").string()}).has_value());
}

}  // namespace
}  // namespace curvedoctor::app
