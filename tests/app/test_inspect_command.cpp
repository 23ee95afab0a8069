// `curvedoctor inspect`: text and JSON output, and how it reports files it cannot load.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/commands/exit_status.h"
#include "app/commands/inspect.h"
#include "strict_utf8.h"
#include "tests/core/csv_test_support.h"
#include "tests/core/json_test_parser.h"

namespace curvedoctor::app {
namespace {

using core::test::csvFixture;

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

TEST(CliInspect, GoodFileIsReported) {
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({csvFixture("keras_na.csv")}, out, err), 0);
    EXPECT_TRUE(err.str().empty());
    const std::string text = out.str();
    EXPECT_NE(text.find("[keras_csv]"), std::string::npos);
    // val_loss: 2 points at epochs 1 and 3 (NA elsewhere), see test_csv_keras_loader.cpp.
    const auto l = lines(text);
    const auto it = std::find_if(l.begin(), l.end(),
                                 [](const std::string& s) { return s.find("  val_loss ") == 0; });
    ASSERT_NE(it, l.end()) << text;
    EXPECT_NE(it->find("val_loss"), std::string::npos);
    EXPECT_NE(it->find(" 2 points"), std::string::npos) << *it;
    EXPECT_NE(it->find("steps 1..3"), std::string::npos) << *it;
}

TEST(CliInspect, MissingAndBadFilesExitTwoAndTheGoodOneStillLoads) {
    const std::string missing = csvFixture("does_not_exist.csv");
    const std::string bad = csvFixture("header_only.csv");  // "no data rows after the header".
    const std::string good = csvFixture("tabs.tsv");
    for (const std::string& broken : {missing, bad}) {
        std::ostringstream out, err;
        EXPECT_EQ(runInspect({broken, good}, out, err), 2) << broken;
        const auto errLines = lines(err.str());
        ASSERT_EQ(errLines.size(), 1U) << err.str();
        EXPECT_EQ(errLines[0].rfind(broken, 0), 0U) << errLines[0];
        EXPECT_NE(out.str().find(good), std::string::npos);
        EXPECT_EQ(out.str().find(broken), std::string::npos);
    }
}

TEST(CliInspect, JsonOutputParses) {
    std::ostringstream out, err;
    const std::string good = csvFixture("lightning_hparams/metrics.csv");
    const std::string missing = csvFixture("nope.csv");
    EXPECT_EQ(runInspect({good, missing, "--json"}, out, err), 2);
    const core::test::JsonValue doc = core::test::JsonTestParser::parse(out.str());
    ASSERT_EQ(doc["runs"].array.size(), 1U);
    const core::test::JsonValue& run = doc["runs"][0];
    EXPECT_EQ(run["format"].string, "lightning_csv");
    EXPECT_EQ(run["source"].string, good);
    EXPECT_EQ(run["hyperparameters"]["optimizer.name"].string, "adam");
    // Metrics come sorted by name; values from the fixture file.
    const auto& metrics = run["metrics"].array;
    ASSERT_EQ(metrics.size(), 4U);
    EXPECT_EQ(metrics[0]["name"].string, "train_loss_epoch");
    EXPECT_EQ(metrics[1]["name"].string, "train_loss_step");
    EXPECT_EQ(metrics[1]["points"].number, 4);
    EXPECT_EQ(metrics[1]["first_step"].number, 49);
    EXPECT_EQ(metrics[1]["last_step"].number, 199);
    EXPECT_EQ(metrics[1]["role"].string, "train_loss");
    EXPECT_EQ(metrics[3]["name"].string, "val_loss");
    EXPECT_EQ(metrics[3]["role"].string, "val_loss");
    EXPECT_EQ(metrics[3]["non_finite"].number, 0);
    ASSERT_EQ(doc["errors"].array.size(), 1U);
    EXPECT_EQ(doc["errors"][0]["source"].string, missing);
}

TEST(CliInspect, JsonCountsNonFiniteValuesAndWarnings) {
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({"--json", csvFixture("quirks.csv")}, out, err), 0);
    const core::test::JsonValue doc = core::test::JsonTestParser::parse(out.str());
    const core::test::JsonValue& run = doc["runs"][0];
    EXPECT_EQ(run["metrics"][0]["name"].string, "train loss");
    EXPECT_EQ(run["metrics"][0]["non_finite"].number, 5);  // nan, inf, -inf, Infinity, NaN.
    ASSERT_EQ(run["warnings"].array.size(), 1U);
    EXPECT_EQ(run["warnings"][0]["line"].number, 8);
    EXPECT_EQ(run["warnings"][0]["code"].string, "not_a_number");  // "oops" in val_acc
    EXPECT_EQ(run["warnings"][0]["file"].string, "");
}

TEST(CliInspect, UsageErrors) {
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({}, out, err), 64);
    EXPECT_EQ(runInspect({"--bogus", csvFixture("tabs.tsv")}, out, err), 64);
    std::ostringstream help, herr;
    EXPECT_EQ(runInspect({"--help"}, help, herr), 0);
    EXPECT_NE(help.str().find("usage"), std::string::npos);
}

// A scratch folder for logs the test writes itself (removed at the end).
class ScratchDir {
public:
    ScratchDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 (std::string("curvedoctor_cli_inspect_") + info->name());
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::filesystem::path p = m_path / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }

private:
    std::filesystem::path m_path;
};

TEST(CliInspect, JsonIsValidUtf8WhenNamesAndWarningsHoldInvalidBytes) {
    // Issue #12 item 8: a Latin-1 byte in a metric name, in a quoted cell and in the file name.
    const ScratchDir dir;
    const std::string log =
        dir.write("bad\xff.csv", "step,lo\xffss\n1,0.5\n2,0.4\n3,x\xfey\n4,0.3\n");
    const std::string missing = log + "\xfe-missing.csv";
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({"--json", log, missing}, out, err), 2);
    const std::string json = out.str();
    EXPECT_EQ(test::firstInvalidUtf8(json), std::string::npos) << json;
    const core::test::JsonValue doc = core::test::JsonTestParser::parse(json);
    ASSERT_EQ(doc["runs"].array.size(), 1U) << err.str();
    EXPECT_EQ(doc["runs"][0]["metrics"][0]["name"].string, "lo\xEF\xBF\xBDss");
    EXPECT_EQ(doc["runs"][0]["source"].string.find('\xff'), std::string::npos);
    EXPECT_NE(doc["runs"][0]["source"].string.find("bad\xEF\xBF\xBD.csv"), std::string::npos);
    ASSERT_EQ(doc["errors"].array.size(), 1U);
    EXPECT_EQ(test::firstInvalidUtf8(doc["errors"][0]["source"].string), std::string::npos);
}

TEST(CliInspect, StepRangesOfSeriesThatShareTheirStepsAndOfThoseThatDoNot) {
    // Session 15: the step range is found once per step column. In this Lightning log the two
    // train metrics share the rows 5, 6, 7 (one step column); val_loss has only 6 and 8, and
    // the second run's train/loss the same three rows as the first's, with other steps.
    const ScratchDir dir;
    const std::string a = dir.write("a.csv",
                                    "epoch,step,train/acc,train/loss,val_loss\n"
                                    "0,5,0.1,2.5,\n0,6,0.2,2.4,\n0,6,,,2.6\n0,7,0.3,2.3,\n"
                                    "1,8,,,2.2\n");
    const std::string b = dir.write("b.csv", "epoch,step,train/loss\n0,40,1\n0,50,2\n0,60,3\n");
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({"--json", a, b}, out, err), 0) << err.str();
    const core::test::JsonValue doc = core::test::JsonTestParser::parse(out.str());
    ASSERT_EQ(doc["runs"].array.size(), 2U) << out.str();
    std::map<std::string, std::pair<double, double>> ranges;
    for (std::size_t r = 0; r < 2; ++r) {
        for (const auto& m : doc["runs"][r]["metrics"].array)
            ranges[(doc["runs"][r]["source"].string == a ? "a:" : "b:") + m["name"].string] = {
                m["first_step"].number, m["last_step"].number};
    }
    using Range = std::pair<double, double>;
    EXPECT_EQ(ranges["a:train/acc"], Range(5, 7));
    EXPECT_EQ(ranges["a:train/loss"], Range(5, 7));
    EXPECT_EQ(ranges["a:val_loss"], Range(6, 8));
    EXPECT_EQ(ranges["b:train/loss"], Range(40, 60));
    std::ostringstream text, err2;
    EXPECT_EQ(runInspect({a}, text, err2), 0);
    EXPECT_NE(text.str().find("steps 6..8"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("steps 5..7"), std::string::npos) << text.str();
}

TEST(CliInspect, ControlCharactersInPathsDoNotSplitTheErrorLine) {
    // Issue #12 item 12: a newline in a file name must not start a new stderr line.
    const ScratchDir dir;
    const std::string good = dir.write("good.csv", "step,loss\n1,0.5\n2,0.4\n");
    const std::string missing = good + "\nsecond\tline\x1b.csv";
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({good, missing}, out, err), 2);
    const auto errLines = lines(err.str());
    ASSERT_EQ(errLines.size(), 1U) << err.str();
    EXPECT_NE(errLines[0].find("good.csv\\nsecond\\tline\\x1b.csv: "), std::string::npos)
        << errLines[0];
}

// Issue #16: an opened folder's skipped files are one stderr line naming each and why; they are
// not errors (the exit status stays 0) and not in the output.
TEST(CliInspect, AFoldersSkippedFilesAreOneStderrLine) {
    const ScratchDir dir;
    const std::string good = dir.write("metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    dir.write("a.csv", "");
    dir.write("notes.txt", "Try a smaller learning rate.\n");
    dir.write("model.ckpt", std::string(64, '\0'));
    const std::string folder = std::filesystem::path(good).parent_path().string();
    std::ostringstream out, err;
    EXPECT_EQ(runInspect({folder}, out, err), 0);
    const auto errLines = lines(err.str());
    ASSERT_EQ(errLines.size(), 1U) << err.str();
    EXPECT_EQ(errLines[0],
              folder + ": skipped 2 files: a.csv (empty), notes.txt (no training log found)");
    EXPECT_EQ(out.str().find("a.csv"), std::string::npos);
}

}  // namespace
}  // namespace curvedoctor::app
