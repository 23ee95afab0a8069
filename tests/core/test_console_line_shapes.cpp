// The console reader's repeat cache (core/loaders/console/console_line_shapes.*): lines of a
// remembered shape are read by their numbers alone, so every test here writes lines that differ
// from the one before in a way the cache must see (another name, a total, a word for a number)
// or must read (other digits, more digits, a new timestamp). Expected values are the printed
// text read by std::strtod, or steps worked out from the format by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "core/loaders/console/console_log_loader.h"

namespace curvedoctor::core {
namespace {

LoadResult loadText(const std::string& text) {
    const ConsoleLogLoader loader;
    return loader.load(LoadInput{"output.log", text, {}});
}

std::string printed(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// nanoGPT's line, repeated with numbers of every width: each value is what strtod reads from
// the text, each step the iteration written.
TEST(ConsoleLineShapes, RepeatedLinesReadTheirOwnNumbers) {
    std::string text;
    std::vector<std::int64_t> steps;
    std::vector<double> loss;
    std::vector<double> time;
    const char* formats[] = {"%.4f", "%.4f", "%.2f", "%.8f", "%.4f", "%.17g"};
    for (int i = 0; i < 300; ++i) {
        const std::int64_t step = i < 150 ? i : i * 37;
        const std::string l = printed(formats[(i / 7) % 6], 10.0 / (1.0 + i * 0.37));
        const std::string t = printed("%.2f", 200.0 + (i * 7919 % 1000) * 1.37);
        text += "iter " + std::to_string(step) + ": loss " + l + " BPC, time " + t + "ms\n";
        steps.push_back(step);
        loss.push_back(std::strtod(l.c_str(), nullptr));
        time.push_back(std::strtod(t.c_str(), nullptr));
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* s = r.runs[0].find("loss");
    const Series* t = r.runs[0].find("time");
    ASSERT_NE(s, nullptr);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(s->size(), loss.size());
    for (std::size_t i = 0; i < loss.size(); ++i) {
        EXPECT_EQ(s->steps[i], steps[i]) << i;
        EXPECT_EQ(s->values[i], loss[i]) << i;
        EXPECT_EQ(t->values[i], time[i]) << i;
    }
}

// A digit in a name is not a number of the record: "layer1 loss" and "layer2 loss" (the same
// shape, one digit apart) are two series.
TEST(ConsoleLineShapes, NamesOneDigitApartStayApart) {
    const LoadResult r = loadText(
        "step 1 layer1 loss 0.5\nstep 2 layer1 loss 0.4\nstep 3 layer2 loss 0.3\n"
        "step 4 layer2 loss 0.2\n");
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* one = r.runs[0].find("layer1 loss");
    const Series* two = r.runs[0].find("layer2 loss");
    ASSERT_NE(one, nullptr);
    ASSERT_NE(two, nullptr);
    EXPECT_EQ(one->steps, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(two->steps, (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(two->values[1], 0.2);
}

// A total is compared with 0: "[3/0]" is no counter, "[3/8]" in epoch 2 (epochs counted from
// 1) is step (2 - 1) * 8 + 3 = 11. The two lines differ only in that digit.
TEST(ConsoleLineShapes, ATotalIsNotANumberToReadAgain) {
    const LoadResult r =
        loadText("Epoch 2 [3/0] loss 0.5\nEpoch 2 [3/0] loss 0.6\nEpoch 2 [3/8] loss 0.7\n");
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* s = r.runs[0].find("loss");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->steps, (std::vector<std::int64_t>{2, 2, 11}));
    EXPECT_EQ(s->values[2], 0.7);
}

// A word where digits stood, a sign or an exponent changes the shape: the line is read in full.
// After a name without ':', "nan" and "inf" are words, not values (console_line.h: a name is the
// words right before a number), so steps 2 and 3 give no loss; after ':' they are values.
TEST(ConsoleLineShapes, WordsSignsAndExponentsInPlaceOfDigits) {
    const LoadResult r = loadText(
        "step 1 loss 123\nstep 2 loss nan\nstep 3 loss inf\nstep 4 loss -12\nstep 5 loss 1e5\n"
        "step 6 loss 250\nstep 7 acc: 0.5\nstep 8 acc: nan\nstep 9 acc: inf\n");
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("loss");
    const Series* acc = r.runs[0].find("acc");
    ASSERT_NE(loss, nullptr);
    ASSERT_NE(acc, nullptr);
    // "loss nan" and "loss inf" are values (nanoGPT prints a diverged loss so), each read in
    // full: a word where digits stood is no remembered shape.
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
    ASSERT_EQ(loss->size(), 6U);
    EXPECT_TRUE(std::isnan(loss->values[1]));
    EXPECT_EQ(loss->values[2], std::numeric_limits<double>::infinity());
    EXPECT_EQ(loss->values[3], -12.0);
    EXPECT_EQ(loss->values[4], 1e5);
    EXPECT_EQ(loss->values[5], 250.0);
    ASSERT_EQ(acc->size(), 3U);
    EXPECT_EQ(acc->values[0], 0.5);
    EXPECT_TRUE(std::isnan(acc->values[1]));
    EXPECT_TRUE(std::isinf(acc->values[2]));
}

// A running clock in the logging prefix does not change the shape; "loss 1,234" is 1 (the
// ',' ends the field), also when the line repeats.
TEST(ConsoleLineShapes, TimestampsChangeAndGroupedDigitsStayFields) {
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += "2024-01-05 10:0" + std::to_string(i % 10) + ":1" + std::to_string(i % 7) +
                ",123 INFO: step " + std::to_string(i) + " loss 0." + std::to_string(i % 10) +
                " acc " + std::to_string(i % 9 + 1) + ",234\n";
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("loss");
    const Series* acc = r.runs[0].find("acc");
    ASSERT_NE(loss, nullptr);
    ASSERT_NE(acc, nullptr);
    ASSERT_EQ(loss->size(), 20U);
    ASSERT_EQ(acc->size(), 20U);
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(loss->steps[i], i);
        EXPECT_EQ(loss->values[i], std::strtod(("0." + std::to_string(i % 10)).c_str(), nullptr));
        EXPECT_EQ(acc->values[i], i % 9 + 1);
    }
}

// Lines that never repeat (an ETA in each) rest the cache for a while; the lines after, of one
// shape, are read right through the rest and after it.
TEST(ConsoleLineShapes, LinesThatNeverRepeatThenOneShape) {
    std::string text;
    std::vector<double> loss;
    for (int i = 0; i < 3000; ++i) {
        const std::string l = printed("%.5f", 1.0 / (1.0 + i));
        text += "step " + std::to_string(1000 + i) + " loss " + l;
        if (i < 100) text += " eta 0:" + std::to_string(10 + i % 50) + ":" + std::to_string(i);
        text += "\n";
        loss.push_back(std::strtod(l.c_str(), nullptr));
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* s = r.runs[0].find("loss");
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->size(), loss.size());
    for (std::size_t i = 0; i < loss.size(); ++i) {
        EXPECT_EQ(s->steps[i], static_cast<std::int64_t>(1000 + i)) << i;
        EXPECT_EQ(s->values[i], loss[i]) << i;
    }
}

}  // namespace
}  // namespace curvedoctor::core
