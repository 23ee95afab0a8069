// loadPaths: one path's trouble (a device, a pipe, a file rewritten while it is read, memory
// running out) is one error line for that path; the other paths still load, promptly.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <new>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/loader_registry.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "curvedoctor-registry-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string file(const std::string& name, const std::string& content) const {
        const fs::path path = m_path / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
        return path.string();
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

const std::string kGoodLog = "step,loss\n1,0.5\n2,0.4\n3,0.3\n";

// Issue #12, defect 4: /dev/zero was read until std::bad_alloc ended the process.
TEST(LoaderRegistry, DevicesAreRefusedAndTheOtherPathsLoad) {
    const TempDir dir;
    const std::string good = dir.file("metrics.csv", kGoodLog);
    const LoadBatch batch = loadPaths({"/dev/zero", good, "/dev/urandom"});
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->source, good);
    ASSERT_EQ(batch.errors.size(), 2U);
    EXPECT_EQ(batch.errors[0].source, "/dev/zero");
    EXPECT_EQ(batch.errors[0].message, "is a character device, not a file");
    EXPECT_EQ(batch.errors[1].message, "is a character device, not a file");
}

// Issue #12, defect 6: a named pipe without a writer held back every path for ever.
TEST(LoaderRegistry, NamedPipeIsRefusedPromptly) {
    const TempDir dir;
    const std::string fifo = (dir.path() / "metrics.csv").string();
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const std::string good = dir.file("run/train.csv", kGoodLog);
    auto pending = std::async(std::launch::async, [&] { return loadPaths({fifo, good}); });
    if (pending.wait_for(10s) != std::future_status::ready) {
        ADD_FAILURE() << "loading a named pipe did not return within 10 s";
        const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // let the reader go
        if (w >= 0) ::close(w);
    }
    const LoadBatch batch = pending.get();
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->source, good);
    ASSERT_EQ(batch.errors.size(), 1U);
    EXPECT_EQ(batch.errors[0].source, fifo);
    EXPECT_EQ(batch.errors[0].message, "is a named pipe, not a file");
}

// A loader that runs out of memory while it sniffs (outside the loader's own load()).
class ExhaustingLoader : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "exhausting"; }
    [[nodiscard]] std::string_view description() const override { return "throws"; }
    [[nodiscard]] int sniff(const SniffInput& input) const override {
        if (input.fileName == "hostile.csv") throw std::bad_alloc();
        return confidence::kNone;
    }
    [[nodiscard]] LoadResult load(const LoadInput&) const override { return {}; }
};

// loader_registry.h promises loading never throws: memory running out on one path is that
// path's error.
TEST(LoaderRegistry, OutOfMemoryOnOnePathIsThatPathsError) {
    const TempDir dir;
    const std::string hostile = dir.file("hostile.csv", kGoodLog);
    const std::string good = dir.file("good.csv", kGoodLog);
    LoaderRegistry registry;
    registry.add(std::make_unique<ExhaustingLoader>());
    registerBuiltinLoaders(registry);
    for (const unsigned threads : {1U, 2U}) {
        LoadOptions options;
        options.threads = threads;
        LoadBatch batch;
        EXPECT_NO_THROW(batch = loadPaths({hostile, good}, registry, options));
        ASSERT_EQ(batch.runs.size(), 1U);
        EXPECT_EQ(batch.runs[0]->source, good);
        ASSERT_EQ(batch.errors.size(), 1U);
        EXPECT_EQ(batch.errors[0].source, hostile);
        EXPECT_EQ(batch.errors[0].message, "out of memory while loading; not loaded");
    }
}

// trainer_state.json version k: k % 50 + 3 entries of log_history with loss k + 1/i, so a load
// that mixed versions or read only part of one cannot pass for a whole version.
std::string trainerState(int k) {
    std::string s = "{\"global_step\": " + std::to_string(10 * (k + 3)) + ", \"log_history\": [\n";
    for (int i = 1; i <= k % 50 + 3; ++i) {
        if (i > 1) s += ",\n";
        s += "  {\"epoch\": " + std::to_string(i) + ", \"loss\": " + std::to_string(k + 1.0 / i) +
             ", \"learning_rate\": 0.001, \"step\": " + std::to_string(10 * i) + "}";
    }
    // Padding after the document keeps the file a few hundred kilobytes (reads take a while).
    return s + "\n]}\n" + std::string(300'000, ' ') + "\n";
}

// Issue #12, defect 2: rewriting a 490 kB trainer_state.json every few milliseconds while it was
// loaded crashed 376 of 2,923 loads with SIGBUS (it was memory-mapped). Now every load is a whole
// version, or an error, or carries a warning that the file changed.
TEST(LoaderRegistry, LogRewrittenWhileLoadedNeverCrashesNorMixesVersions) {
    const TempDir dir;
    const std::string path = dir.file("trainer_state.json", trainerState(0));
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        for (int k = 1; !stop; ++k) {
            const std::string v = trainerState(k);
            const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
            if (fd < 0) continue;
            for (std::size_t at = 0; at < v.size(); at += 32768) {
                const std::size_t n = std::min<std::size_t>(32768, v.size() - at);
                if (::write(fd, v.data() + at, n) != static_cast<ssize_t>(n)) break;
            }
            ::close(fd);
            written = k;
            std::this_thread::sleep_for(1ms);
        }
    });
    int loaded = 0;
    std::string lastError;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    for (int i = 0;
         (i < 300 || written < 30 || loaded < 10) && std::chrono::steady_clock::now() < deadline;
         ++i) {
        const LoadBatch batch = loadPaths({path});
        ASSERT_EQ(batch.runs.size() + batch.errors.size(), 1U);
        if (batch.runs.empty()) {
            lastError = batch.errors[0].message;
            continue;
        }
        ++loaded;
        const core::Run& run = *batch.runs[0];
        const Series* loss = run.find("loss");
        ASSERT_NE(loss, nullptr);
        ASSERT_FALSE(loss->empty());
        const int k = static_cast<int>(std::lround(loss->values[0] - 1.0));
        if (run.warnings.empty()) {
            EXPECT_EQ(loss->size(), static_cast<std::size_t>(k % 50 + 3));
        }
        for (std::size_t j = 0; j < loss->size(); ++j)
            ASSERT_NEAR(loss->values[j], k + 1.0 / static_cast<double>(j + 1), 1e-5)
                << "load " << i;
    }
    stop = true;
    writer.join();
    EXPECT_GE(written.load(), 30) << "the writer hardly ran";
    EXPECT_GT(loaded, 0) << lastError;
}

}  // namespace
}  // namespace curvedoctor::core
