// Generic CSV/TSV loader: every quirk of issue #2 on a tiny fixture in tests/data/csv/.
// Expected values are read off the fixture files by eye (each is a few lines long).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "core/loaders/csv/csv_formats.h"
#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvGenericLoader, QuirksFixture) {
    // quirks.csv: BOM, CRLF, a comment line, a quoted and padded header, a blank line,
    // nan/inf/-inf/Infinity/NaN/NA cells, an empty cell, a quoted number and one text cell.
    const RunPtr run = loadOne(csvFixture("quirks.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "csv");
    ASSERT_EQ(run->metrics.size(), 2U);
    const Series* loss = run->find("train loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
    EXPECT_DOUBLE_EQ(loss->values[0], 2.5);
    EXPECT_TRUE(std::isnan(loss->values[1]));
    EXPECT_EQ(loss->values[2], INFINITY);
    EXPECT_EQ(loss->values[3], -INFINITY);
    EXPECT_EQ(loss->values[4], INFINITY);
    EXPECT_TRUE(std::isnan(loss->values[5]));
    EXPECT_EQ(loss->nonFiniteCount(), 5U);

    // val_acc: step 0 empty (gap), NA at step 2 kept as NaN, "oops" at step 4 skipped.
    const Series* acc = run->find("val_acc");
    ASSERT_NE(acc, nullptr);
    EXPECT_EQ(acc->steps, (std::vector<std::int64_t>{1, 2, 3, 5}));
    EXPECT_TRUE(std::isnan(acc->values[1]));
    EXPECT_DOUBLE_EQ(acc->values[2], 0.75);

    // The text cell is reported with its line: line 8 counting the comment and blank lines.
    ASSERT_EQ(run->warnings.size(), 1U);
    EXPECT_EQ(run->warnings[0].line, 8);
    EXPECT_NE(run->warnings[0].message.find("oops"), std::string::npos);
}

TEST(CsvGenericLoader, CrCrLfAndLoneCrEndings) {
    const RunPtr a = loadOne(csvFixture("crcrlf.csv"));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->find("loss")->steps, (std::vector<std::int64_t>{10, 20, 30}));
    const RunPtr b = loadOne(csvFixture("lone_cr.csv"));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->find("loss")->values, (std::vector<double>{1.0, 0.5}));
}

TEST(CsvGenericLoader, TabSemicolonAndWhitespaceTables) {
    const RunPtr tsv = loadOne(csvFixture("tabs.tsv"));
    ASSERT_TRUE(tsv);
    EXPECT_EQ(tsv->find("acc")->steps, (std::vector<std::int64_t>{100, 200, 300}));  // iteration
    const RunPtr semi = loadOne(csvFixture("semicolon.csv"));
    ASSERT_TRUE(semi);
    // "Step" (capitalised) is the step column; "0,9" is a decimal comma.
    EXPECT_EQ(semi->find("loss")->steps, (std::vector<std::int64_t>{1, 2}));
    EXPECT_DOUBLE_EQ(semi->find("loss")->values[0], 0.9);
    const RunPtr ws = loadOne(csvFixture("whitespace.txt"));
    ASSERT_TRUE(ws);
    EXPECT_EQ(ws->find("lr")->values, (std::vector<double>{0.1, 0.1, 0.01}));
    EXPECT_EQ(ws->find("lr")->steps, (std::vector<std::int64_t>{1, 2, 3}));  // global_step
}

TEST(CsvGenericLoader, FloatStepsAreAccepted) {
    const RunPtr run = loadOne(csvFixture("float_steps.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->find("episode_reward")->steps, (std::vector<std::int64_t>{0, 50126, 100023}));
    EXPECT_TRUE(run->warnings.empty());
}

TEST(CsvGenericLoader, RowIndexWithoutStepColumn) {
    const RunPtr run = loadOne(csvFixture("row_index.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->find("loss")->steps, (std::vector<std::int64_t>{0, 1, 2, 3}));
    EXPECT_FALSE(run->find("loss")->hasEpochs());
}

TEST(CsvGenericLoader, EpochFallbackAndWallTime) {
    const RunPtr run = loadOne(csvFixture("epoch_fallback.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->metrics.size(), 1U);  // epoch and wall_time are axes, not metrics.
    const Series* loss = run->find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(loss->epochs, (std::vector<double>{1, 2, 3}));
    // The third wall time is in milliseconds and comes back as seconds.
    EXPECT_EQ(loss->wallTimes, (std::vector<double>{1700000000.5, 1700000100.5, 1700000200.0}));
}

TEST(CsvGenericLoader, QuotedHeaderWithCommaAndTextColumn) {
    const RunPtr run = loadOne(csvFixture("quoted.csv"));
    ASSERT_TRUE(run);
    ASSERT_NE(run->find("name, with comma"), nullptr);
    EXPECT_EQ(run->find("name, with comma")->values, (std::vector<double>{1.5, 2.5}));
    EXPECT_EQ(run->find("note"), nullptr);
    ASSERT_EQ(run->warnings.size(), 1U);
    EXPECT_NE(run->warnings[0].message.find("'note' holds text"), std::string::npos);
}

TEST(CsvGenericLoader, BackwardStepsAreKeptAndReported) {
    const RunPtr run = loadOne(csvFixture("backwards.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->find("loss")->steps, (std::vector<std::int64_t>{1, 2, 1, 2}));
    ASSERT_EQ(run->warnings.size(), 1U);
    EXPECT_EQ(run->warnings[0].line, 4);
}

TEST(CsvGenericLoader, FilesWithoutDataGiveOneLineErrors) {
    for (const char* name : {"header_only.csv", "all_text.csv"}) {
        const LoadBatch batch = loadFile(csvFixture(name), LoaderRegistry::builtin(), {});
        EXPECT_TRUE(batch.runs.empty()) << name;
        ASSERT_EQ(batch.errors.size(), 1U) << name;
        EXPECT_EQ(batch.errors[0].message.find('\n'), std::string::npos);
    }
}

TEST(CsvGenericLoader, ManyTextCellsAreSummarised) {
    std::string text = "step,loss\n";
    for (int i = 0; i < 100; ++i) text += std::to_string(i) + (i % 2 ? ",bad\n" : ",0.5\n");
    const LoadResult r = makeGenericCsvLoader()->load(LoadInput{"mem.csv", text, {}});
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_EQ(r.runs[0].find("loss")->size(), 50U);
    // 20 listed (lines 3, 5, ...) and one summary for the other 30.
    ASSERT_EQ(r.runs[0].warnings.size(), 21U);
    EXPECT_EQ(r.runs[0].warnings[0].line, 3);
    EXPECT_NE(r.runs[0].warnings.back().message.find("30 more"), std::string::npos);
}

TEST(CsvGenericLoader, CancelStopsEarly) {
    std::string text = "step,loss\n";
    for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",0.5\n";
    int calls = 0;
    const LoadResult r = makeGenericCsvLoader()->load(
        LoadInput{"mem.csv", text, [&](double) { return ++calls < 2; }});
    EXPECT_TRUE(r.cancelled);
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_LT(r.runs[0].find("loss")->size(), 200000U);
}

// A last line without a line end may still be being written (issue #12.3): left out, said.
TEST(CsvGenericLoader, TruncatedLastLineIsLeftOut) {
    const std::string text = "step,loss,acc\n1,0.5,0.1\n2,0.4";
    const LoadResult r = makeGenericCsvLoader()->load(LoadInput{"mem.csv", text, {}});
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_EQ(r.runs[0].find("loss")->size(), 1U);
    EXPECT_EQ(r.runs[0].find("acc")->size(), 1U);
    ASSERT_EQ(r.runs[0].warnings.size(), 1U);
    EXPECT_EQ(r.runs[0].warnings[0].line, 3);
}

// Plain rows take the reader's dense-row fast path, padded ones the general path: the run must
// be the same either way, fractional-step warning, wall-time conversion and gaps included.
TEST(CsvGenericLoader, DenseRowFastPathLoadsLikeTheGeneralPath) {
    std::string plain = "step,loss,wall_time,acc\n";
    std::string padded = plain;
    for (int i = 0; i < 200; ++i) {
        char row[96];
        const char* step = i == 150 ? "150.5" : nullptr;
        // Wall times in milliseconds, spelled with an exponent so the fast path takes them.
        std::snprintf(row, sizeof row, "%s,%.6f,%.6e,%s", step ? step : std::to_string(i).c_str(),
                      1.0 / (i + 1), 1.7e12 + i * 1e6, i % 7 == 0 ? "" : "0.5");
        plain += row;
        plain += "\n";
        std::string spaced = row;
        for (std::size_t k = spaced.find(','); k != std::string::npos; k = spaced.find(',', k + 2))
            spaced.insert(k + 1, 1, ' ');
        padded += spaced + " \n";
    }
    const LoadResult a = makeGenericCsvLoader()->load(LoadInput{"plain.csv", plain, {}});
    const LoadResult b = makeGenericCsvLoader()->load(LoadInput{"padded.csv", padded, {}});
    ASSERT_EQ(a.runs.size(), 1U);
    ASSERT_EQ(b.runs.size(), 1U);
    const core::Run& ra = a.runs[0];
    const core::Run& rb = b.runs[0];
    ASSERT_EQ(ra.metrics.size(), 2U);
    for (const auto& [name, s] : ra.metrics) {
        const Series& t = rb.metrics.at(name);
        EXPECT_EQ(s.steps, t.steps) << name;
        EXPECT_EQ(s.values, t.values) << name;
        EXPECT_EQ(s.wallTimes, t.wallTimes) << name;
    }
    EXPECT_EQ(ra.metrics.at("loss").size(), 200U);
    EXPECT_EQ(ra.metrics.at("acc").size(), 200U - 29U);  // every 7th cell is a gap.
    EXPECT_EQ(ra.metrics.at("loss").steps[150], 151);    // 150.5 rounds half away from zero.
    EXPECT_DOUBLE_EQ(ra.metrics.at("loss").wallTimes[1], 1.700001e9);  // ms -> s
    ASSERT_EQ(ra.warnings.size(), 1U);
    EXPECT_EQ(ra.warnings[0].line, rb.warnings[0].line);
    EXPECT_EQ(ra.warnings[0].message, rb.warnings[0].message);
}

// A step no int64 can hold, spelled as a plain decimal, skips its row with the usual warning.
TEST(CsvGenericLoader, HugeStepSkipsTheRow) {
    std::string text = "step,loss\n0,1.5\n1e20,2.5\n";
    for (int i = 2; i < 20; ++i) text += std::to_string(i) + ",0.25\n";
    const LoadResult r = makeGenericCsvLoader()->load(LoadInput{"mem.csv", text, {}});
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_EQ(r.runs[0].metrics.at("loss").size(), 19U);
    ASSERT_FALSE(r.runs[0].warnings.empty());
    EXPECT_EQ(r.runs[0].warnings[0].line, 3);
    EXPECT_NE(r.runs[0].warnings[0].message.find("no usable step"), std::string::npos);
    // The file's own text, or the number as the dense-row path formats it.
    const std::string& message = r.runs[0].warnings[0].message;
    EXPECT_TRUE(message.find("'1e20'") != std::string::npos ||
                message.find("'1e+20'") != std::string::npos)
        << message;
}

TEST(CsvGenericLoader, RealworldPlainCsv) {
    if (!test::haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    // python csv.DictReader over plain_01/eval.csv: 23 rows; float steps 0.0 .. 1100520.0.
    const RunPtr run = loadOne(test::realworldFile("plain_01/eval.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "csv");
    ASSERT_EQ(run->metrics.size(), 1U);
    const Series* s = run->find("episode_reward");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->size(), 23U);
    EXPECT_EQ(s->steps.front(), 0);
    EXPECT_EQ(s->steps[1], 50126);
    EXPECT_EQ(s->steps.back(), 1100520);
    EXPECT_DOUBLE_EQ(s->values[1], 69.55293273925781);
}

TEST(CsvGenericLoader, ColumnsOnEveryRowShareOneStepColumn) {
    const std::string text = "step,a,b,c\n1,1,2,3\n2,1,2,\n3,1,2,3\n";
    const LoadResult r = makeGenericCsvLoader()->load(LoadInput{"share.csv", text, {}});
    ASSERT_EQ(r.runs.size(), 1U);
    const core::Run& run = r.runs[0];
    EXPECT_TRUE(run.find("a")->steps.sharedWith(run.find("b")->steps));
    EXPECT_EQ(run.find("a")->steps.useCount(), 2);
    EXPECT_EQ(run.find("c")->steps, (std::vector<std::int64_t>{1, 3}));  // a gap: its own
    EXPECT_EQ(run.find("b")->steps, (std::vector<std::int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace curvedoctor::core
