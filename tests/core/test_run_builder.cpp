#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <string_view>

#include "core/loaders/run_builder.h"

using curvedoctor::core::LoadWarning;
namespace core = curvedoctor::core;
using curvedoctor::core::RunBuilder;
using curvedoctor::core::Series;
using curvedoctor::core::StepColumn;

namespace {

core::Run twoSeriesRun() {
    RunBuilder b;
    const std::size_t loss = b.series("loss");
    const std::size_t acc = b.series("acc");
    for (std::int64_t step = 1; step <= 3; ++step) {
        b.add(loss, step, 1.0 / static_cast<double>(step), NAN, NAN, step + 1, -1);
        b.add(acc, step, 0.1 * static_cast<double>(step), static_cast<double>(step), NAN, step + 1,
              -1);
    }
    b.run().name = "r";
    return b.finish();
}

std::size_t countContaining(const core::Run& run, const std::string& text) {
    std::size_t n = 0;
    for (const LoadWarning& w : run.warnings) n += w.message.find(text) != std::string::npos;
    return n;
}

}  // namespace

TEST(RunBuilder, AppendingToARunContinuesItsSeries) {
    RunBuilder b(twoSeriesRun());
    EXPECT_EQ(b.pointCount(), 6U);
    EXPECT_EQ(b.seriesCount(), 2U);
    b.add(b.series("loss"), 4, 0.25, NAN, NAN, 5, -1);
    b.add(b.series("lr"), 4, 0.01, NAN, NAN, 5, -1);  // a series that appears later
    const core::Run run = b.finish();

    EXPECT_EQ(run.name, "r");
    ASSERT_NE(run.find("loss"), nullptr);
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{1, 2, 3, 4}));
    EXPECT_EQ(run.find("loss")->values.back(), 0.25);
    EXPECT_EQ(run.find("acc")->size(), 3U);
    ASSERT_NE(run.find("lr"), nullptr);
    EXPECT_EQ(run.find("lr")->steps, (std::vector<std::int64_t>{4}));
    EXPECT_TRUE(run.warnings.empty());
}

TEST(RunBuilder, AppendedStepsAreCheckedAgainstTheLastStepOfTheExistingRun) {
    RunBuilder b(twoSeriesRun());
    b.add(b.series("loss"), 2, 0.6, NAN, NAN, 9, -1);  // step 2 after step 3
    const core::Run run = b.finish();
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].line, 9);
    EXPECT_EQ(run.warnings[0].code, core::LoadWarningCode::StepOrder);
    EXPECT_NE(run.warnings[0].message.find("step 2 of 'loss' comes after step 3"),
              std::string::npos);
    EXPECT_EQ(run.find("loss")->size(), 4U);  // every point kept
}

TEST(RunBuilder, AppendingKeepsTheOptionalColumnsAligned) {
    RunBuilder b(twoSeriesRun());
    b.add(b.series("acc"), 4, 0.4, 4.0, NAN, 5, -1);
    b.add(b.series("loss"), 4, 0.25, 4.0, 1.7e9, 5, -1);  // loss gets its first epoch and time
    const core::Run run = b.finish();
    const Series& acc = *run.find("acc");
    EXPECT_EQ(acc.epochs, (std::vector<double>{1, 2, 3, 4}));
    EXPECT_FALSE(acc.hasWallTimes());
    const Series& loss = *run.find("loss");
    ASSERT_EQ(loss.epochs.size(), 4U);
    EXPECT_TRUE(std::isnan(loss.epochs[0]) && std::isnan(loss.epochs[2]));
    EXPECT_EQ(loss.epochs[3], 4.0);
    ASSERT_EQ(loss.wallTimes.size(), 4U);
    EXPECT_EQ(loss.wallTimes[3], 1.7e9);
}

TEST(RunBuilder, AppendingToSharedStepsLeavesTheOtherSeriesAlone) {
    core::Run run;
    const StepColumn shared(std::vector<std::int64_t>{1, 2});
    run.metrics["a"].steps = shared;
    run.metrics["a"].values = {1, 2};
    run.metrics["b"].steps = shared;
    run.metrics["b"].values = {3, 4};
    RunBuilder b(std::move(run));
    b.add(b.series("a"), 3, 5, NAN, NAN, 4, -1);
    const core::Run out = b.finish();
    EXPECT_EQ(out.find("a")->steps, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(out.find("b")->steps, (std::vector<std::int64_t>{1, 2}));
}

TEST(RunBuilder, WarningsOfTheExistingRunCountTowardsTheCap) {
    core::Run run;
    const std::size_t listed = info(core::LoadWarningCode::NoStep).listed;
    for (std::size_t i = 0; i < listed; ++i) {
        run.warnings.push_back(
            {static_cast<std::int64_t>(i + 1), -1, "old", core::LoadWarningCode::NoStep, ""});
    }
    RunBuilder b(std::move(run));
    b.warn(core::LoadWarningCode::NoStep, 100, -1, "new");
    b.warn(core::LoadWarningCode::Other, 101, -1, "other kind");  // its own cap
    const core::Run out = b.finish();
    EXPECT_EQ(countContaining(out, "new"), 0U);
    EXPECT_EQ(countContaining(out, "other kind"), 1U);
    EXPECT_EQ(countContaining(out, "1 more rows without a usable step"), 1U);
    EXPECT_EQ(out.warnings.size(), listed + 2);
}

TEST(RunBuilder, EachCodeIsCappedOnItsOwnAndSummarisedOnce) {
    RunBuilder b;
    for (int i = 0; i < 30; ++i) b.warn(core::LoadWarningCode::NotANumber, i + 1, -1, "bad cell");
    for (int i = 0; i < 3; ++i) b.warn(core::LoadWarningCode::ExtraFields, i + 1, -1, "fields");
    const core::Run first = b.finish();
    EXPECT_EQ(countContaining(first, "bad cell"), 20U);
    EXPECT_EQ(countContaining(first, "fields"), 3U);
    ASSERT_EQ(countContaining(first, "10 more non-numeric cells"), 1U);
    EXPECT_EQ(first.warnings.back().code, core::LoadWarningCode::NotANumber);

    // Appending: the summary becomes a count again; one summary line for the sum.
    RunBuilder again(first);
    for (int i = 0; i < 5; ++i)
        again.warn(core::LoadWarningCode::NotANumber, 40 + i, -1, "bad cell");
    const core::Run second = again.finish();
    EXPECT_EQ(countContaining(second, "bad cell"), 20U);
    EXPECT_EQ(countContaining(second, "more non-numeric cells"), 1U);
    EXPECT_EQ(countContaining(second, "15 more non-numeric cells"), 1U);
}

TEST(LoadWarningCodes, OneRowPerCodeWithUniqueIds) {
    const auto codes = core::loadWarningCodes();
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(codes[i].code), i);
        EXPECT_TRUE(ids.insert(codes[i].id).second) << codes[i].id;
        EXPECT_GT(codes[i].listed, 0U);
        EXPECT_FALSE(codes[i].more.empty());
        EXPECT_EQ(core::loadWarningCodeFromId(codes[i].id), codes[i].code);
    }
    EXPECT_EQ(core::toString(core::LoadWarningCode::StepOrder), "step_order");
    EXPECT_FALSE(core::loadWarningCodeFromId("no_such_code").has_value());
}

TEST(RunBuilder, SeriesOnEveryRowShareOneStepColumn) {
    RunBuilder b;
    const std::size_t loss = b.series("loss");
    const std::size_t acc = b.series("acc");
    const std::size_t val = b.series("val_loss");
    for (std::int64_t row = 0; row < 4; ++row) {
        b.beginRow(10 * row, row + 2);
        b.addToRow(loss, 1.0);
        if (row < 3) b.addToRow(acc, 0.5);       // stops before the last row
        if (row % 2 == 1) b.addToRow(val, 2.0);  // every other row
    }
    const core::Run run = b.finish();
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{0, 10, 20, 30}));
    EXPECT_EQ(run.find("acc")->steps, (std::vector<std::int64_t>{0, 10, 20}));
    EXPECT_EQ(run.find("val_loss")->steps, (std::vector<std::int64_t>{10, 30}));
    EXPECT_EQ(run.find("loss")->steps.useCount(), 1);  // the only series on every row
    EXPECT_FALSE(run.find("acc")->steps.sharedWith(run.find("loss")->steps));
}

TEST(RunBuilder, RowsAreSharedUntilEverySeriesMissedOne) {
    RunBuilder b;
    EXPECT_FALSE(b.rowsShared());  // no series yet
    const std::size_t loss = b.series("loss");
    const std::size_t acc = b.series("acc");
    b.beginRow(0, 1);
    b.addToRow(loss, 1.0);
    b.addToRow(acc, 0.5);
    EXPECT_TRUE(b.rowsShared());
    b.beginRow(1, 2);
    b.addToRow(loss, 0.9);  // acc misses this row
    b.beginRow(2, 3);
    b.addToRow(acc, 0.6);  // and loss this one
    EXPECT_FALSE(b.rowsShared());
    b.add(loss, 3, 0.8, NAN, NAN, 4, -1);
    const core::Run run = b.finish();
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{0, 1, 3}));
    EXPECT_EQ(run.find("acc")->steps, (std::vector<std::int64_t>{0, 2}));
}

TEST(RunBuilder, ATableOfDenseColumnsHoldsItsStepsOnce) {
    RunBuilder b;
    const std::size_t a = b.series("a");
    const std::size_t c = b.series("c");
    for (std::int64_t row = 0; row < 3; ++row) {
        b.beginRow(row, row + 2, static_cast<double>(row));
        b.addToRow(a, 1.0);
        b.addToRow(c, 2.0);
    }
    b.beginRow(1, 5);  // the step goes back: one warning for the row, both series touched
    b.addToRow(a, 1.0);
    b.addToRow(c, 2.0);
    const core::Run run = b.finish();
    EXPECT_TRUE(run.find("a")->steps.sharedWith(run.find("c")->steps));
    EXPECT_EQ(run.find("a")->steps, (std::vector<std::int64_t>{0, 1, 2, 1}));
    EXPECT_EQ(run.find("c")->epochs.size(), 4U);
    EXPECT_TRUE(run.find("a")->epochs.sharedWith(run.find("c")->epochs));
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].line, 5);
}

// A Lightning metrics.csv: the train metrics on every row but the validation ones, which hold
// only the validation metrics, logged at the step of the train row before.
TEST(RunBuilder, SeriesOnTheSameRowsShareColumnsAcrossTheRowsTheyMiss) {
    RunBuilder b;
    const std::size_t loss = b.series("loss");
    const std::size_t lr = b.series("lr");
    const std::size_t valLoss = b.series("val_loss");
    const std::size_t valAcc = b.series("val_acc");
    std::int64_t line = 2;
    for (std::int64_t step = 0; step < 6; ++step) {
        const auto epoch = static_cast<double>(step / 3);
        b.beginRow(step, line++, epoch);
        b.addToRow(loss, 1.0);
        b.addToRow(lr, 0.1);
        if (step % 3 == 2) {
            b.beginRow(step, line++, epoch);
            b.addToRow(valLoss, 2.0);
            b.addToRow(valAcc, 0.5);
        }
    }
    EXPECT_TRUE(b.rowsShared());
    const core::Run run = b.finish();
    const core::Series& l = *run.find("loss");
    const core::Series& v = *run.find("val_loss");
    EXPECT_EQ(l.steps, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(l.epochs, (std::vector<double>{0, 0, 0, 1, 1, 1}));
    EXPECT_TRUE(l.steps.sharedWith(run.find("lr")->steps));
    EXPECT_TRUE(l.epochs.sharedWith(run.find("lr")->epochs));
    EXPECT_EQ(v.steps, (std::vector<std::int64_t>{2, 5}));
    EXPECT_EQ(v.epochs, (std::vector<double>{0, 1}));
    EXPECT_TRUE(v.steps.sharedWith(run.find("val_acc")->steps));
    EXPECT_TRUE(v.epochs.sharedWith(run.find("val_acc")->epochs));
    EXPECT_EQ(run.find("val_acc")->values, (std::vector<double>{0.5, 0.5}));
    EXPECT_TRUE(run.warnings.empty());
}

// The group's steps and epochs are built packed as the rows arrive (no per-row vector packed at
// the end); a series that leaves its group after many rows goes on with its own exact copy.
TEST(RunBuilder, GroupColumnsArePackedWhileLoadingAndReadBackExactly) {
    RunBuilder b;
    const std::size_t loss = b.series("loss");
    const std::size_t lr = b.series("lr");
    const std::size_t gap = b.series("gap");  // misses row 3000, then on every row again
    const std::size_t val = b.series("val_loss");
    std::vector<std::int64_t> steps;
    std::vector<double> epochs;
    std::vector<std::int64_t> gapSteps;
    std::vector<double> gapEpochs;
    std::vector<std::int64_t> valSteps;
    std::int64_t line = 2;
    for (std::int64_t step = 0; step < 10000; ++step) {
        const auto epoch = static_cast<double>(step / 1000);
        b.beginRow(step, line++, epoch);
        steps.push_back(step);
        epochs.push_back(epoch);
        b.addToRow(loss, 1.0);
        b.addToRow(lr, 0.1);
        if (step != 3000) {
            b.addToRow(gap, 2.0);
            gapSteps.push_back(step);
            gapEpochs.push_back(epoch);
        }
        if (step % 50 == 49) {
            b.beginRow(step, line++, epoch);
            b.addToRow(val, 3.0);
            valSteps.push_back(step);
        }
    }
    b.expectGrowth(2.0, 1 << 20);  // a packed group column needs no room reserved
    const core::Run run = b.finish();
    const core::Series& l = *run.find("loss");
    EXPECT_TRUE(l.steps.isPacked());
    EXPECT_TRUE(l.epochs.isPacked());
    EXPECT_LT(l.steps.heapBytes() + l.epochs.heapBytes(), 2000U);
    EXPECT_EQ(l.steps, steps);
    EXPECT_EQ(l.epochs, epochs);
    EXPECT_TRUE(l.steps.sharedWith(run.find("lr")->steps));
    EXPECT_EQ(run.find("gap")->steps, gapSteps);
    EXPECT_EQ(run.find("gap")->epochs, gapEpochs);
    EXPECT_EQ(run.find("gap")->values.size(), gapSteps.size());
    EXPECT_EQ(run.find("val_loss")->steps, valSteps);
    EXPECT_TRUE(run.find("val_loss")->steps.isPacked());
    EXPECT_TRUE(run.warnings.empty());
}

// Entries of a column as text, NaN spelt "nan", so that columns with NaN compare with ==.
std::vector<std::string> entries(const core::PackedColumn<double>& column) {
    std::vector<std::string> out;
    for (const double x : column) out.push_back(std::isnan(x) ? "nan" : std::to_string(x));
    return out;
}

TEST(RunBuilder, RowEpochsAndWallTimesAreEachSeriesOwnOnes) {
    RunBuilder b;
    const std::size_t loss = b.series("loss");  // on every row
    const std::size_t lr = b.series("lr");      // on every row
    const std::size_t acc = b.series("acc");    // rows 0-1: before the first known epoch
    const std::size_t val = b.series("val");    // rows 1 and 3
    const std::size_t gap = b.series("gap");    // misses row 3
    const std::size_t last = b.series("last");  // stops after row 3
    for (std::int64_t row = 0; row < 5; ++row) {
        const double epoch = row < 2 ? NAN : static_cast<double>(row / 2);
        b.beginRow(row, row + 2, epoch, 100.0 + static_cast<double>(row));
        b.addToRow(loss, 1.0);
        b.addToRow(lr, 0.1);
        if (row < 2) b.addToRow(acc, 0.5);
        if (row % 2 == 1) b.addToRow(val, 2.0);
        if (row != 3) b.addToRow(gap, 3.0);
        if (row < 4) b.addToRow(last, 4.0);
    }
    const core::Run run = b.finish();
    const auto text = [](std::initializer_list<double> xs) {
        return entries(core::PackedColumn<double>(std::vector<double>(xs)));
    };
    const core::Series& l = *run.find("loss");
    EXPECT_EQ(entries(l.epochs), text({NAN, NAN, 1, 1, 2}));
    EXPECT_EQ(entries(l.wallTimes), text({100, 101, 102, 103, 104}));
    EXPECT_TRUE(l.epochs.sharedWith(run.find("lr")->epochs));
    EXPECT_TRUE(l.wallTimes.sharedWith(run.find("lr")->wallTimes));
    EXPECT_TRUE(run.find("acc")->epochs.empty());  // none of its rows knew an epoch
    EXPECT_EQ(entries(run.find("acc")->wallTimes), text({100, 101}));
    EXPECT_EQ(entries(run.find("val")->epochs), text({NAN, 1}));
    EXPECT_EQ(entries(run.find("val")->wallTimes), text({101, 103}));
    EXPECT_EQ(run.find("val")->steps, (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(entries(run.find("gap")->epochs), text({NAN, NAN, 1, 2}));
    EXPECT_EQ(entries(run.find("gap")->wallTimes), text({100, 101, 102, 104}));
    EXPECT_EQ(run.find("gap")->steps, (std::vector<std::int64_t>{0, 1, 2, 4}));
    EXPECT_EQ(entries(run.find("last")->epochs), text({NAN, NAN, 1, 1}));
    EXPECT_EQ(entries(run.find("last")->wallTimes), text({100, 101, 102, 103}));
    EXPECT_TRUE(run.warnings.empty());
}

TEST(RunBuilder, RepeatedStepsCanBeAllowed) {
    RunBuilder b;
    b.allowRepeatedSteps();
    const std::size_t loss = b.series("loss");
    b.add(loss, 1, 1.0, NAN, NAN, 1, -1);
    b.add(loss, 1, 0.9, NAN, NAN, 2, -1);  // an epoch-counted text log logs epoch 1 twice
    EXPECT_TRUE(b.finish().warnings.empty());
    RunBuilder strict;
    const std::size_t l = strict.series("loss");
    strict.add(l, 1, 1.0, NAN, NAN, 1, -1);
    strict.add(l, 1, 0.9, NAN, NAN, 2, -1);
    EXPECT_EQ(strict.finish().warnings.size(), 1U);
}
