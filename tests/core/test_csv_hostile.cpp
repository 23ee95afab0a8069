// Issue #12, the CSV-family loaders' part: hostile and changing files never crash and never show a
// wrong number. Each test is the regression test of one numbered defect of that issue.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/json/json_reader.h"
#include "core/loaders/csv/csv_formats.h"
#include "core/out_of_range_decimal.h"
#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

LoadResult loadGeneric(const std::string& bytes) {
    return makeGenericCsvLoader()->load(LoadInput{"x.csv", bytes, {}});
}

std::set<std::string> metricNames(const core::Run& run) {
    std::set<std::string> names;
    for (const auto& [name, s] : run.metrics) names.insert(name);
    return names;
}

// #12.1: the second `a` was renamed `a_2` without looking at the header's own `a_2`, so two
// columns shared one series (ASan: heap-use-after-free when the empty one was erased).
TEST(CsvHostile, DuplicateNameRenamedPastNamesThatExist) {
    const LoadResult r = loadGeneric("step,a,a,a_2\n1,,,\n2,,,\n3,0.5,,\n");
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    EXPECT_EQ(metricNames(r.runs[0]), (std::set<std::string>{"a"}));
    EXPECT_EQ(r.runs[0].find("a")->steps, (std::vector<std::int64_t>{3}));
}

TEST(CsvHostile, EveryDuplicateColumnIsItsOwnSeries) {
    const LoadResult r = loadGeneric("step,loss,loss,loss_2\n1,0.1,0.2,0.3\n2,0.4,0.5,0.6\n");
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    const core::Run& run = r.runs[0];
    EXPECT_EQ(metricNames(run), (std::set<std::string>{"loss", "loss_2", "loss_3"}));
    EXPECT_EQ(run.find("loss")->values, (std::vector<double>{0.1, 0.4}));
    EXPECT_EQ(run.find("loss_2")->values, (std::vector<double>{0.3, 0.6}));  // the header's own.
    EXPECT_EQ(run.find("loss_3")->values, (std::vector<double>{0.2, 0.5}));  // the renamed copy.
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_NE(run.warnings[0].message.find("'loss_3'"), std::string::npos);
    EXPECT_NE(run.warnings[0].message.find("copy 2"), std::string::npos);
}

TEST(CsvHostile, ManyCopiesAndEmptyNamesStayDistinct) {
    // Empty names become column_<n>, which the header may also spell.
    const LoadResult r = loadGeneric("step,x,x,x,column_6,,x_3\n1,1,2,3,4,5,6\n");
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    const core::Run& run = r.runs[0];
    EXPECT_EQ(run.metrics.size(), 6U);
    std::set<double> values;
    for (const auto& [name, s] : run.metrics) {
        ASSERT_EQ(s.size(), 1U) << name;
        values.insert(s.values[0]);
    }
    EXPECT_EQ(values, (std::set<double>{1, 2, 3, 4, 5, 6}));
}

// #12.3: a last line without a line end may be one still being written, cut anywhere, even
// inside its last number; it is left out with a warning naming it.
TEST(CsvHostile, UnterminatedLastLineIsLeftOutWithAWarning) {
    const LoadResult r = loadGeneric("step,loss\n1,0.5\n2,0.4\n3,0.3");
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    EXPECT_EQ(r.runs[0].find("loss")->values, (std::vector<double>{0.5, 0.4}));
    ASSERT_EQ(r.runs[0].warnings.size(), 1U);
    EXPECT_EQ(r.runs[0].warnings[0].line, 4);
    EXPECT_NE(r.runs[0].warnings[0].message.find("no line end"), std::string::npos);
    // The same file complete loads every row without a word; so do CRLF and lone-CR endings.
    for (const std::string end : {"\n", "\r\n", "\r"}) {
        const LoadResult whole = loadGeneric("step,loss" + end + "1,0.5" + end + "3,0.3" + end);
        ASSERT_EQ(whole.runs.size(), 1U) << whole.error;
        EXPECT_EQ(whole.runs[0].find("loss")->values, (std::vector<double>{0.5, 0.3}));
        EXPECT_TRUE(whole.runs[0].warnings.empty());
    }
}

TEST(CsvHostile, OnlyDataRowUnterminatedSaysWhy) {
    const LoadResult r = loadGeneric("step,loss\n1,0.5");
    EXPECT_TRUE(r.runs.empty());
    EXPECT_NE(r.error.find("line 2"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("no line end"), std::string::npos) << r.error;
}

int countTornWarnings(const core::Run& run) {
    int n = 0;
    for (const LoadWarning& w : run.warnings)
        n += w.message.find("no line end") != std::string::npos;
    return n;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Each real log cut at 80% of its last line loads exactly what the log without its last line
// loads, plus the warning: no value of the cut line (`1.162518501281` for
// `1.1625185012817383` in keras_01) and no column longer than the others.
TEST(CsvHostile, RealLogsCutInTheirLastLine) {
    if (!test::haveRealworld()) GTEST_SKIP() << "no real-world logs";
    struct Case {
        const char* file;
        std::unique_ptr<Loader> loader;
    };
    Case cases[] = {{"keras_01/model_history_log.csv", makeKerasCsvLoader()},
                    {"lightning_01/metrics.csv", makeLightningCsvLoader()},
                    {"ultralytics_01/results.csv", makeUltralyticsCsvLoader()},
                    {"yolov5_01/results.txt", makeYolov5ResultsLoader()},
                    {"plain_01/eval.csv", makeGenericCsvLoader()}};
    for (const Case& c : cases) {
        const std::string bytes = readFile(test::realworldFile(c.file));
        ASSERT_FALSE(bytes.empty()) << c.file;
        ASSERT_EQ(bytes.back(), '\n') << c.file;
        const std::size_t lastStart = bytes.rfind('\n', bytes.size() - 2) + 1;
        const std::size_t lastLength = bytes.size() - 1 - lastStart;
        const std::string torn = bytes.substr(0, lastStart + lastLength * 8 / 10);
        const LoadResult cut = c.loader->load(LoadInput{c.file, torn, {}});
        const LoadResult before = c.loader->load(LoadInput{c.file, bytes.substr(0, lastStart), {}});
        ASSERT_EQ(cut.runs.size(), 1U) << c.file << ": " << cut.error;
        ASSERT_EQ(before.runs.size(), 1U) << c.file;
        EXPECT_EQ(metricNames(cut.runs[0]), metricNames(before.runs[0])) << c.file;
        for (const auto& [name, s] : before.runs[0].metrics) {
            const Series* t = cut.runs[0].find(name);
            ASSERT_NE(t, nullptr) << c.file << " " << name;
            EXPECT_EQ(t->steps.toVector(), s.steps.toVector()) << c.file << " " << name;
            EXPECT_EQ(t->values, s.values) << c.file << " " << name;
        }
        EXPECT_EQ(countTornWarnings(cut.runs[0]), 1) << c.file;
        // The whole log has no such warning: its last line ends.
        const LoadResult whole = c.loader->load(LoadInput{c.file, bytes, {}});
        ASSERT_EQ(whole.runs.size(), 1U) << c.file;
        EXPECT_EQ(countTornWarnings(whole.runs[0]), 0) << c.file;
    }
}

// #12.12a: one rule for literals beyond a double's range, Python's: CSV and JSON agree.
TEST(CsvHostile, OutOfRangeLiteralsReadAsPythonReadsThem) {
    const std::string tiny = "0." + std::string(400, '0') + "1";    // Python: 0.0
    const std::string huge = "1" + std::string(400, '0') + "e-10";  // Python: inf
    const std::vector<std::pair<std::string, double>> cases = {
        {"1e999", HUGE_VAL}, {"-1e999", -HUGE_VAL}, {"1e-999", 0.0},
        {"-1e-999", -0.0},   {"2e-324", 0.0},       {"1.8e308", HUGE_VAL},
        {"1e-310", 1e-310},  {"+1e999", HUGE_VAL},  {"1e99999999999999999999", HUGE_VAL}};
    for (const auto& [text, expected] : cases) {
        const LoadResult r = loadGeneric("step,v\n1," + text + "\n");
        ASSERT_EQ(r.runs.size(), 1U) << text << ": " << r.error;
        ASSERT_EQ(r.runs[0].find("v")->values.size(), 1U) << text;
        const double csv = r.runs[0].find("v")->values[0];
        EXPECT_EQ(csv, expected) << text;
        EXPECT_EQ(std::signbit(csv), std::signbit(expected)) << text;
        EXPECT_TRUE(r.runs[0].warnings.empty()) << text;
        if (text[0] == '+') continue;  // JSON has no leading '+'.
        const std::string array = "[" + text + "]";
        JsonReader json(array);
        double fromJson = 1.0;
        ASSERT_TRUE(json.beginArray());
        ASSERT_TRUE(json.nextElement());
        ASSERT_TRUE(json.readNumber(fromJson)) << text << ": " << json.error();
        EXPECT_EQ(fromJson, expected) << text;
        EXPECT_EQ(std::signbit(fromJson), std::signbit(expected)) << text;
    }
    // Longer than the reader parses in place; the JSON reader reads them whole.
    EXPECT_EQ(outOfRangeDecimal(tiny), 0.0);
    EXPECT_EQ(outOfRangeDecimal(huge), HUGE_VAL);
    for (const auto& [text, expected] :
         {std::pair<std::string, double>{tiny, 0.0}, {huge, HUGE_VAL}}) {
        const std::string array = "[" + text + "]";
        JsonReader json(array);
        double fromJson = 1.0;
        ASSERT_TRUE(json.beginArray());
        ASSERT_TRUE(json.nextElement());
        ASSERT_TRUE(json.readNumber(fromJson)) << json.error();
        EXPECT_EQ(fromJson, expected);
    }
}

// #12.5 and #12.7: a consistent table wider than the old 64 KiB sniff window is a table; a row
// with far more fields than the header has costs nothing for the fields it ignores.
TEST(CsvHostile, EightThousandColumnsLoad) {
    std::string header = "step";
    std::string row1 = "1";
    std::string row2 = "2";
    for (int i = 1; i < 8000; ++i) {
        header += ",metric_" + std::to_string(i);
        row1 += "," + std::to_string(i);
        row2 += ",0.5";
    }
    const std::string bytes = header + "\n" + row1 + "\n" + row2 + "\n";
    ASSERT_GT(header.size(), 64U * 1024U);
    const auto loader = makeGenericCsvLoader();
    EXPECT_GE(loader->sniff(SniffInput{"wide.csv", "wide.csv", bytes, false}),
              confidence::kGeneric);
    const LoadResult r = loader->load(LoadInput{"wide.csv", bytes, {}});
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    EXPECT_EQ(r.runs[0].metrics.size(), 7999U);
    EXPECT_EQ(r.runs[0].find("metric_7999")->values, (std::vector<double>{7999, 0.5}));
    EXPECT_EQ(r.runs[0].find("metric_1")->steps.toVector(), (std::vector<std::int64_t>{1, 2}));
}

TEST(CsvHostile, HugeRowKeepsTheHeaderColumns) {
    std::string row = "3,0.25";
    for (int i = 0; i < 1000000; ++i) row += ",1";
    const LoadResult r = loadGeneric("step,loss\n1,0.5\n" + row + "\n");
    ASSERT_EQ(r.runs.size(), 1U) << r.error;
    EXPECT_EQ(r.runs[0].find("loss")->values, (std::vector<double>{0.5, 0.25}));
    ASSERT_EQ(r.runs[0].warnings.size(), 1U);
    EXPECT_EQ(r.runs[0].warnings[0].line, 3);
    EXPECT_NE(r.runs[0].warnings[0].message.find("1000002 fields but 2 columns"),
              std::string::npos);
}

}  // namespace
}  // namespace curvedoctor::core
