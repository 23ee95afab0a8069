// `curvedoctor diagnose`: usage errors, exit statuses, the JSON shape of issue 4, text report.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands/diagnose.h"
#include "app/commands/exit_status.h"
#include "strict_utf8.h"
#include "tests/core/json_test_parser.h"

namespace curvedoctor::app {
namespace {

namespace fs = std::filesystem;

class CliDiagnose : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("curvedoctor_cli_diagnose_" +
                 std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A Keras CSVLogger file: training loss falling 1.0 -> 0.05 over 20 epochs; validation loss
    // falling to `valBest` at epoch 6, then changing by `valRise` per epoch.
    std::string kerasCsv(const std::string& name, double valBest, double valRise) {
        const fs::path p = m_dir / name;
        std::ofstream out(p);
        out << "epoch,loss,val_loss\n";
        for (int e = 0; e < 20; ++e) {
            const double loss = 1.0 - 0.05 * e;
            const double val =
                e <= 6 ? 1.1 - (1.1 - valBest) * e / 6.0 : valBest + valRise * (e - 6);
            out << e << ',' << loss << ',' << val << '\n';
        }
        return p.string();
    }

    int run(std::vector<std::string> args) {
        m_out.str("");
        m_err.str("");
        return runDiagnose(args, m_out, m_err);
    }

    fs::path m_dir;
    std::ostringstream m_out;
    std::ostringstream m_err;
};

TEST_F(CliDiagnose, UsageErrorsExitOne) {
    EXPECT_EQ(run({}), kExitUsage);
    EXPECT_EQ(run({"--bogus", "x"}), kExitUsage);
    EXPECT_NE(m_err.str().find("--bogus"), std::string::npos);
    EXPECT_EQ(run({"x", "--fail-on", "fatal"}), kExitUsage);
    EXPECT_EQ(run({"x", "--fail-on"}), kExitUsage);
    EXPECT_EQ(kExitUsage, 64);
}

TEST_F(CliDiagnose, HelpDocumentsTheExitStatuses) {
    EXPECT_EQ(run({"--help"}), kExitOk);
    EXPECT_NE(m_out.str().find("1 a finding at or above --fail-on"), std::string::npos)
        << m_out.str();
    EXPECT_NE(m_out.str().find("2 a path could not be loaded"), std::string::npos);
}

TEST_F(CliDiagnose, MissingPathExitsTwoWithOneLineAndJsonError) {
    const std::string good = kerasCsv("good.csv", 0.3, -0.001);
    const std::string missing = (m_dir / "missing.csv").string();
    EXPECT_EQ(run({good, missing, "--json", "--fail-on", "warning"}), kExitLoadError);
    const std::string err = m_err.str();
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_EQ(err.rfind(missing, 0), 0u) << err;
    EXPECT_NE(m_out.str().find("\"errors\": [\n    {\n      \"source\": \"" + missing),
              std::string::npos)
        << m_out.str();
    EXPECT_NE(m_out.str().find("good.csv"), std::string::npos);  // the good one is still diagnosed
}

TEST_F(CliDiagnose, JsonHasTheIssueShape) {
    const std::string p = kerasCsv("overfit.csv", 0.3, 0.002);
    EXPECT_EQ(run({p, "--json"}), kExitOk);
    const std::string j = m_out.str();
    for (const char* key : {"\"runs\": [",
                            "\"name\": ",
                            "overfit.csv\",",
                            "\"source\": ",
                            "\"format\": ",
                            "\"metrics\": [",
                            "\"role\": \"val_loss\"",
                            "\"points\": 20",
                            "\"findings\": [",
                            "\"kind\": \"overfitting\"",
                            "\"severity\": \"warning\"",
                            "\"metric\": \"val_loss\"",
                            "\"begin_step\": 6",
                            "\"end_step\": 19",
                            "\"message\": ",
                            "\"advice\": ",
                            "\"best\": {",
                            "\"step\": 6",
                            "\"value\": 0.3",
                            "\"groups\": []",
                            "\"errors\": []"}) {
        EXPECT_NE(j.find(key), std::string::npos) << key << "\n" << j;
    }
}

TEST_F(CliDiagnose, FailOnGatesBySeverity) {
    // Rise 0.02/epoch for 13 epochs from 0.3: +87% of the best, severe (error).
    const std::string severe = kerasCsv("severe.csv", 0.3, 0.02);
    // Rise 0.002/epoch: +8.7%, a warning.
    const std::string mild = kerasCsv("mild.csv", 0.3, 0.002);
    const std::string healthy = kerasCsv("healthy.csv", 0.3, -0.001);
    EXPECT_EQ(run({mild, "--fail-on", "warning"}), kExitFailOn);
    EXPECT_EQ(run({mild, "--fail-on", "error"}), kExitOk);
    EXPECT_EQ(run({severe, "--fail-on=error"}), kExitFailOn);
    EXPECT_EQ(run({healthy, "--fail-on", "warning"}), kExitOk) << m_out.str();
    EXPECT_EQ(run({severe}), kExitOk);  // without --fail-on findings do not fail
    EXPECT_EQ(kExitFailOn, 1);          // issue #4
}

TEST_F(CliDiagnose, TextReportListsFindingsBestStepAndAdvice) {
    const std::string p = kerasCsv("mild.csv", 0.3, 0.002);
    EXPECT_EQ(run({p}), kExitOk);
    const std::string t = m_out.str();
    EXPECT_NE(t.find("mild.csv"), std::string::npos);
    EXPECT_NE(t.find("best: val_loss 0.3 at step 6"), std::string::npos) << t;
    EXPECT_NE(t.find("WARNING  overfitting  val_loss  steps 6-19"), std::string::npos) << t;
    EXPECT_NE(t.find("advice: Stop early"), std::string::npos) << t;
}

TEST_F(CliDiagnose, GroupAddsAGroupEntry) {
    // Three repeats: one converges (loss to 0.05), two stay high.
    auto flat = [&](const std::string& name, double end) {
        const fs::path p = m_dir / name;
        std::ofstream out(p);
        out << "epoch,loss\n";
        for (int e = 0; e < 30; ++e)
            out << e << ',' << end + (2.3 - end) * std::exp(-e / 4.0) << '\n';
        return p.string();
    };
    const std::string a = flat("a.csv", 0.05);
    const std::string b = flat("b.csv", 2.0);
    const std::string c = flat("c.csv", 1.9);
    EXPECT_EQ(run({a, b, c, "--group", "--json"}), kExitOk);
    const std::string j = m_out.str();
    EXPECT_NE(j.find("\"groups\": [\n    {\n      \"runs\": [\n        \""), std::string::npos)
        << j;
    EXPECT_NE(j.find("\"kind\": \"hard_to_converge\""), std::string::npos) << j;
    EXPECT_EQ(run({a, b, c, "--group", "--fail-on", "warning"}), kExitFailOn);
}

TEST_F(CliDiagnose, JsonIsValidUtf8WhenNamesHoldInvalidBytes) {
    // Issue #12 item 8: `printf 'step,lo\xffss\n1,0.5\n'`, in the metric, file and folder names.
    const fs::path sub = m_dir / "run\xfe";
    fs::create_directories(sub);
    std::ofstream(sub / "lo\xffss.csv")
        << "step,lo\xffss,val_lo\xffss\n1,0.5,0.6\n2,0.4,0.5\n3,0.3,0.45\n";
    const std::string missing = (m_dir / "gone\xC0\xAF.csv").string();
    EXPECT_EQ(run({m_dir.string(), missing, "--json", "--group"}), kExitLoadError);
    const std::string json = m_out.str();
    EXPECT_EQ(test::firstInvalidUtf8(json), std::string::npos) << json;
    const core::test::JsonValue doc = core::test::JsonTestParser::parse(json);
    ASSERT_EQ(doc["runs"].array.size(), 1U) << m_err.str();
    EXPECT_EQ(doc["runs"][0]["metrics"][0]["name"].string, "lo\xEF\xBF\xBDss");
    EXPECT_EQ(doc["groups"][0]["runs"][0].string, doc["runs"][0]["name"].string);
    EXPECT_EQ(doc["errors"][0]["source"].string.find('\xC0'), std::string::npos);
}

TEST_F(CliDiagnose, ControlCharactersInPathsDoNotSplitTheErrorLine) {
    const std::string missing = (m_dir / "a\nb\rc.csv").string();
    EXPECT_EQ(run({missing}), kExitLoadError);
    const std::string err = m_err.str();
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find("a\\nb\\rc.csv: "), std::string::npos) << err;
}

}  // namespace
}  // namespace curvedoctor::app
