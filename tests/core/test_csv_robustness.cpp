// Bad input is normal input: CSV-family loaders on random, truncated and hostile bytes never
// crash, keep the run model's invariants, and answer with one-line messages.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/loaders/csv/csv_formats.h"

namespace curvedoctor::core {
namespace {

std::vector<std::unique_ptr<Loader>> csvLoaders() {
    std::vector<std::unique_ptr<Loader>> v;
    v.push_back(makeGenericCsvLoader());
    v.push_back(makeKerasCsvLoader());
    v.push_back(makeLightningCsvLoader());
    v.push_back(makeUltralyticsCsvLoader());
    v.push_back(makeYolov5ResultsLoader());
    v.push_back(makeTensorboardCsvLoader());
    v.push_back(makeTimmSummaryLoader());
    v.push_back(makePandasCsvLoader());
    return v;
}

void checkInvariants(const LoadResult& r, const std::string& input) {
    EXPECT_EQ(r.error.find('\n'), std::string::npos) << input;
    for (const Run& run : r.runs) {
        for (const auto& [name, s] : run.metrics) {
            ASSERT_FALSE(name.empty());
            ASSERT_FALSE(s.empty()) << name;  // empty columns are dropped.
            ASSERT_EQ(s.steps.size(), s.values.size());
            ASSERT_TRUE(s.epochs.empty() || s.epochs.size() == s.size());
            ASSERT_TRUE(s.wallTimes.empty() || s.wallTimes.size() == s.size());
        }
        for (const auto& w : run.warnings) {
            EXPECT_FALSE(w.message.empty());
            EXPECT_EQ(w.message.find('\n'), std::string::npos);
        }
    }
}

void exercise(const std::string& bytes) {
    for (const auto& loader : csvLoaders()) {
        const int score = loader->sniff(SniffInput{"x.csv", "x.csv", bytes, false});
        EXPECT_GE(score, 0);
        EXPECT_LE(score, 100);
        checkInvariants(loader->load(LoadInput{"/nonexistent/x.csv", bytes, {}}), bytes);
    }
}

TEST(CsvRobustness, RandomTableLikeBytes) {
    // Random mixes of the characters CSV parsing branches on, seeded so failures reproduce.
    const std::string alphabet = "0123456789.,;\t \r\n\"#eE+-naifNAIF/x\xEF\xBB\xBF";
    std::mt19937 rng(2);
    for (int i = 0; i < 1500; ++i) {
        std::string s;
        const int n = static_cast<int>(rng() % 200);
        for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
        exercise(s);
        exercise("step,loss,acc\n" + s);
        exercise("epoch,step,val_loss\n" + s);
    }
}

TEST(CsvRobustness, TruncatedAtEveryByte) {
    const std::string good =
        "\xEF\xBB\xBF"
        "epoch,step,\"loss\",val_loss\r\n0,1,0.5,\r\n0,1,,\"0.6\"\r\n1,2,nan,inf\r\n";
    for (std::size_t n = 0; n <= good.size(); ++n) exercise(good.substr(0, n));
}

TEST(CsvRobustness, HostileShapes) {
    exercise(std::string(20000, ','));              // one huge empty row.
    exercise("a,b\n" + std::string(20000, '"'));    // quote storm.
    exercise("a,b\n\"" + std::string(20000, 'x'));  // unterminated quote.
    exercise("a,b\n" + std::string(20000, '\r'));   // only line breaks.
    exercise("step,loss\n1e999999999999,1\n-1e308,2\n9223372036854775807,3\n");
    exercise("step,loss\n" + std::string(5000, '9') + ",1\n");  // absurd step.
    exercise(std::string("a,b\n1,\0\n", 8));                    // a NUL byte.
    std::string wide = "h0";
    for (int i = 1; i < 2000; ++i) wide += ",h" + std::to_string(i);
    exercise(wide + "\n" + std::string(1999, ',') + "1\n");  // 5000 columns.
}

TEST(CsvRobustness, AbsurdStepsAreSkippedWithAWarning) {
    const LoadResult r =
        makeGenericCsvLoader()->load(LoadInput{"x.csv", "step,loss\n1e300,1\nnan,2\n3,3\n", {}});
    ASSERT_EQ(r.runs.size(), 1U);
    EXPECT_EQ(r.runs[0].find("loss")->steps, (std::vector<std::int64_t>{3}));
    ASSERT_EQ(r.runs[0].warnings.size(), 2U);
    EXPECT_EQ(r.runs[0].warnings[0].line, 2);
    EXPECT_EQ(r.runs[0].warnings[1].line, 3);
}

}  // namespace
}  // namespace curvedoctor::core
