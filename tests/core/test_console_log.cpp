// The general console-log reader (core/loaders/console/) and the JSON dialects of issue #16 on
// the fixtures of tests/data/scripts/make_console_fixtures.py: every value there is
// loss(s) = 2 * 0.99^s of its step s, printed rounded, so the expected values below are that
// formula, not this program's output. Bad input: empty, binary, truncated, mislabelled, huge.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "core/loader_registry.h"
#include "core/loaders/console/console_line.h"
#include "core/loaders/console/console_log_loader.h"
#include "core/loaders/jsonl_loader.h"
#include "core/loaders/keras_history_loader.h"

namespace curvedoctor::core {
namespace {

const std::string kDir = std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/console/";

double lossAt(double s) {
    return 2.0 * std::pow(0.99, s);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

RunPtr loadFixture(const std::string& name, const std::string& format) {
    const LoadBatch batch = loadPaths({kDir + name});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    if (batch.runs.size() != 1) return nullptr;
    EXPECT_EQ(batch.runs[0]->format, format) << name;
    return batch.runs[0];
}

LoadResult loadText(const std::string& text) {
    const ConsoleLogLoader loader;
    return loader.load(LoadInput{"output.log", text, {}});
}

// Checks steps and the formula at every point; `scale` and `offset` as the script prints.
void expectLossCurve(const Series& s, const std::vector<std::int64_t>& steps, double digits,
                     double offset = 0.0, double stepScale = 1.0) {
    ASSERT_EQ(s.size(), steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(s.steps[i], steps[i]) << i;
        EXPECT_NEAR(s.values[i], lossAt(static_cast<double>(steps[i]) * stepScale) + offset,
                    0.5 * std::pow(10.0, -digits) + 1e-12)
            << i;
    }
}

TEST(ConsoleLine, StripsLoggingPrefixes) {
    EXPECT_EQ(console::stripLogPrefix("I0103 20:09:51.218508 1399 logging_writer.py:35] [10] a=1"),
              "[10] a=1");
    EXPECT_EQ(console::stripLogPrefix("2023/06/04 00:43:21 - mmengine - INFO - Epoch(train) x"),
              "Epoch(train) x");
    EXPECT_EQ(console::stripLogPrefix("[2025-10-20 21:19:16 swin](main.py 186): INFO Train: x"),
              "Train: x");
    EXPECT_EQ(console::stripLogPrefix("2021-07-20 12:00:00 | INFO     | yolox.core.trainer:259 - "
                                      "epoch: 1/300"),
              "epoch: 1/300");
    EXPECT_EQ(console::stripLogPrefix("2024-01-05 10:00:00,123 loss=1"), "loss=1");
    // No prefix: left alone, also a line that merely mentions a level.
    EXPECT_EQ(console::stripLogPrefix("loss: 1 INFO"), "loss: 1 INFO");
    EXPECT_EQ(console::stripLogPrefix("Epoch 3 ERROR rate 0.1"), "Epoch 3 ERROR rate 0.1");
}

// console::extractSpacePairs on the pieces of `text`.
void spacePairs(std::string_view text, std::vector<textlog::KeyValue>& pairs) {
    std::vector<console::Token> tokens;
    console::tokenize(text, tokens);
    console::extractSpacePairs(text, tokens, {}, pairs);
}

TEST(ConsoleLine, TokensSplitAtWhitespaceAndStandAloneBreaks) {
    std::vector<console::Token> tokens;
    const std::string_view text = " lr 0.1,\tAcc@1 7.5|x_y:3 \r 2nd;";
    console::tokenize(text, tokens);
    const std::vector<std::string_view> pieces{"lr", "0.1",   ",",   "Acc@1", "7.5",
                                               "|",  "x_y:3", "2nd", ";"};
    ASSERT_EQ(tokens.size(), pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_EQ(tokens[i].text, pieces[i]);
        EXPECT_EQ(text.substr(tokens[i].offset, tokens[i].text.size()), pieces[i]);
    }
    // A word starts with a letter or '_' and holds only name characters (':' is not one).
    const std::vector<bool> words{true, false, false, true, false, false, false, false, false};
    for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(tokens[i].word, words[i]) << i;
    console::tokenize("", tokens);
    EXPECT_TRUE(tokens.empty());
}

TEST(ConsoleLine, NameValuePairsWithUnitsAndRunningAverages) {
    std::vector<textlog::KeyValue> pairs;
    const std::string_view text = "iter 10: loss 10.0507 BPC, time 263.86ms, mfu 9.31%";
    spacePairs(text, pairs);
    ASSERT_EQ(pairs.size(), 4U);
    EXPECT_EQ(pairs[0].key, "iter");
    EXPECT_EQ(pairs[0].value.value, 10.0);
    EXPECT_EQ(pairs[1].key, "loss");
    EXPECT_EQ(pairs[1].value.value, 10.0507);
    EXPECT_EQ(pairs[2].key, "time");
    EXPECT_EQ(pairs[2].value.value, 263.86);
    EXPECT_EQ(pairs[3].key, "mfu");
    EXPECT_EQ(pairs[3].value.value, 9.31);

    pairs.clear();
    spacePairs("lr 0.003\tloss 2.3114 (2.4464)\tAcc@1 7.500 (9.924)\tMem 285MB", pairs);
    ASSERT_EQ(pairs.size(), 4U);
    EXPECT_EQ(pairs[1].key, "loss");
    EXPECT_EQ(pairs[1].value.value, 2.3114);  // the value, not the running average
    EXPECT_EQ(pairs[2].key, "Acc@1");
    EXPECT_EQ(pairs[3].value.value, 285.0);

    // Prose: four words before a number are not a name; names do not span '|' or ','.
    pairs.clear();
    spacePairs("Accuracy of the network on the 50000 | subset loss 3, x 1", pairs);
    ASSERT_EQ(pairs.size(), 2U);
    EXPECT_EQ(pairs[0].key, "subset loss");
    EXPECT_EQ(pairs[1].key, "x");
}

TEST(ConsoleLine, NonFiniteValuesAfterANameAreValues) {
    // nanoGPT prints a diverged loss as "loss nan": the NaN must reach the doctor, not end the
    // name ("loss nan" with no value, the point dropped).
    std::vector<textlog::KeyValue> pairs;
    spacePairs("iter 120: loss nan, time 263.86ms, grad norm inf | scale -inf", pairs);
    ASSERT_EQ(pairs.size(), 5U);
    EXPECT_EQ(pairs[1].key, "loss");
    EXPECT_TRUE(std::isnan(pairs[1].value.value));
    EXPECT_EQ(pairs[3].key, "grad norm");
    EXPECT_EQ(pairs[3].value.value, std::numeric_limits<double>::infinity());
    EXPECT_EQ(pairs[4].value.value, -std::numeric_limits<double>::infinity());
    // A word that only starts like one stays part of the name.
    pairs.clear();
    spacePairs("loss nanny 3 info 4", pairs);
    ASSERT_EQ(pairs.size(), 2U);
    EXPECT_EQ(pairs[0].key, "loss nanny");
    EXPECT_EQ(pairs[1].key, "info");
}

TEST(ConsoleLog, ADivergedNanoGptLossKeepsItsNanPoints) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "iter " + std::to_string(i * 10) + ": loss ";
        text += i < 30 ? std::to_string(lossAt(i * 10)) : std::string("nan");
        text += ", time 263.86ms, mfu 9.31%\n";
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    const Series* loss = r.runs[0].find("loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 40U);
    EXPECT_FALSE(std::isnan(loss->values[29]));
    EXPECT_TRUE(std::isnan(loss->values[30]));
    EXPECT_EQ(loss->steps[39], 390);
}

TEST(ConsoleLog, SwinStyleOutputWithBlocksAndAnsi) {
    const RunPtr run = loadFixture("swin_output.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const std::vector<std::int64_t> epochs{0, 1, 2, 3, 4};
    const Series* loss = run->find("train/loss");
    ASSERT_NE(loss, nullptr);
    expectLossCurve(*loss, epochs, 4);
    const Series* trainLoss = run->find("Train Loss");
    ASSERT_NE(trainLoss, nullptr);
    expectLossCurve(*trainLoss, epochs, 3, 0.1);
    const Series* valLoss = run->find("Val Loss");
    ASSERT_NE(valLoss, nullptr);
    expectLossCurve(*valLoss, epochs, 3, 0.3);
    const Series* validate = run->find("val/Loss");
    ASSERT_NE(validate, nullptr);
    expectLossCurve(*validate, epochs, 4, 0.2);
    const Series* acc = run->find("Val Acc");
    ASSERT_NE(acc, nullptr);
    EXPECT_EQ(acc->values.back(), 43.0);
    EXPECT_EQ(run->find("train images"), nullptr);  // "... on the 50000 train images: 9.9%"
    EXPECT_EQ(run->find("main.py"), nullptr);
    EXPECT_EQ(run->info("Val Loss").role, MetricRole::ValLoss);
    EXPECT_EQ(run->info("Train Acc").role, MetricRole::TrainMetric);
}

TEST(ConsoleLog, NanoGptIterAndStepLines) {
    const RunPtr run = loadFixture("nanogpt_output.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    expectLossCurve(*loss, {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 4);
    const Series* val = run->find("val loss");
    ASSERT_NE(val, nullptr);
    expectLossCurve(*val, {0, 50, 100}, 4, 0.01);
    ASSERT_NE(run->find("mfu"), nullptr);
    EXPECT_EQ(run->find("batch_size"), nullptr);  // the config printed first
    EXPECT_EQ(run->find("BPC"), nullptr);
    EXPECT_EQ(run->info("val loss").role, MetricRole::ValLoss);
}

TEST(ConsoleLog, EpochBlocksAfterAConfig) {
    const RunPtr run = loadFixture("epoch_blocks.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const Series* train = run->find("Train Loss");
    ASSERT_NE(train, nullptr);
    expectLossCurve(*train, {1, 2, 3}, 4);
    const Series* valid = run->find("Valid Loss");
    ASSERT_NE(valid, nullptr);
    expectLossCurve(*valid, {1, 2, 3}, 4, 0.5);
    ASSERT_NE(run->find("Time Taken"), nullptr);  // "24.77s": the unit is dropped
    EXPECT_EQ(run->find("Time Taken")->values[0], 24.77);
    EXPECT_EQ(run->find("lr"), nullptr);  // config lines before the first block
    EXPECT_EQ(run->find("num_epochs"), nullptr);
    EXPECT_EQ(run->info("Valid Loss").role, MetricRole::ValLoss);
}

TEST(ConsoleLog, Detectron2ConsoleLines) {
    const RunPtr run = loadFixture("detectron2_console.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const Series* total = run->find("total_loss");
    ASSERT_NE(total, nullptr);
    expectLossCurve(*total, {19, 39, 59, 79, 99, 119, 139, 159, 179, 199}, 3);
    ASSERT_NE(run->find("lr"), nullptr);
    EXPECT_EQ(run->find("eta"), nullptr);
}

TEST(ConsoleLog, YoloxLoguruLines) {
    const RunPtr run = loadFixture("yolox_train.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const Series* total = run->find("total_loss");
    ASSERT_NE(total, nullptr);
    std::vector<std::int64_t> steps;
    for (int e = 1; e <= 2; ++e)
        for (int i = 10; i <= 100; i += 10) steps.push_back((e - 1) * 100 + i);
    expectLossCurve(*total, steps, 1);
    EXPECT_EQ(run->find("yolox.core.trainer"), nullptr);
    EXPECT_EQ(run->find("batch_size"), nullptr);
}

TEST(ConsoleLog, FairseqTrainInnerAndValid) {
    const RunPtr run = loadFixture("fairseq_train.log", "text_kv");
    ASSERT_NE(run, nullptr);
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 20U);
    EXPECT_EQ(loss->steps.front(), 100);
    EXPECT_EQ(loss->steps.back(), 2000);
    EXPECT_NEAR(loss->values.back(), lossAt(20), 5e-4);
    const Series* valid = run->find("valid/loss");
    ASSERT_NE(valid, nullptr);
    ASSERT_EQ(valid->size(), 2U);
    EXPECT_EQ(valid->steps[1], 2000);
    EXPECT_NEAR(valid->values[1], lossAt(20), 5e-4);
    EXPECT_EQ(run->info("valid/loss").role, MetricRole::ValLoss);
}

TEST(ConsoleLog, MmengineAfterALongConfigIsTheMmdetTextReader) {
    const RunPtr run = loadFixture("mmengine_train.log", "mmdet_text");
    ASSERT_NE(run, nullptr);
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    std::vector<std::int64_t> steps;
    for (int e = 1; e <= 3; ++e)
        for (int i = 5; i <= 20; i += 5) steps.push_back((e - 1) * 20 + i);
    expectLossCurve(*loss, steps, 4);
    ASSERT_NE(run->find("val/coco/bbox_mAP"), nullptr);
}

TEST(JsonDialects, DeitLogTxtHasAnEpochAxis) {
    const RunPtr run = loadFixture("deit_log.txt", "epoch_log_json");
    ASSERT_NE(run, nullptr);
    const Series* train = run->find("train_loss");
    ASSERT_NE(train, nullptr);
    expectLossCurve(*train, {0, 1, 2, 3}, 12);
    ASSERT_TRUE(train->hasEpochs());
    EXPECT_EQ(train->epochs[3], 3.0);
    EXPECT_EQ(run->find("epoch"), nullptr);
    EXPECT_EQ(run->find("n_parameters"), nullptr);
    EXPECT_EQ(run->info("test_acc1").role, MetricRole::ValMetric);
}

TEST(JsonDialects, KerasHistoryJson) {
    const RunPtr run = loadFixture("keras_history.json", "keras_history_json");
    ASSERT_NE(run, nullptr);
    ASSERT_EQ(run->metrics.size(), 4U);
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    expectLossCurve(*loss, {0, 1, 2, 3, 4}, 12);
    const Series* val = run->find("val_loss");
    ASSERT_NE(val, nullptr);
    expectLossCurve(*val, {0, 1, 2, 3, 4}, 12, 0.5);
    EXPECT_EQ(run->info("val_accuracy").role, MetricRole::ValMetric);
}

TEST(JsonDialects, KerasHistoryCutShortKeepsWholeValues) {
    const std::string text = readFile(kDir + "keras_history.json");
    const std::string cut = text.substr(0, text.find("val_loss") + 40);
    const KerasHistoryJsonLoader loader;
    EXPECT_GE(loader.sniff(SniffInput{"h.json", "h.json", cut, false}), confidence::kLikely);
    const LoadResult r = loader.load(LoadInput{"h.json", cut, {}});
    ASSERT_EQ(r.runs.size(), 1U);
    ASSERT_NE(r.runs[0].find("loss"), nullptr);
    EXPECT_EQ(r.runs[0].find("loss")->size(), 5U);
    ASSERT_FALSE(r.runs[0].warnings.empty());
    EXPECT_EQ(r.runs[0].warnings.back().code, LoadWarningCode::CutShort);
}

TEST(JsonDialects, KerasHistoryRefusesOtherJson) {
    const KerasHistoryJsonLoader loader;
    for (const std::string& text :
         {std::string{"{\"log_history\": [{\"loss\": 1}]}"}, std::string{"{\"a\": 1}"},
          std::string{"[1, 2]"}, std::string{"{\"names\": [\"x\"]}"}, std::string{}}) {
        EXPECT_EQ(loader.sniff(SniffInput{"h.json", "h.json", text, false}), confidence::kNone)
            << text;
        EXPECT_TRUE(loader.load(LoadInput{"h.json", text, {}}).runs.empty()) << text;
    }
}

// The reader's name cache picks a slot by the length and bytes 0, 1, n/2 and n-1 of a name:
// "d_loss" and "d_moss" share one, and alternating lines of different shapes (as Swin/timm
// writes) must keep every name apart.
TEST(ConsoleLog, NamesSharingACacheSlotStayApart) {
    std::string text;
    for (int s = 1; s <= 4; ++s) {
        text += "step " + std::to_string(s) + " d_loss 0." + std::to_string(s) + " d_moss 1." +
                std::to_string(s) + "\n";
        text += "step " + std::to_string(s) + " d_moss 2." + std::to_string(s) + "\n";
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("d_loss");
    const Series* moss = r.runs[0].find("d_moss");
    ASSERT_NE(loss, nullptr);
    ASSERT_NE(moss, nullptr);
    ASSERT_EQ(loss->size(), 4U);
    ASSERT_EQ(moss->size(), 8U);
    EXPECT_EQ(loss->values[3], 0.4);
    EXPECT_EQ(moss->values[0], 1.1);
    EXPECT_EQ(moss->values[1], 2.1);
    EXPECT_EQ(moss->steps[7], 4);
}

// A record is a row of RunBuilder: the series of every line share their steps; one that misses
// a line or starts late keeps steps of its own.
TEST(ConsoleLog, SeriesOfEveryLineShareTheirSteps) {
    std::string text;
    for (int s = 1; s <= 7; ++s) {
        text += "iter " + std::to_string(10 * s) + ": loss 0." + std::to_string(s) + ", mfu " +
                std::to_string(s) + "%";
        if (s != 7) text += ", lr 0.00" + std::to_string(s);  // misses the last line
        if (s == 6) text += ", wd 9.5";                       // only on one line
        text += "\n";
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const auto& run = r.runs[0];
    ASSERT_NE(run.find("loss"), nullptr);
    ASSERT_NE(run.find("mfu"), nullptr);
    ASSERT_NE(run.find("lr"), nullptr);
    ASSERT_NE(run.find("wd"), nullptr);
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{10, 20, 30, 40, 50, 60, 70}));
    EXPECT_TRUE(run.find("loss")->steps.sharedWith(run.find("mfu")->steps));
    EXPECT_EQ(run.find("mfu")->values[6], 7.0);
    EXPECT_EQ(run.find("lr")->steps, (std::vector<std::int64_t>{10, 20, 30, 40, 50, 60}));
    EXPECT_EQ(run.find("lr")->values[5], 0.006);
    EXPECT_EQ(run.find("wd")->steps, (std::vector<std::int64_t>{60}));
}

// Past the first MiB a log whose lines hold different series stops using rows; points before
// and after keep their steps, also of a series that starts after that.
TEST(ConsoleLog, LinesOfDifferentSeriesPastTheGrowthCheck) {
    constexpr int kLines = 40000;  // about 1.4 MB
    std::string text;
    for (int s = 0; s < kLines; ++s) {
        text += "iter " + std::to_string(s) + ": loss 0.5\n";
        text += "iter " + std::to_string(s) + ": acc 0.25\n";
        if (s >= kLines - 3) text += "iter " + std::to_string(s) + ": late 1.5\n";
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const auto& run = r.runs[0];
    for (const char* name : {"loss", "acc"}) {
        const Series* s = run.find(name);
        ASSERT_NE(s, nullptr) << name;
        ASSERT_EQ(s->size(), static_cast<std::size_t>(kLines)) << name;
        for (int i = 0; i < kLines; i += 997) EXPECT_EQ(s->steps[i], i) << name;
        EXPECT_EQ(s->steps[kLines - 1], kLines - 1) << name;
    }
    ASSERT_NE(run.find("late"), nullptr);
    EXPECT_EQ(run.find("late")->steps,
              (std::vector<std::int64_t>{kLines - 3, kLines - 2, kLines - 1}));
}

// One line with each thing the tokenizer handles: colours, a ' - ' and a '|' separator, a
// running average, an attached and a separate unit, and a key=value pair.
TEST(ConsoleLog, AnsiSeparatorsUnitsAveragesAndPairsOnOneLine) {
    std::string text;
    for (int s = 1; s <= 3; ++s)
        text += "\x1b[32mstep " + std::to_string(s) +
                "\x1b[0m - loss 0.25 (0.30) | time 12.5ms, mem 3 GB | grad_norm=0.5\n";
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const core::Run& run = r.runs[0];
    for (const char* name : {"loss", "time", "mem", "grad_norm"})
        ASSERT_NE(run.find(name), nullptr) << name;
    EXPECT_EQ(run.find("loss")->values[0], 0.25);  // the value, not the average
    EXPECT_EQ(run.find("time")->values[1], 12.5);
    EXPECT_EQ(run.find("mem")->values[2], 3.0);
    EXPECT_EQ(run.find("grad_norm")->steps[2], 3);
    EXPECT_EQ(run.find("0.30"), nullptr);
    EXPECT_EQ(run.metrics.size(), 4U);  // no "step" series, no "GB", no "(0.30)".
}

TEST(ConsoleLogBadInput, EmptyBinaryAndProseAreNotLogs) {
    const ConsoleLogLoader loader;
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7 % 256);
    const std::string prose = "Accuracy of the network on the 10000 test images: 9.9%\n";
    for (const std::string& text : {std::string{}, binary, prose}) {
        EXPECT_EQ(loader.sniff(SniffInput{"output.log", "output.log", text, false}),
                  confidence::kNone);
        const LoadResult r = loadText(text);
        EXPECT_TRUE(r.runs.empty());
        EXPECT_FALSE(r.error.empty());
    }
}

TEST(ConsoleLogBadInput, TruncatedLastLineAndHugeLine) {
    std::string text;
    for (int s = 0; s < 10; ++s)
        text += "step " + std::to_string(s) + ": loss 1." + std::to_string(s) + "\n";
    text += std::string(8 << 20, 'x') + " loss 5\n";  // one 8 MiB line of noise
    text += "step 10: loss 1.1";                      // cut short, no line end
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps.back(), 10);
    EXPECT_EQ(loss->size(), 11U);
}

TEST(ConsoleLogBadInput, MislabelledJsonAndCsvAreNotConsoleLogs) {
    // A CSV named output.log and JSON lines go to their own readers, not this one.
    const LoadBatch csv = loadPaths({kDir + "deit_log.txt"});
    ASSERT_EQ(csv.runs.size(), 1U);
    EXPECT_NE(csv.runs[0]->format, "text_kv");
}

}  // namespace
}  // namespace curvedoctor::core
