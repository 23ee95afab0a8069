// Every folder in ../shared/realworld (real logs from public repositories, see its SOURCES.md)
// loads through loadPaths, as a user opening that folder would, with the expected format and
// metrics from realworld_expectations.cpp (computed independently of this program; the comment
// above each entry says how). The test skips, saying so, when the folder is missing (a plain
// clone).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "tests/core/realworld_dir.h"
#include "tests/core/realworld_expectations.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

using testing_support::FolderExpect;
using testing_support::realworldExpectations;

class Realworld : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = testing_support::realworldDir();
        if (!fs::is_directory(m_dir))
            GTEST_SKIP() << "real-world logs not found at " << m_dir
                         << " (set CURVEDOCTOR_REALWORLD_DIR); skipped";
    }
    std::string m_dir;
};

TEST_F(Realworld, EveryFolderHasAnExpectation) {
    std::set<std::string> known;
    for (const auto& e : realworldExpectations()) known.insert(e.folder);
    for (const auto& entry : fs::directory_iterator(m_dir)) {
        if (!entry.is_directory()) continue;
        EXPECT_TRUE(known.count(entry.path().filename().string()))
            << "no expectation for realworld/" << entry.path().filename().string();
    }
}

// One folder against its expectation; an ASSERT ends only this folder's check.
void checkFolder(const std::string& dir, const FolderExpect& expect) {
    SCOPED_TRACE(expect.folder);
    const LoadBatch batch = loadPaths({dir + "/" + expect.folder});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    ASSERT_EQ(batch.runs.size(), 1u);
    const core::Run& run = *batch.runs[0];
    EXPECT_EQ(run.format, expect.format);
    EXPECT_EQ(run.metrics.size(), expect.metricCount);
    for (const auto& m : expect.metrics) {
        SCOPED_TRACE(m.name);
        const Series* s = run.find(m.name);
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->size(), m.count);
        ASSERT_FALSE(s->empty());
        EXPECT_EQ(s->steps.front(), m.firstStep);
        EXPECT_EQ(s->steps.back(), m.lastStep);
    }
}

TEST_F(Realworld, EachFolderLoadsWithItsFormatAndMetrics) {
    for (const auto& expect : realworldExpectations()) checkFolder(m_dir, expect);
}

// mmdet_02 (*.log.json) and textlog_02 (the same run's text log) must agree: same metrics at
// the same steps, values equal to the text log's rounding (4 decimals, "time" 3).
TEST_F(Realworld, MmdetJsonAndTextTwinsAgree) {
    const LoadBatch json = loadPaths({m_dir + "/mmdet_02"});
    const LoadBatch text = loadPaths({m_dir + "/textlog_02"});
    ASSERT_EQ(json.runs.size(), 1u);
    ASSERT_EQ(text.runs.size(), 1u);
    const core::Run& a = *json.runs[0];
    const core::Run& b = *text.runs[0];
    EXPECT_EQ(a.format, "mmdet_json");
    EXPECT_EQ(b.format, "mmdet_text");
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (const auto& [name, fromText] : b.metrics) {
        SCOPED_TRACE(name);
        const Series* fromJson = a.find(name);
        ASSERT_NE(fromJson, nullptr);
        ASSERT_EQ(fromJson->steps, fromText.steps);
        for (std::size_t i = 0; i < fromText.size(); ++i) {
            const double x = fromJson->values[i];
            const double y = fromText.values[i];
            if (std::isnan(x) || std::isnan(y)) {
                EXPECT_TRUE(std::isnan(x) && std::isnan(y)) << "step " << fromText.steps[i];
                continue;
            }
            EXPECT_NEAR(x, y, 5e-4 + 1e-4 * std::fabs(x)) << "step " << fromText.steps[i];
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
