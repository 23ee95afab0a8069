// The CSV dialects of issue #16: timm summary.csv, pandas-written tables with an unnamed index
// column, and TensorBoard "Download CSV" files merged into one run per run name. Fixtures from
// tests/data/scripts/make_csv_dialect_fixtures.py; the real export from ../shared/realworld.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "core/loaders/csv/csv_formats.h"
#include "csv_test_support.h"
#include "follow_test_support.h"
#include "realworld_dir.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using testing_support::realworldDir;

std::set<std::string> metricNames(const Run& run) {
    std::set<std::string> out;
    for (const auto& [name, s] : run.metrics) out.insert(name);
    return out;
}

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

TEST(CsvDialects, TimmSummaryHasAnEpochAxisAndItsArgs) {
    const LoadBatch b = loadPaths({csvFixture("timm_summary/summary.csv")});
    ASSERT_EQ(b.runs.size(), 1U);
    const core::Run& run = *b.runs[0];
    EXPECT_EQ(run.format, "timm_csv");
    EXPECT_EQ(metricNames(run),
              (std::set<std::string>{"train_loss", "eval_loss", "eval_top1", "eval_top5", "lr"}));
    const Series& loss = run.metrics.at("eval_loss");
    ASSERT_EQ(loss.size(), 12U);  // the script writes epochs 0..11
    EXPECT_EQ(loss.steps.front(), 0);
    EXPECT_EQ(loss.steps.back(), 11);
    ASSERT_TRUE(loss.hasEpochs());
    EXPECT_EQ(loss.epochs[11], 11.0);
    EXPECT_EQ(loss.values[0], 2.5);  // 2.2 * exp(0) + 0.3
    EXPECT_EQ(run.info("eval_loss").role, MetricRole::ValLoss);
    EXPECT_EQ(run.info("train_loss").role, MetricRole::TrainLoss);
    EXPECT_EQ(run.hyperparameters.at("model"), "resnet18");
}

TEST(CsvDialects, PandasIndexColumnIsTheStepNotAMetric) {
    for (const char* file : {"pandas_history.csv", "pandas_unnamed.csv"}) {
        const LoadBatch b = loadPaths({csvFixture(file)});
        ASSERT_EQ(b.runs.size(), 1U) << file;
        const core::Run& run = *b.runs[0];
        EXPECT_EQ(run.format, "pandas_csv") << file;
        EXPECT_EQ(metricNames(run),
                  (std::set<std::string>{"loss", "accuracy", "val_loss", "val_accuracy"}))
            << file;
        const Series& acc = run.metrics.at("val_accuracy");
        ASSERT_EQ(acc.size(), 8U) << file;
        EXPECT_EQ(acc.steps.back(), 7);
        EXPECT_EQ(acc.values[0], 0.48);
    }
}

TEST(CsvDialects, SniffersKeepTheirFormatsApart) {
    const auto timm = makeTimmSummaryLoader();
    const auto keras = makeKerasCsvLoader();
    const auto pandas = makePandasCsvLoader();
    const std::string timmHead = "epoch,train_loss,eval_loss,eval_top1,lr\n0,2.3,2.2,10.5,0.1\n";
    const std::string kerasHead = "epoch,accuracy,loss,val_loss\n0,0.5,0.9,1.0\n";
    const std::string pandasHead = ",loss,val_loss\n0,0.9,1.0\n1,0.8,0.95\n";
    const auto sniff = [](const Loader& l, const std::string& name, const std::string& head) {
        return l.sniff(SniffInput{name, name, head, false});
    };
    EXPECT_GT(sniff(*timm, "log.csv", timmHead), sniff(*keras, "log.csv", timmHead));
    EXPECT_EQ(sniff(*timm, "log.csv", kerasHead), confidence::kNone);
    EXPECT_EQ(sniff(*timm, "summary.csv", timmHead), confidence::kCertain);
    EXPECT_EQ(sniff(*pandas, "h.csv", kerasHead), confidence::kNone);
    EXPECT_GE(sniff(*pandas, "h.csv", pandasHead), confidence::kLikely);
}

TEST(CsvDialects, BadTimmAndPandasInputLoadsWhatIsValid) {
    testutil::ScratchDir dir("csv-dialects");
    ASSERT_FALSE(dir.path().empty());
    // A text cell, a missing cell, and a last line cut short.
    write(
        dir.file("summary.csv"),
        "epoch,train_loss,eval_loss,lr\n0,2.0,2.1,0.1\n1,oops,1.9,0.1\n2,1.5,,0.1\n3,1.2,1.4,0.0");
    LoadBatch b = loadPaths({dir.file("summary.csv")});
    ASSERT_EQ(b.runs.size(), 1U);
    const core::Run& run = *b.runs[0];
    EXPECT_EQ(run.format, "timm_csv");
    EXPECT_EQ(run.metrics.at("train_loss").size(), 2U);  // epochs 0 and 2
    EXPECT_EQ(run.metrics.at("eval_loss").size(), 2U);   // epochs 0 and 1
    bool textNamed = false;
    bool cutNamed = false;
    for (const LoadWarning& w : run.warnings) {
        textNamed |= w.line == 3 && w.message.find("'oops'") != std::string::npos;
        cutNamed |= w.line == 5 && w.code == LoadWarningCode::CutShort;
    }
    EXPECT_TRUE(textNamed);
    EXPECT_TRUE(cutNamed);

    // A pandas header with no rows: one clear message naming the file.
    write(dir.file("empty_history.csv"), ",loss,val_loss\n");
    b = loadPaths({dir.file("empty_history.csv")});
    EXPECT_TRUE(b.runs.empty());
    ASSERT_EQ(b.errors.size(), 1U);
    EXPECT_EQ(b.errors[0].source, dir.file("empty_history.csv"));
    EXPECT_NE(b.errors[0].message.find("no data rows"), std::string::npos);
    EXPECT_EQ(b.errors[0].message.find('\n'), std::string::npos);
}

TEST(CsvDialects, TensorboardExportsOfOneRunBecomeOneRun) {
    testutil::ScratchDir dir("tbcsv");
    ASSERT_FALSE(dir.path().empty());
    const std::string header = "Wall time,Step,Value\n";
    write(dir.file("run-a-tag-loss.csv"), header + "100.5,0,2.0\n101.5,1,1.5\n");
    write(dir.file("run-a-tag-val_loss.csv"), header + "100.6,0,2.2\n101.6,1,1.8\n");
    write(dir.file("run-b-tag-loss.csv"), header + "200.5,0,3.0\n");
    const LoadBatch b = loadPaths({dir.path()});
    ASSERT_EQ(b.runs.size(), 2U);
    const core::Run* a = b.runs[0]->name == "a" ? b.runs[0].get() : b.runs[1].get();
    const core::Run* other = a == b.runs[0].get() ? b.runs[1].get() : b.runs[0].get();
    EXPECT_EQ(a->name, "a");
    EXPECT_EQ(other->name, "b");
    EXPECT_EQ(metricNames(*a), (std::set<std::string>{"loss", "val_loss"}));
    EXPECT_EQ(a->metrics.at("val_loss").values[1], 1.8);
    EXPECT_EQ(a->metrics.at("val_loss").wallTimes[1], 101.6);
    EXPECT_EQ(a->info("val_loss").role, MetricRole::ValLoss);
    EXPECT_EQ(a->source, dir.path());
    EXPECT_EQ(metricNames(*other), (std::set<std::string>{"loss"}));
}

// The real export of issue #16: 11 files of one run ("run-.-tag-<tag>.csv"), one run.
TEST(CsvDialects, RealTensorboardExportIsOneRun) {
    const LoadBatch b = loadPaths({realworldDir() + "/tbcsv_01"});
    EXPECT_TRUE(b.errors.empty());
    ASSERT_EQ(b.runs.size(), 1U);
    const core::Run& run = *b.runs[0];
    EXPECT_EQ(run.name, "tbcsv_01");
    EXPECT_EQ(metricNames(run),
              (std::set<std::string>{"loss", "lr", "pred_age_acc", "pred_age_loss",
                                     "pred_gender_acc", "pred_gender_loss", "val_loss",
                                     "val_pred_age_acc", "val_pred_age_loss", "val_pred_gender_acc",
                                     "val_pred_gender_loss"}));
    EXPECT_EQ(run.metrics.at("loss").values[0], 12.435992240905762);  // the file's first row
    EXPECT_EQ(run.info("val_loss").role, MetricRole::ValLoss);
}

}  // namespace
}  // namespace curvedoctor::core
