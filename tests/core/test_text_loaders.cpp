// Text-log loaders: Keras progress output, MMDetection text logs and generic key: value lines.
// Fixture values come from tests/data/text/make_text_fixtures.py (read the numbers there);
// real-world counts were checked with the Python one-offs quoted next to each test.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "core/loaders/console/console_log_loader.h"
#include "core/loaders/text_keras_loader.h"
#include "core/loaders/text_log_scan.h"
#include "core/loaders/text_mmdet_loader.h"
#include "tests/core/realworld_dir.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

const std::string kTextDir = std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/text/";
const std::string kRealworld = testing_support::realworldDir();

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int sniffText(const Loader& loader, const std::string& text, const std::string& name = "x.log") {
    return loader.sniff(SniffInput{name, name, text, false});
}

LoadResult loadText(const Loader& loader, const std::string& text) {
    return loader.load(LoadInput{"mem.log", text, {}});
}

RunPtr loadOne(const std::string& path, const std::string& expectFormat) {
    const LoadBatch batch = loadPaths({path});
    EXPECT_TRUE(batch.errors.empty()) << (batch.errors.empty() ? "" : batch.errors[0].message);
    if (batch.runs.size() != 1) {
        ADD_FAILURE() << path << ": " << batch.runs.size() << " runs";
        return nullptr;
    }
    EXPECT_EQ(batch.runs[0]->format, expectFormat) << path;
    return batch.runs[0];
}

// ---- the shared scanner ---------------------------------------------------------------------

// parseNumber's exact fast path (up to 15 digits, no exponent) must round as the C library
// does: every value equals strtod's, bit for bit, with the point anywhere.
TEST(TextLogScan, ShortDecimalsRoundAsStrtodDoes) {
    std::mt19937_64 gen(16);
    for (int i = 0; i < 200000; ++i) {
        const int digits = 1 + static_cast<int>(gen() % 17);
        std::string text;
        for (int d = 0; d < digits; ++d) text += static_cast<char>('0' + gen() % 10);
        text.insert(gen() % (text.size() + 1), ".");
        if (text == ".") continue;
        const auto number = textlog::parseNumber(text);
        ASSERT_TRUE(number) << text;
        const double expected = std::strtod(text.c_str(), nullptr);
        ASSERT_EQ(number->value, expected) << text;
        ASSERT_EQ(number->length, text.size()) << text;
    }
}

// The text logs share the CSV reader's fast path (short_decimal.h): Python's repr of a float (up
// to 17 digits, `7.239714605589143e-09`) and exponents of every size read as std::from_chars
// reads them, bit for bit.
TEST(TextLogScan, PythonReprFloatsMatchFromCharsBitForBit) {
    std::mt19937_64 gen(14);
    char buf[64];
    for (int i = 0; i < 200000; ++i) {
        const double v =
            std::ldexp(static_cast<double>(gen() >> 11), static_cast<int>(gen() % 400) - 253);
        const double a = std::fabs(v);
        const auto format =
            a >= 1e-4 && a < 1e16 ? std::chars_format::fixed : std::chars_format::scientific;
        char* end = std::to_chars(buf, buf + sizeof buf, v, format).ptr;
        if (i % 3 == 0) end = buf + std::snprintf(buf, sizeof buf, "%.17g", v);
        const std::string text(buf, end);
        double expected = 0;
        ASSERT_EQ(std::from_chars(buf, end, expected).ptr, end) << text;
        const auto number = textlog::parseNumber(text + " ");
        ASSERT_TRUE(number) << text;
        ASSERT_EQ(std::bit_cast<std::uint64_t>(number->value),
                  std::bit_cast<std::uint64_t>(expected))
            << text;
        ASSERT_EQ(number->length, text.size()) << text;
    }
}

TEST(TextLogScan, NumbersIncludingNanInfHugeAndGrouped) {
    using textlog::parseNumber;
    EXPECT_DOUBLE_EQ(parseNumber("0.8263,")->value, 0.8263);
    EXPECT_DOUBLE_EQ(parseNumber("9.890e-03")->value, 9.890e-03);
    EXPECT_DOUBLE_EQ(parseNumber("-1.0000")->value, -1.0);
    EXPECT_TRUE(std::isnan(parseNumber("nan")->value));
    EXPECT_TRUE(std::isnan(parseNumber("NaN ")->value));
    EXPECT_EQ(parseNumber("-inf")->value, -HUGE_VAL);
    EXPECT_EQ(parseNumber("Infinity")->value, HUGE_VAL);
    EXPECT_FALSE(parseNumber("info"));  // a word that starts like "inf" is not a number.
    EXPECT_FALSE(parseNumber("nano"));
    // The huge loss from textlog_02 line 722 is a value, not an error.
    EXPECT_DOUBLE_EQ(parseNumber("1825428497217349667885416448.0000")->value,
                     1825428497217349667885416448.0);
    EXPECT_EQ(parseNumber("1e999")->value, HUGE_VAL);  // beyond double: +inf.
    EXPECT_EQ(parseNumber("1,091,520")->value, 1091520.0);
    EXPECT_EQ(parseNumber("1,091,520")->length, 9u);
    EXPECT_EQ(parseNumber("3720, loss")->value, 3720.0);  // ", " is a separator, not grouping.
    EXPECT_EQ(parseNumber("12,34")->value, 12.0);
    EXPECT_FALSE(parseNumber("abc"));
    EXPECT_FALSE(parseNumber("-"));
    EXPECT_FALSE(parseNumber("."));
}

TEST(TextLogScan, FieldValuesRejectTimesListsAndUnits) {
    using textlog::parseFieldValue;
    EXPECT_FALSE(parseFieldValue("0:00:54"));
    EXPECT_FALSE(parseFieldValue("9:34:17, time"));
    EXPECT_FALSE(parseFieldValue("12ms/step"));
    EXPECT_FALSE(parseFieldValue("0.087 0.191 0.064"));
    EXPECT_FALSE(parseFieldValue("[3"));
    const auto bracket = parseFieldValue("[ 0/25] [2783/20018]");
    ASSERT_TRUE(bracket);
    EXPECT_EQ(bracket->value, 0.0);
    EXPECT_EQ(bracket->total, 25.0);
    EXPECT_EQ(bracket->length, 7u);
    const auto fraction = parseFieldValue("3/50");
    ASSERT_TRUE(fraction);
    EXPECT_EQ(fraction->value, 3.0);
    EXPECT_EQ(fraction->total, 50.0);
    EXPECT_EQ(parseFieldValue("93.5%")->value, 93.5);
}

TEST(TextLogScan, AnsiCodesAreStripped) {
    std::string scratch;
    EXPECT_EQ(textlog::stripAnsi("\x1b[34m\x1b[1mtrain\x1b[39m E:\x1b[0m 1", scratch),
              "train E: 1");
    EXPECT_EQ(textlog::stripAnsi("\x1b]0;title\x07ok", scratch), "ok");
    EXPECT_EQ(textlog::stripAnsi("cut\x1b[3", scratch), "cut");
    EXPECT_EQ(textlog::stripAnsi("plain", scratch), "plain");
}

// stripAnsi copies the text between escapes in pieces: every kind of escape, back to back, at
// the start and at the end, and a scratch buffer reused from a longer line.
TEST(TextLogScan, AnsiCodesBackToBackAndAtTheEnds) {
    std::string scratch;
    EXPECT_EQ(textlog::stripAnsi("\x1b[32m[2025-10-20 21:19:16 swin]\x1b[0m\x1b[33m(main.py 186)"
                                 "\x1b[0m: INFO lr 0.1",
                                 scratch),
              "[2025-10-20 21:19:16 swin](main.py 186): INFO lr 0.1");
    EXPECT_EQ(textlog::stripAnsi("a\x1bXb", scratch), "ab");  // two-byte escape
    EXPECT_EQ(textlog::stripAnsi("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ end", scratch),
              "link end");                                           // OSC ended by ESC '\\'
    EXPECT_EQ(textlog::stripAnsi("loss 1\x1b", scratch), "loss 1");  // a lone ESC at the end
    EXPECT_EQ(textlog::stripAnsi("x\x1b[1;31", scratch), "x");       // CSI cut short
    EXPECT_EQ(textlog::stripAnsi("\x1b[0m", scratch), "");
    EXPECT_EQ(textlog::stripAnsi("\x1b]0;no end", scratch), "");     // OSC cut short
    EXPECT_EQ(textlog::stripAnsi("\x1b[1mb\x1b[0m", scratch), "b");  // shorter than the last
}

// The out-parameter parseNumber is the optional one's twin, also when the token it fills held
// a number before: the fast path (<= 15 digits, no exponent) and from_chars agree.
TEST(TextLogScan, NumberIntoTokenMatchesOptional) {
    const std::vector<std::string> texts{"5.",
                                         ".5",
                                         "0.1",
                                         "123456789012345",
                                         "1234567890123456",
                                         "12345678.12345678",
                                         "1.5e3",
                                         "1e",
                                         "-0.0",
                                         "007ms",
                                         "1,091,520",
                                         "abc",
                                         "",
                                         "+",
                                         "nan",
                                         "0.30000000000000004",
                                         "2.3114 (2.4464)",
                                         "9.31%"};
    textlog::NumberToken token;
    token.value = 99.0;
    token.length = 99;
    token.integral = true;
    for (const std::string& text : texts) {
        const auto expected = textlog::parseNumber(text);
        ASSERT_EQ(textlog::parseNumber(text, token), expected.has_value()) << text;
        if (!expected) continue;
        EXPECT_EQ(token.length, expected->length) << text;
        EXPECT_EQ(token.integral, expected->integral) << text;
        if (std::isnan(expected->value))
            EXPECT_TRUE(std::isnan(token.value)) << text;
        else
            EXPECT_EQ(token.value, expected->value) << text;
    }
    ASSERT_TRUE(textlog::parseNumber("12345678.12345678", token));  // 16 digits: from_chars
    EXPECT_EQ(token.value, std::strtod("12345678.12345678", nullptr));
    EXPECT_FALSE(token.integral);
    ASSERT_TRUE(textlog::parseNumber("5.", token));
    EXPECT_EQ(token.value, 5.0);
    EXPECT_EQ(token.length, 2U);
    EXPECT_FALSE(token.integral);
    ASSERT_TRUE(textlog::parseNumber("1.5e3", token));
    EXPECT_EQ(token.value, 1500.0);
    ASSERT_TRUE(textlog::parseNumber("007ms", token));
    EXPECT_EQ(token.value, 7.0);
    EXPECT_EQ(token.length, 3U);
    EXPECT_TRUE(token.integral);
}

// extractKeyValues jumps from separator to separator: ':' and '=' mixed, spaced, repeated
// inside a rejected value, and at the end of the line.
TEST(TextLogScan, KeyValuesAtEverySeparator) {
    std::vector<textlog::KeyValue> kv;
    textlog::extractKeyValues("x=1 y: 2, z = 3 | top1:4.5%; time: 0:00:54 w=5 end:", kv, true);
    ASSERT_EQ(kv.size(), 5U);
    EXPECT_EQ(kv[0].key, "x");
    EXPECT_EQ(kv[1].key, "y");
    EXPECT_EQ(kv[2].key, "z");
    EXPECT_EQ(kv[2].value.value, 3.0);
    EXPECT_EQ(kv[3].key, "top1");
    EXPECT_EQ(kv[3].value.value, 4.5);
    EXPECT_EQ(kv[4].key, "w");  // "0:00:54" is a time, not a value, nor "00" a key.
    EXPECT_EQ(kv[4].value.value, 5.0);
    textlog::extractKeyValues("no separator at all", kv);
    EXPECT_TRUE(kv.empty());
    textlog::extractKeyValues("==::", kv);
    EXPECT_TRUE(kv.empty());
}

TEST(TextLogScan, KeyValuePairs) {
    std::vector<textlog::KeyValue> kv;
    textlog::extractKeyValues("step=3 loss=nan lr=0.001 Val Acc: 0.61, 'epoch': 0.5", kv);
    ASSERT_EQ(kv.size(), 5u);
    EXPECT_EQ(kv[0].key, "step");
    EXPECT_EQ(kv[1].key, "loss");
    EXPECT_TRUE(std::isnan(kv[1].value.value));
    EXPECT_EQ(kv[2].key, "lr");  // not "nan lr": the word before is the previous value.
    EXPECT_EQ(kv[3].key, "Val Acc");
    EXPECT_EQ(kv[4].key, "epoch");
    EXPECT_EQ(kv[4].value.value, 0.5);
    textlog::extractKeyValues("eta: 9:34:17, http://x:80/y, time: 0.7", kv);
    ASSERT_EQ(kv.size(), 1u);
    EXPECT_EQ(kv[0].key, "time");
}

// ---- Keras --------------------------------------------------------------------------------------

TEST(TextKerasLoader, BackspaceProgressBarsTakeEachEpochsFinalLine) {
    const TextKerasLoader loader;
    const std::string text = readFile(kTextDir + "keras_progress.log");
    EXPECT_GT(sniffText(loader, text), confidence::kGeneric);
    const LoadResult result = loadText(loader, text);
    ASSERT_TRUE(result.error.empty()) << result.error;
    ASSERT_EQ(result.runs.size(), 1u);
    const core::Run& run = result.runs[0];
    ASSERT_EQ(run.metrics.size(), 4u);
    const Series* loss = run.find("loss");
    const Series* valLoss = run.find("val_loss");
    ASSERT_TRUE(loss && valLoss && run.find("accuracy") && run.find("val_accuracy"));
    // Three finished epochs; the restarted fourth ("Epoch 1/3", ETA only) is skipped.
    ASSERT_EQ(loss->size(), 3u);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_EQ(loss->epochs, (std::vector<double>{0, 1, 2}));
    EXPECT_DOUBLE_EQ(loss->values[0], 1.90);  // the final update, not an ETA one.
    EXPECT_DOUBLE_EQ(loss->values[1], 1.00);
    EXPECT_TRUE(std::isnan(loss->values[2]));
    EXPECT_DOUBLE_EQ(valLoss->values[0], 1.70);
    EXPECT_EQ(valLoss->values[2], HUGE_VAL);
    ASSERT_EQ(run.warnings.size(), 1u);
    EXPECT_NE(run.warnings[0].message.find("did not finish"), std::string::npos);
    EXPECT_EQ(run.warnings[0].line, 11);
}

TEST(TextKerasLoader, Keras3AnsiBars) {
    const TextKerasLoader loader;
    const std::string text = readFile(kTextDir + "keras3_progress.log");
    EXPECT_GT(sniffText(loader, text), confidence::kGeneric);
    const LoadResult result = loadText(loader, text);
    ASSERT_EQ(result.runs.size(), 1u);
    const Series* acc = result.runs[0].find("val_accuracy");
    ASSERT_TRUE(acc);
    EXPECT_EQ(acc->values, (std::vector<double>{0.85, 0.88}));
    EXPECT_EQ(result.runs[0].find("loss")->values, (std::vector<double>{0.43, 0.31}));
}

TEST(TextKerasLoader, ClaimsOnlyRealProgressOutput) {
    const TextKerasLoader loader;
    EXPECT_EQ(sniffText(loader, "We trained for Epoch 3/50 and loss: 0.4 was fine.\n"),
              confidence::kNone);
    EXPECT_EQ(sniffText(loader, "epoch,loss,val_loss\n0,0.5,0.6\n"), confidence::kNone);
    EXPECT_EQ(sniffText(loader, "Epoch 3/50\n"), confidence::kNone);
    EXPECT_FALSE(loadText(loader, "Epoch 3/50\nhello\n").error.empty());
}

// ---- MMDetection --------------------------------------------------------------------------------

TEST(TextMmdetLoader, FixtureTrainAndValLines) {
    const TextMmdetLoader loader;
    const std::string text = readFile(kTextDir + "mmdet_text.log");
    EXPECT_GT(sniffText(loader, text), confidence::kGeneric);
    const LoadResult result = loadText(loader, text);
    ASSERT_EQ(result.runs.size(), 1u);
    const core::Run& run = result.runs[0];
    const Series* loss = run.find("loss");
    ASSERT_TRUE(loss);
    // Global iteration: (epoch - 1) * 20 + iter.
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{10, 20, 30, 40}));
    EXPECT_EQ(loss->epochs, (std::vector<double>{1, 1, 2, 2}));
    EXPECT_TRUE(std::isnan(loss->values[2]));
    EXPECT_DOUBLE_EQ(loss->values[3], 1825428497217349667885416448.0);
    EXPECT_EQ(run.find("eta"), nullptr);
    EXPECT_EQ(run.find("val/bbox_mAP_copypaste"), nullptr);
    const Series* map = run.find("val/bbox_mAP");
    ASSERT_TRUE(map);
    EXPECT_EQ(map->steps, (std::vector<std::int64_t>{20, 40}));
    EXPECT_EQ(map->values, (std::vector<double>{0.1, 0.2}));
    EXPECT_EQ(run.metrics.size(), 9u);  // lr time data_time memory loss_cls acc loss + 2 val.
}

TEST(TextMmdetLoader, MmengineAndIterationBasedLines) {
    const TextMmdetLoader loader;
    const std::string text =
        "12/01 10:00:00 - mmengine - INFO - Epoch(train)  [1][  50/7330]  lr: 2.0000e-02  "
        "eta: 1 day, 2:03:04  time: 0.5000  loss: 1.2000\n"
        "12/01 10:30:00 - mmengine - INFO - Epoch(val) [1][5000/5000]    coco/bbox_mAP: 0.3000  "
        "coco/bbox_mAP_50: 0.5000\n"
        "2021-01-01 - mmseg - INFO - Iter [100/80000]\tlr: 9.9e-03, loss: 0.9000\n";
    EXPECT_GT(sniffText(loader, text), confidence::kGeneric);
    const LoadResult result = loadText(loader, text);
    ASSERT_EQ(result.runs.size(), 1u);
    const core::Run& run = result.runs[0];
    const Series* loss = run.find("loss");
    ASSERT_TRUE(loss);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{50, 100}));
    const Series* map = run.find("val/coco/bbox_mAP");
    ASSERT_TRUE(map);
    EXPECT_EQ(map->steps, (std::vector<std::int64_t>{7330}));  // end of epoch 1.
    EXPECT_EQ(run.find("eta"), nullptr);
}

TEST(TextMmdetLoader, ClaimsOnlyMmdetLines) {
    const TextMmdetLoader loader;
    EXPECT_EQ(sniffText(loader, "Epoch [1] was good\nIter [3/4] done\n"), confidence::kNone);
    EXPECT_EQ(sniffText(loader, readFile(kTextDir + "keras_progress.log")), confidence::kNone);
}

// ---- generic key: value -------------------------------------------------------------------------

TEST(ConsoleLogLoader, FixtureWithAnsiTracebackNanInf) {
    const ConsoleLogLoader loader;
    const std::string text = readFile(kTextDir + "key_value.log");
    EXPECT_EQ(sniffText(loader, text), confidence::kGeneric + 5);
    const LoadResult result = loadText(loader, text);
    ASSERT_EQ(result.runs.size(), 1u);
    const core::Run& run = result.runs[0];
    const Series* loss = run.find("loss");
    ASSERT_TRUE(loss);
    // step=99 inside the traceback is skipped.
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    EXPECT_TRUE(std::isnan(loss->values[2]));
    EXPECT_EQ(loss->values[3], HUGE_VAL);
    EXPECT_DOUBLE_EQ(loss->values[4], 1.5e30);
    EXPECT_EQ(run.find("lr")->size(), 5u);
    EXPECT_EQ(run.find("acc")->values, std::vector<double>{93.5});
    const Series* valLoss = run.find("Val Loss");
    ASSERT_TRUE(valLoss);
    EXPECT_EQ(valLoss->steps, std::vector<std::int64_t>{1});  // "Epoch 1," is its step.
    EXPECT_EQ(run.metrics.size(), 5u);
    ASSERT_EQ(run.warnings.size(), 1u);
    EXPECT_EQ(run.warnings[0].line, 6);
    EXPECT_NE(run.warnings[0].message.find("CUDA out of memory"), std::string::npos);
}

TEST(ConsoleLogLoader, PythonDictPrintsAndRestartWarning) {
    const ConsoleLogLoader loader;
    const std::string text =
        "{'loss': 0.6931, 'learning_rate': 4.9e-05, 'epoch': 0.5}\n"
        "{'loss': 0.5, 'learning_rate': 4.8e-05, 'epoch': 1.0}\n"
        "{'eval_loss': 0.55, 'epoch': 1.0}\n";
    EXPECT_EQ(sniffText(loader, text), confidence::kGeneric + 5);
    const core::Run run = loadText(loader, text).runs.at(0);
    EXPECT_EQ(run.find("loss")->epochs, (std::vector<double>{0.5, 1.0}));
    EXPECT_EQ(run.find("eval_loss")->steps, std::vector<std::int64_t>{2});  // record ordinal.

    const std::string restarted = "step: 5 loss: 1\nstep: 6 loss: 0.9\nstep: 1 loss: 2\n";
    const core::Run again = loadText(loader, restarted).runs.at(0);
    EXPECT_EQ(again.find("loss")->steps, (std::vector<std::int64_t>{5, 6, 1}));
    ASSERT_EQ(again.warnings.size(), 1u);
    EXPECT_EQ(again.warnings[0].line, 3);
}

TEST(ConsoleLogLoader, PytorchMnistExampleOutput) {
    // The format string of pytorch/examples mnist/main.py: 'Train Epoch: {} [{}/{}
    // ({:.0f}%)]\tLoss:
    // {:.6f}'; the counter is samples seen within the epoch.
    const ConsoleLogLoader loader;
    const std::string text =
        "Train Epoch: 1 [0/60000 (0%)]\tLoss: 2.305954\n"
        "Train Epoch: 1 [640/60000 (1%)]\tLoss: 1.359780\n"
        "\nTest set: Average loss: 0.1000, Accuracy: 9800/10000 (98%)\n\n"
        "Train Epoch: 2 [0/60000 (0%)]\tLoss: 0.5\n";
    EXPECT_EQ(sniffText(loader, text), confidence::kGeneric + 5);
    const core::Run run = loadText(loader, text).runs.at(0);
    ASSERT_EQ(run.metrics.size(), 1u);
    const Series* loss = run.find("train/Loss");
    ASSERT_TRUE(loss);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 640, 60000}));
    EXPECT_EQ(loss->epochs, (std::vector<double>{1, 1, 2}));
}

TEST(TextMmdetLoader, AbsurdCountersAreNotPoints) {
    const TextMmdetLoader loader;
    const std::string text =
        "Epoch [1][1/999999999999]\tlr: 1, loss: 1\n"
        "Epoch(val) [999999999999][1]\tbbox_mAP: 0.5, x: 1\n"
        "Epoch [999999999999][999999999999/999999999999]\tlr: 1, loss: 2\n";
    const core::Run run = loadText(loader, text).runs.at(0);
    EXPECT_EQ(run.find("loss")->steps, std::vector<std::int64_t>{1});  // 1e24 does not fit int64.
    EXPECT_EQ(run.find("val/bbox_mAP"), nullptr);
}

TEST(ConsoleLogLoader, NeedsSeveralRecordLines) {
    const ConsoleLogLoader loader;
    EXPECT_EQ(sniffText(loader, "step=1 loss=2\nstep=2 loss=1\n"), confidence::kNone);
    EXPECT_EQ(sniffText(loader,
                        "Buffer capacity: 3,000,000\nStorage required: 2.58 GB\n"
                        "Learnable parameters: 5,246,680\nmemory: 12\n"),
              confidence::kNone);  // key: value, but no step or epoch.
    EXPECT_EQ(sniffText(loader, "epoch,loss\n1,0.5\n2,0.4\n3,0.3\n"), confidence::kNone);
    EXPECT_EQ(sniffText(loader, std::string("step=1 loss=2\0\n", 15) + "step=2 loss=1\n"
                                                                       "step=3 loss=1\n"),
              confidence::kNone);  // a NUL byte: binary.
    EXPECT_FALSE(loadText(loader, "nothing to see\n").error.empty());
}

TEST(TextLoaders, RegistryPrefersSpecificTextFormats) {
    const auto& registry = LoaderRegistry::builtin();
    const std::string keras = readFile(kTextDir + "keras_progress.log");
    const std::string mmdet = readFile(kTextDir + "mmdet_text.log");
    EXPECT_EQ(registry.pick(SniffInput{"a.log", "a.log", keras, false})->id(), "keras_text");
    EXPECT_EQ(registry.pick(SniffInput{"a.log", "a.log", mmdet, false})->id(), "mmdet_text");
}

// ---- real-world text logs -----------------------------------------------------------------------

class RealworldText : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::is_directory(kRealworld))
            GTEST_SKIP() << "real-world logs not found at " << kRealworld;
    }
};

// python: regex '^\[\s*(\d+) Epoch:\[..\] \[..\] time: .., d_loss: .., g_loss: ..$' over
// nohup.out matches 32,622 lines, counters 1..32622, epochs {0, 1}; the first d_loss is
// 7.66344833 and the last g_loss 0.18220791; sum of g_loss 15679.276129.
TEST_F(RealworldText, Textlog01DcganNohup) {
    const RunPtr run = loadOne(kRealworld + "/textlog_01/nohup.out", "text_kv");
    ASSERT_TRUE(run);
    ASSERT_EQ(run->metrics.size(), 3u);  // d_loss, g_loss and the elapsed "time".
    const Series* d = run->find("d_loss");
    const Series* g = run->find("g_loss");
    ASSERT_TRUE(d && g && run->find("time"));
    EXPECT_EQ(d->size(), 32622u);
    EXPECT_EQ(g->size(), 32622u);
    EXPECT_EQ(d->steps.front(), 1);
    EXPECT_EQ(d->steps.back(), 32622);
    EXPECT_TRUE(d->stepsAreSorted());
    EXPECT_DOUBLE_EQ(d->values.front(), 7.66344833);
    EXPECT_DOUBLE_EQ(g->values.back(), 0.18220791);
    EXPECT_EQ(d->epochs.front(), 0.0);
    EXPECT_EQ(d->epochs.back(), 1.0);
    double sum = 0;
    for (double v : g->values) sum += v;
    EXPECT_NEAR(sum, 15679.276129, 1e-4);
}

// python: 750 'Epoch [e][i/3750]' lines, step (e-1)*3750+i from 50 to 37500; 355 have loss nan,
// the first at step 19800; max loss_rpn_cls 1.8254284972173497e+27; 5 non-empty Epoch(val)
// lines at 3750..18750 with bbox_mAP 0.087, 0.083, 0.122, 0.127, 0.126.
TEST_F(RealworldText, Textlog02MmdetText) {
    const RunPtr run = loadOne(kRealworld + "/textlog_02/20211207_135738.log", "mmdet_text");
    ASSERT_TRUE(run);
    for (const char* key : {"acc", "data_time", "loss", "loss_bbox", "loss_cls", "loss_rpn_bbox",
                            "loss_rpn_cls", "lr", "memory", "time"}) {
        const Series* s = run->find(key);
        ASSERT_TRUE(s) << key;
        EXPECT_EQ(s->size(), 750u) << key;
        EXPECT_EQ(s->steps.front(), 50) << key;
        EXPECT_EQ(s->steps.back(), 37500) << key;
    }
    const Series* loss = run->find("loss");
    EXPECT_EQ(loss->nonFiniteCount(), 355u);
    std::size_t firstNan = 0;
    while (firstNan < loss->size() && std::isfinite(loss->values[firstNan])) ++firstNan;
    ASSERT_LT(firstNan, loss->size());
    EXPECT_EQ(loss->steps[firstNan], 19800);
    double maxRpn = 0;
    for (double v : run->find("loss_rpn_cls")->values)
        if (std::isfinite(v)) maxRpn = std::max(maxRpn, v);
    EXPECT_DOUBLE_EQ(maxRpn, 1.8254284972173497e+27);
    const Series* map = run->find("val/bbox_mAP");
    ASSERT_TRUE(map);
    EXPECT_EQ(map->steps, (std::vector<std::int64_t>{3750, 7500, 11250, 15000, 18750}));
    EXPECT_EQ(map->values, (std::vector<double>{0.087, 0.083, 0.122, 0.127, 0.126}));
    EXPECT_EQ(run->metrics.size(), 16u);  // 10 train + 6 bbox_mAP* (copypaste is not a number).
}

// python: strip '\x1b\[[0-9;]*m', match '^(train|eval)\s+E: .. I: .. R: .. S: ..': 23 eval lines
// (I 0..1,100,520; R 23.0 .. 162.3) and 3,464 train lines (I 53..1,140,466, sorted; R 11.0 ..
// 883.1); the eval rewards equal plain_01/eval.csv (same run) to within the 0.1 rounding.
TEST_F(RealworldText, Textlog03TdmpcAnsiOutput) {
    const RunPtr run = loadOne(kRealworld + "/textlog_03/output.log", "text_kv");
    ASSERT_TRUE(run);
    EXPECT_EQ(run->metrics.size(), 4u);
    const Series* eval = run->find("eval/episode_reward");
    const Series* train = run->find("train/episode_reward");
    ASSERT_TRUE(eval && train && run->find("eval/episode_success") &&
                run->find("train/episode_success"));
    ASSERT_EQ(eval->size(), 23u);
    EXPECT_EQ(eval->steps.front(), 0);
    EXPECT_EQ(eval->steps.back(), 1100520);
    EXPECT_DOUBLE_EQ(eval->values.back(), 162.3);
    EXPECT_EQ(train->size(), 3464u);
    EXPECT_EQ(train->steps.front(), 53);
    EXPECT_EQ(train->steps.back(), 1140466);
    EXPECT_DOUBLE_EQ(train->values.back(), 883.1);
    ASSERT_EQ(run->warnings.size(), 1u);  // the KeyboardInterrupt traceback at line 3531.
    EXPECT_EQ(run->warnings[0].line, 3531);
    EXPECT_NE(run->warnings[0].message.find("KeyboardInterrupt"), std::string::npos);

    // Twin: plain_01/eval.csv holds the same evaluations unrounded.
    std::ifstream csv(kRealworld + "/plain_01/eval.csv");
    std::string row;
    std::getline(csv, row);
    std::size_t i = 0;
    while (std::getline(csv, row) && i < eval->size()) {
        const auto comma = row.find(',');
        EXPECT_EQ(static_cast<std::int64_t>(std::stod(row.substr(0, comma))), eval->steps[i]);
        EXPECT_NEAR(std::stod(row.substr(comma + 1)), eval->values[i], 0.051) << "row " << i;
        ++i;
    }
    EXPECT_EQ(i, 23u);
}

}  // namespace
}  // namespace curvedoctor::core
