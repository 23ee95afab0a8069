// Issue #14's loading speed: folders load on several threads with the batch in the order of a
// one-thread depth-first walk, the caller's callbacks one at a time; the registry stops asking
// once a loader is certain; the CSV formats analyse one head once and never answer for another.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "core/sniff_head.h"
#include "folder_test_support.h"
#include "realworld_dir.h"

#include <fcntl.h>
#include <unistd.h>

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

using ParallelLoadingTest = testutil::FolderTest;

std::string table(int rows, double scale) {
    std::string s = "step,loss\n";
    for (int i = 0; i < rows; ++i)
        s += std::to_string(i) + "," + std::to_string(scale / (1.0 + i)) + "\n";
    return s;
}

std::vector<std::string> namesOf(const LoadBatch& batch) {
    std::vector<std::string> names;
    for (const auto& r : batch.runs) names.push_back(r->name);
    return names;
}

std::vector<std::string> errorsOf(const LoadBatch& batch) {
    std::vector<std::string> out;
    for (const auto& e : batch.errors) out.push_back(e.source + ": " + e.message);
    return out;
}

TEST_F(ParallelLoadingTest, BatchKeepsTheDepthFirstOrderOfSortedNames) {
    // Written in an order unlike the expected one; "b" is slow (a large file) so that threads
    // finish out of order.
    write("c/metrics.csv", table(10, 3.0));
    write("b/metrics.csv", table(200000, 2.0));
    write("a/z/metrics.csv", table(10, 1.5));
    write("a/metrics.csv", table(10, 1.0));
    write("a/y/bad.csv", "step,loss\n");  // a header without rows: an error, in its place
    write("d/x.csv", table(10, 4.0));
    write("d/w.csv", table(10, 5.0));
    const std::vector<std::string> expected{"a", "a/z", "b", "c", "d/w.csv", "d/x.csv"};
    for (const unsigned threads : {1U, 2U, 4U}) {
        LoadOptions options;
        options.threads = threads;
        const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
        EXPECT_EQ(namesOf(batch), expected) << threads << " threads";
        ASSERT_EQ(batch.errors.size(), 1U) << threads << " threads";
        EXPECT_EQ(batch.errors.front().source, (m_root / "a/y/bad.csv").string());
        ASSERT_EQ(batch.runs.size(), expected.size());
        EXPECT_EQ(batch.runs[2]->metrics.at("loss").size(), 200000U);
    }
}

TEST_F(ParallelLoadingTest, CallbacksComeOneAtATimeAndEveryRunOnce) {
    for (int i = 0; i < 40; ++i)
        write("run" + std::to_string(100 + i) + "/metrics.csv", table(500, i));
    std::atomic<int> inside{0};
    std::atomic<bool> overlapped{false};
    std::vector<std::string> seen;  // written without a lock: the walker's mutex guards it
    double lastProgress = 0.0;
    bool progressWentBack = false;
    LoadOptions options;
    options.threads = 4;
    options.onRun = [&](const RunPtr& run) {
        if (inside++ != 0) overlapped = true;
        seen.push_back(run->name);
        --inside;
    };
    options.progress = [&](double f) {
        if (inside++ != 0) overlapped = true;
        if (f < lastProgress) progressWentBack = true;
        lastProgress = f;
        --inside;
        return true;
    };
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
    EXPECT_FALSE(overlapped);
    EXPECT_FALSE(progressWentBack);
    EXPECT_DOUBLE_EQ(lastProgress, 1.0);
    ASSERT_EQ(batch.runs.size(), 40U);
    EXPECT_EQ(seen, namesOf(batch));  // each run once, in walk order
}

TEST_F(ParallelLoadingTest, CancellingStopsEveryThread) {
    for (int i = 0; i < 60; ++i)
        write("run" + std::to_string(100 + i) + "/metrics.csv", table(200, i));
    LoadOptions options;
    options.threads = 4;
    int calls = 0;
    options.progress = [&](double) { return ++calls < 5; };
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
    EXPECT_TRUE(batch.cancelled);
    EXPECT_LT(batch.runs.size(), 60U);
}

TEST(ParallelLoadingRealworld, SameBatchOnOneThreadAndOnFour) {
    const std::string dir = testing_support::realworldDir();
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no real-world logs at " << dir;
    LoadOptions one;
    one.threads = 1;
    LoadOptions four;
    four.threads = 4;
    const LoadBatch a = loadFolder(dir, LoaderRegistry::builtin(), one);
    const LoadBatch b = loadFolder(dir, LoaderRegistry::builtin(), four);
    ASSERT_GT(a.runs.size(), 60U);
    EXPECT_EQ(namesOf(a), namesOf(b));
    EXPECT_EQ(errorsOf(a), errorsOf(b));
    for (std::size_t i = 0; i < a.runs.size() && i < b.runs.size(); ++i) {
        EXPECT_EQ(a.runs[i]->source, b.runs[i]->source);
        EXPECT_EQ(a.runs[i]->format, b.runs[i]->format);
        EXPECT_EQ(a.runs[i]->pointCount(), b.runs[i]->pointCount()) << a.runs[i]->name;
        EXPECT_EQ(a.runs[i]->warnings.size(), b.runs[i]->warnings.size()) << a.runs[i]->name;
    }
}

// pick() stops at the first certain loader; that is only the old answer if no sniffer ever says
// more than certain. Every built-in sniffer on every real log (and on folders) stays at or under.
TEST(ParallelLoadingRealworld, NoSnifferSaysMoreThanCertain) {
    const std::string dir = testing_support::realworldDir();
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no real-world logs at " << dir;
    std::size_t asked = 0;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        const std::string path = it->path().string();
        const std::string name = it->path().filename().string();
        std::string head;
        const bool folder = it->is_directory();
        if (!folder) {
            const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            ASSERT_GE(fd, 0) << path;
            std::string error;
            const bool ok = readSniffHead(fd, head, error);
            ::close(fd);
            ASSERT_TRUE(ok) << path << ": " << error;
        }
        for (const auto& loader : LoaderRegistry::builtin().loaders()) {
            EXPECT_LE(loader->sniff(SniffInput{path, name, head, folder}), confidence::kCertain)
                << loader->id() << " on " << path;
            ++asked;
        }
    }
    EXPECT_GT(asked, 1000U);
}

class FixedLoader final : public Loader {
public:
    FixedLoader(std::string id, int score, int& calls)
        : m_id(std::move(id)), m_score(score), m_calls(calls) {}
    [[nodiscard]] std::string_view id() const override { return m_id; }
    [[nodiscard]] std::string_view description() const override { return m_id; }
    [[nodiscard]] int sniff(const SniffInput&) const override {
        ++m_calls;
        return m_score;
    }
    [[nodiscard]] LoadResult load(const LoadInput&) const override { return {}; }

private:
    std::string m_id;
    int m_score;
    int& m_calls;
};

TEST(ParallelLoadingRegistry, TheFirstCertainLoaderWinsWithoutAskingTheRest) {
    int likely = 0;
    int certain = 0;
    int later = 0;
    LoaderRegistry registry;
    registry.add(std::make_unique<FixedLoader>("likely", confidence::kLikely, likely));
    registry.add(std::make_unique<FixedLoader>("certain", confidence::kCertain, certain));
    registry.add(std::make_unique<FixedLoader>("later", confidence::kCertain, later));
    const Loader* picked = registry.pick(SniffInput{"x.csv", "x.csv", "a,b\n1,2\n", false});
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id(), "certain");
    EXPECT_EQ(likely, 1);
    EXPECT_EQ(certain, 1);
    EXPECT_EQ(later, 0);
}

// The CSV formats remember the last head they analysed on this thread: a different head in the
// same buffer (same address, same size) must get its own answer.
TEST(ParallelLoadingRegistry, CsvSniffingAnswersForTheHeadItIsGiven) {
    const auto& registry = LoaderRegistry::builtin();
    std::string head = "epoch,step,train_loss,val_loss\n0,0,0.5,\n0,0,,0.6\n1,1,0.4,\n";
    std::string tbExport = "Wall time,Step,Value\n1.5,1,0.5\n2.5,2,0.4\n";
    tbExport.resize(head.size(), '\n');
    ASSERT_EQ(head.size(), tbExport.size());
    for (int round = 0; round < 2; ++round) {
        const Loader* a = registry.pick(SniffInput{"log.csv", "log.csv", head, false});
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(a->id(), "lightning_csv");
        const char* address = head.data();
        const std::string saved = head;
        head.replace(0, head.size(), tbExport);  // same buffer, other bytes
        ASSERT_EQ(head.data(), address);
        const Loader* b = registry.pick(SniffInput{"log.csv", "log.csv", head, false});
        ASSERT_NE(b, nullptr);
        EXPECT_EQ(b->id(), "tensorboard_csv");
        head.replace(0, head.size(), saved);
    }
    const Loader* none =
        registry.pick(SniffInput{"log.csv", "log.csv", "just some words\n", false});
    EXPECT_TRUE(none == nullptr || none->id() != "lightning_csv");
}

}  // namespace
}  // namespace curvedoctor::core
