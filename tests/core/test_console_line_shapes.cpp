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

// Swin/timm's lines: every number moves, running averages and accuracies change their width
// (7.500, 11.250, 100.000) and the epoch goes 9, 10, 100. Each value is what strtod reads from
// the text; the running averages in parentheses are no values.
TEST(ConsoleLineShapes, NumbersChangeTheirWidthAnywhere) {
    std::string text;
    std::vector<double> acc;
    std::vector<double> valLoss;
    const int epochs[] = {8, 9, 10, 99, 100, 101, 1000};
    for (int k = 0; k < 7; ++k) {
        const std::string a = printed("%.3f", k * 16.25);
        const std::string avg = printed("%.3f", 100.0 / (1 + k * k));
        const std::string v = printed("%.4f", 3.0 / (k + 1) + (k == 4 ? 20 : 0));
        text += "[2025-10-20 21:19:1" + std::to_string(k) + " x](main.py 186): INFO Train: [" +
                std::to_string(epochs[k]) + "/2000]\tlr 0.00" + std::to_string(3 + k) + "\ttime " +
                printed("%.4f", 0.1 * (k + 1) * (k + 1)) + " (" + avg + ")\tAcc@1 " + a + " (" +
                avg + ")\n";
        text += " * Val Acc " + avg + " Val Loss " + v + "\n";
        acc.push_back(std::strtod(a.c_str(), nullptr));
        valLoss.push_back(std::strtod(v.c_str(), nullptr));
    }
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* s = r.runs[0].find("train/Acc@1");
    const Series* v = r.runs[0].find("Val Loss");
    ASSERT_NE(s, nullptr);
    ASSERT_NE(v, nullptr);
    ASSERT_EQ(s->size(), 7U);
    ASSERT_EQ(v->size(), 7U);
    for (std::size_t k = 0; k < 7; ++k) {
        EXPECT_EQ(s->values[k], acc[k]) << k;
        EXPECT_EQ(s->epochs[k], epochs[k]) << k;
        EXPECT_EQ(v->values[k], valLoss[k]) << k;
    }
}

// A digit in a name is never a number, wherever it stands (after '@', '-', a letter, in quotes)
// and whatever the numbers around it do: a name one digit apart is another series, also when
// the value beside it changes its width in the same line.
TEST(ConsoleLineShapes, ANameDigitThatChangesIsAnotherName) {
    const LoadResult r = loadText(
        "step 1 Acc@1 7.500 (9.924) top-5 1.5 x2 3\n"
        "step 2 Acc@1 11.250 (10.136) top-5 12.5 x2 30\n"
        "step 3 Acc@2 6.250 (9.924) top-5 1.5 x2 3\n"
        "step 4 Acc@1 7.500 (9.924) top-6 1.5 x2 3\n"
        "step 5 Acc@1 7.500 (9.924) top-5 1.5 x3 3\n"
        "step 6 Acc@1 7.500 (9.924) top-5 1.5 x2 3\n"
        "step 7 {'top 1': 0.5}\nstep 8 {'top 1': 0.25}\nstep 9 {'top 2': 0.75}\n");
    ASSERT_EQ(r.runs.size(), 1U);
    const core::Run& run = r.runs[0];
    const Series* acc1 = run.find("Acc@1");
    const Series* acc2 = run.find("Acc@2");
    const Series* top5 = run.find("top-5");
    const Series* top6 = run.find("top-6");
    const Series* x2 = run.find("x2");
    const Series* x3 = run.find("x3");
    const Series* quoted1 = run.find("top 1");
    const Series* quoted2 = run.find("top 2");
    for (const Series* s : {acc1, acc2, top5, top6, x2, x3, quoted1, quoted2})
        ASSERT_NE(s, nullptr);
    EXPECT_EQ(acc1->steps, (std::vector<std::int64_t>{1, 2, 4, 5, 6}));
    EXPECT_EQ(acc1->values[1], 11.25);
    EXPECT_EQ(acc2->steps, (std::vector<std::int64_t>{3}));
    EXPECT_EQ(top5->steps, (std::vector<std::int64_t>{1, 2, 3, 5, 6}));
    EXPECT_EQ(top5->values[1], 12.5);
    EXPECT_EQ(top6->steps, (std::vector<std::int64_t>{4}));
    EXPECT_EQ(x2->steps, (std::vector<std::int64_t>{1, 2, 3, 4, 6}));
    EXPECT_EQ(x2->values[1], 30.0);
    EXPECT_EQ(x3->steps, (std::vector<std::int64_t>{5}));
    EXPECT_EQ(quoted1->steps, (std::vector<std::int64_t>{7, 8}));
    EXPECT_EQ(quoted1->values[1], 0.25);
    EXPECT_EQ(quoted2->steps, (std::vector<std::int64_t>{9}));
}

// A total after "/ " is compared with 0 too: "Iter: 3/ 8" in epoch 2 (counted from 1) is step
// (2 - 1) * 8 + 3 = 11, "Iter: 3/ 0" is step 3. A grouped "5,000" is 5000 and "50,000" 50000.
TEST(ConsoleLineShapes, SpacedTotalsAndGroupedNumbersOfOtherWidths) {
    const LoadResult r = loadText(
        "Epoch: 2, Iter: 3/ 0, loss: 0.5\nEpoch: 2, Iter: 3/ 0, loss: 0.6\n"
        "Epoch: 2, Iter: 3/ 8, loss: 0.7\nstep 20 tokens: 5,000\nstep 21 tokens: 50,000\n"
        "step 22 tokens: 5,000\n");
    ASSERT_EQ(r.runs.size(), 1U);
    const Series* loss = r.runs[0].find("loss");
    const Series* tokens = r.runs[0].find("tokens");
    ASSERT_NE(loss, nullptr);
    ASSERT_NE(tokens, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{3, 3, 11}));
    EXPECT_EQ(tokens->values, (std::vector<double>{5000, 50000, 5000}));
}

}  // namespace
}  // namespace curvedoctor::core
