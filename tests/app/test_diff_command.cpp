// `curvedoctor diff RUN_A RUN_B`: the hyperparameters that differ between two real runs.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "app/commands/diff.h"
#include "app/commands/exit_status.h"
#include "tests/core/csv_test_support.h"
#include "tests/core/json_test_parser.h"

namespace curvedoctor::app {
namespace {

using core::test::csvFixture;
using core::test::haveRealworld;
using core::test::JsonTestParser;
using core::test::JsonValue;
using core::test::realworldFile;

std::set<std::string> keysOfKind(const JsonValue& doc, const std::string& kind) {
    std::set<std::string> keys;
    for (const auto& c : doc["changes"].array)
        if (c["kind"].string == kind) keys.insert(c["key"].string);
    return keys;
}

// Two Hugging Face trainer_state.json files. Their "hyperparameters" (read by eye from the
// files): hf_trainer_01 has 13 keys, hf_trainer_02 the same 13 plus four end-of-training
// figures; eval_steps, save_steps and the four flags/counters agree.
TEST(CliDiff, RealHuggingFaceRunsJson) {
    if (!haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    std::ostringstream out, err;
    ASSERT_EQ(runDiff({realworldFile("hf_trainer_01"), realworldFile("hf_trainer_02"), "--json"},
                      out, err),
              kExitOk)
        << err.str();
    EXPECT_TRUE(err.str().empty()) << err.str();
    const JsonValue doc = JsonTestParser::parse(out.str());
    EXPECT_EQ(keysOfKind(doc, "added"),
              (std::set<std::string>{"train_loss", "train_runtime", "train_samples_per_second",
                                     "train_steps_per_second"}));
    EXPECT_TRUE(keysOfKind(doc, "removed").empty());
    EXPECT_EQ(keysOfKind(doc, "changed"),
              (std::set<std::string>{"epoch", "global_step", "logging_steps", "max_steps",
                                     "num_train_epochs", "total_flos", "train_batch_size"}));
    EXPECT_EQ(doc["identical"].number, 6.0);
    for (const auto& c : doc["changes"].array) {
        if (c["key"].string != "train_batch_size") continue;
        EXPECT_EQ(c["a"].string, "8");
        EXPECT_EQ(c["b"].string, "1");
    }
}

// Ultralytics args.yaml files of about a hundred settings: every key of either run is counted
// exactly once, as identical, changed, added or removed.
TEST(CliDiff, RealUltralyticsRunsAccountForEveryKey) {
    if (!haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    std::ostringstream out, err;
    ASSERT_EQ(runDiff({realworldFile("ultralytics_01"), realworldFile("ultralytics_02"), "--json"},
                      out, err),
              kExitOk)
        << err.str();
    const JsonValue doc = JsonTestParser::parse(out.str());
    const auto added = keysOfKind(doc, "added").size();
    const auto removed = keysOfKind(doc, "removed").size();
    const auto changed = keysOfKind(doc, "changed").size();
    const auto identical = static_cast<std::size_t>(doc["identical"].number);
    EXPECT_EQ(identical + changed + removed, 106U);  // ultralytics_01's args.yaml keys.
    EXPECT_EQ(identical + changed + added, 91U);     // ultralytics_02's.
    EXPECT_GT(identical, 50U);
}

TEST(CliDiff, TextNamesBothRunsAndEachChange) {
    if (!haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    std::ostringstream out, err;
    ASSERT_EQ(runDiff({realworldFile("hf_trainer_01"), realworldFile("hf_trainer_02")}, out, err),
              kExitOk);
    const std::string text = out.str();
    EXPECT_EQ(text.rfind("hf_trainer_01  ->  hf_trainer_02\n", 0), 0U) << text;
    EXPECT_NE(text.find("changed train_batch_size"), std::string::npos) << text;
    EXPECT_NE(text.find("8  ->  1"), std::string::npos) << text;
    EXPECT_NE(text.find("added   train_loss"), std::string::npos) << text;
    EXPECT_NE(text.find("6 identical settings"), std::string::npos) << text;
}

TEST(CliDiff, UsageAndLoadErrors) {
    std::ostringstream out, err;
    EXPECT_EQ(runDiff({csvFixture("tabs.tsv")}, out, err), kExitUsage);
    EXPECT_EQ(runDiff({csvFixture("tabs.tsv"), csvFixture("tabs.tsv"), "--bogus"}, out, err),
              kExitUsage);
    std::ostringstream out2, err2;
    EXPECT_EQ(runDiff({csvFixture("nope.csv"), csvFixture("tabs.tsv")}, out2, err2),
              kExitLoadError);
    EXPECT_NE(err2.str().find("nope.csv"), std::string::npos) << err2.str();
    // A folder of several runs is not one run.
    std::ostringstream out3, err3;
    EXPECT_EQ(runDiff({std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/csv", csvFixture("tabs.tsv")},
                      out3, err3),
              kExitUsage);
    EXPECT_NE(err3.str().find("runs; name one run's file or folder"), std::string::npos)
        << err3.str();
    // Two runs without hyperparameters say so.
    std::ostringstream out4, err4;
    EXPECT_EQ(runDiff({csvFixture("tabs.tsv"), csvFixture("keras_na.csv")}, out4, err4), kExitOk);
    EXPECT_NE(out4.str().find("neither run has hyperparameters"), std::string::npos) << out4.str();
}

}  // namespace
}  // namespace curvedoctor::app
