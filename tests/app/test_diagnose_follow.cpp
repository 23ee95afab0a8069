// `curvedoctor diagnose --follow`: a writer thread appends to a Keras CSV log while the command
// follows it; the first NaN row ends it with 1 under --fail-on error, each new finding printed
// once as one JSON line; --timeout and SIGINT end it with 0; bad usage is 64.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/commands/diagnose.h"
#include "app/commands/exit_status.h"
#include "tests/core/json_test_parser.h"

namespace curvedoctor::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class CliDiagnoseFollow : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("curvedoctor_cli_follow_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
        m_log = (m_dir / "training.log.csv").string();
        // A Keras CSVLogger log of a healthy start: both losses falling.
        std::ofstream out(m_log);
        out << "epoch,loss,val_loss\n";
        for (int e = 0; e < 12; ++e)
            out << e << ',' << 1.0 - 0.05 * e << ',' << 1.1 - 0.05 * e << '\n';
    }
    void TearDown() override { fs::remove_all(m_dir); }

    void appendLine(const std::string& line) {
        std::ofstream out(m_log, std::ios::app);
        out << line << '\n';
    }

    int run(const std::vector<std::string>& args) { return runDiagnose(args, m_out, m_err); }

    // The JSON objects printed, one per line.
    std::vector<std::string> kinds() {
        std::vector<std::string> out;
        std::istringstream lines(m_out.str());
        for (std::string line; std::getline(lines, line);) {
            try {
                const core::test::JsonValue v = core::test::JsonTestParser::parse(line);
                out.push_back(v["kind"].string + "/" + v["metric"].string);
            } catch (const std::exception& e) {
                ADD_FAILURE() << "not one JSON object (" << e.what() << "): " << line;
            }
        }
        return out;
    }

    fs::path m_dir;
    std::string m_log;
    std::ostringstream m_out;
    std::ostringstream m_err;
};

TEST_F(CliDiagnoseFollow, ExitsOneSoonAfterTheFirstNanRowAndPrintsItOnce) {
    std::thread writer([&] {
        std::this_thread::sleep_for(300ms);
        appendLine("12,0.39,0.51");
        std::this_thread::sleep_for(300ms);
        appendLine("13,nan,nan");  // diverged
        appendLine("14,nan,nan");
    });
    const auto t0 = std::chrono::steady_clock::now();
    const int status = run({"--follow", m_log, "--fail-on", "error", "--json", "--timeout", "30"});
    const auto took = std::chrono::steady_clock::now() - t0;
    writer.join();
    EXPECT_EQ(status, kExitFailOn) << m_err.str();
    EXPECT_LT(took, 10s);  // not the timeout: the NaN row ended it
    const std::vector<std::string> printed = kinds();
    ASSERT_FALSE(printed.empty());
    EXPECT_EQ(printed.back().rfind("nan_inf/", 0), 0U) << printed.back();
    // Each finding once, however often the run was diagnosed again.
    std::vector<std::string> sorted = printed;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
}

// A loss at chance level (ln 10 for 10 classes) with a little noise, `rows` epochs of it.
std::string flatRows(int from, int to) {
    std::string rows;
    for (int e = from; e < to; ++e)
        rows += std::to_string(e) + ',' + std::to_string(2.3026 + 0.01 * ((e * 7) % 5 - 2)) + '\n';
    return rows;
}

TEST_F(CliDiagnoseFollow, AFlatStartIsNotCalledNotLearningUntilTheRunHasACourse) {
    // `diagnose` calls this 15-row log not_learning (an error), rightly for a finished run; a run
    // still being written is only at its start.
    std::ofstream(m_log, std::ios::trunc) << "epoch,loss\n" << flatRows(0, 15);
    EXPECT_EQ(run({"--follow", m_log, "--fail-on", "error", "--json", "--timeout", "1"}), kExitOk)
        << m_out.str() << m_err.str();
    for (const std::string& k : kinds())
        EXPECT_EQ(k.rfind("not_learning/", 0), std::string::npos) << k;
}

TEST_F(CliDiagnoseFollow, AFlatRunIsCalledNotLearningOnceItHasACourse) {
    std::ofstream(m_log, std::ios::trunc) << "epoch,loss\n" << flatRows(0, 15);
    std::thread writer([&] {
        std::this_thread::sleep_for(300ms);
        std::ofstream(m_log, std::ios::app) << flatRows(15, 130);
    });
    const int status = run({"--follow", m_log, "--fail-on", "error", "--json", "--timeout", "30"});
    writer.join();
    EXPECT_EQ(status, kExitFailOn) << m_out.str() << m_err.str();
    const std::vector<std::string> printed = kinds();
    EXPECT_NE(std::find(printed.begin(), printed.end(), "not_learning/loss"), printed.end())
        << m_out.str();
}

TEST_F(CliDiagnoseFollow, TimeoutEndsWithZeroAfterPrintingTheFindingsSoFar) {
    std::ofstream(m_log, std::ios::app) << "12,nan,0.5\n";
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(run({"--follow", m_log, "--json", "--timeout", "0.5"}), kExitOk) << m_err.str();
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 450ms);
    const std::vector<std::string> printed = kinds();
    EXPECT_NE(std::find(printed.begin(), printed.end(), "nan_inf/loss"), printed.end());
}

TEST_F(CliDiagnoseFollow, InterruptEndsWithZero) {
    std::thread interrupter([] {
        std::this_thread::sleep_for(400ms);
        std::raise(SIGINT);
    });
    const auto t0 = std::chrono::steady_clock::now();
    const int status = run({"--follow", m_log, "--timeout", "30"});
    interrupter.join();
    EXPECT_EQ(status, kExitOk);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 10s);
}

TEST_F(CliDiagnoseFollow, DeletedLogIsReportedOnceAndFollowingGoesOn) {
    std::thread writer([&] {
        std::this_thread::sleep_for(300ms);
        fs::remove(m_log);
    });
    EXPECT_EQ(run({"--follow", m_log, "--timeout", "1.5"}), kExitOk);
    writer.join();
    const std::string err = m_err.str();
    const auto first = err.find("deleted");
    ASSERT_NE(first, std::string::npos) << err;
    EXPECT_EQ(err.find("deleted", first + 1), std::string::npos) << err;
}

// A training about to start: the logdir given does not exist yet when the command starts.
TEST_F(CliDiagnoseFollow, LogdirThatAppearsLaterIsFollowed) {
    const fs::path logdir = m_dir / "later";
    std::thread writer([&] {
        std::this_thread::sleep_for(300ms);
        fs::create_directories(logdir / "run1");
        std::ofstream out(logdir / "run1" / "training.log.csv");
        out << "epoch,loss,val_loss\n0,1.0,1.1\n1,0.9,1.0\n2,nan,nan\n";
    });
    const auto t0 = std::chrono::steady_clock::now();
    const int status =
        run({"--follow", logdir.string(), "--fail-on", "error", "--json", "--timeout", "30"});
    const auto took = std::chrono::steady_clock::now() - t0;
    writer.join();
    EXPECT_EQ(status, kExitFailOn) << m_err.str();
    EXPECT_LT(took, 10s);  // found when it appeared, not at the timeout
    const std::vector<std::string> printed = kinds();
    ASSERT_FALSE(printed.empty());
    EXPECT_EQ(printed.back().rfind("nan_inf/", 0), 0U) << printed.back();
}

TEST_F(CliDiagnoseFollow, BadUsageIs64) {
    EXPECT_EQ(run({"--follow"}), kExitUsage);
    EXPECT_EQ(run({"--follow", m_log, "--group"}), kExitUsage);
    EXPECT_EQ(run({"--follow", m_log, "--timeout", "soon"}), kExitUsage);
    EXPECT_EQ(run({"--follow", m_log, "--fail-on", "info"}), kExitUsage);
}

}  // namespace
}  // namespace curvedoctor::app
