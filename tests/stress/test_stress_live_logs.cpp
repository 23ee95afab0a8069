// Writer/reader stress test (issue #12): four writer threads append to, rewrite (a new file
// renamed over the old, or the same file truncated and written again) and truncate logs in five
// real formats while reader threads load them through loadPaths/loadFile. Every load must be the
// points of a whole-record prefix of what was written (stress_oracle.h), and nothing may crash.
//
// Short by default (1,000 loads, a few seconds; ctest label "stress"). Environment:
//   CURVEDOCTOR_STRESS_SECONDS=600  run for that long instead of a number of loads
//   CURVEDOCTOR_STRESS_LOADS=N      loads in the short mode (default 1000)
//   CURVEDOCTOR_STRESS_OPS=append,rename,rewrite,truncate   the writers' operations (default all)
//   CURVEDOCTOR_STRESS_FORMATS=lightning,keras,hf_trainer,detectron2,tfevents   (default all)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/loader_registry.h"
#include "tests/stress/live_logs.h"
#include "tests/stress/stress_oracle.h"

namespace curvedoctor::stress {
namespace {

namespace fs = std::filesystem;

constexpr int kWriters = 4;
constexpr int kReaders = 2;
constexpr int kSteps = 2000;  // 60-300 kB per log: some loads cross the 64 KiB sniff window.

std::string envOr(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

bool listed(const std::string& list, const std::string& item) {
    return ("," + list + ",").find("," + item + ",") != std::string::npos;
}

void writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        ASSERT_GT(n, 0) << "write failed";
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Writes `bytes` in up to three pieces cut at random places, yielding between them, so that
// readers see the cuts a buffered writer's flushes make.
void writeInPieces(int fd, std::string_view bytes, std::mt19937& rng) {
    while (!bytes.empty()) {
        const std::size_t piece = std::uniform_int_distribution<std::size_t>(1, bytes.size())(rng);
        writeAll(fd, bytes.substr(0, piece));
        bytes.remove_prefix(piece);
        std::this_thread::yield();
    }
}

// One file and the writer's knowledge of it: the file holds a byte prefix of content(records).
struct LiveFile {
    LiveLog log;
    std::string path;
    std::string tempPath;
    std::size_t records = 0;
};

class Writer {
public:
    Writer(LiveFile& file, const std::string& ops, unsigned seed) : m_file(file), m_rng(seed) {
        for (const char* op : {"append", "rename", "rewrite", "truncate"})
            if (listed(ops, op)) m_ops.emplace_back(op);
        m_rewriteAllowed = listed(ops, "rewrite");
    }

    void step() {
        std::string op =
            m_ops[std::uniform_int_distribution<std::size_t>(0, m_ops.size() - 1)(m_rng)];
        const std::size_t total = m_file.log.records.size();
        const std::size_t grow = std::uniform_int_distribution<std::size_t>(1, 8)(m_rng);
        std::size_t next = m_file.records + grow;
        if (next > total)
            next = std::uniform_int_distribution<std::size_t>(0, 20)(m_rng);  // a new run
        // A file that cannot grow by appending (a new run, or trainer_state.json) is written
        // whole: in place when that is allowed, else renamed over, so that a writer limited to
        // CURVEDOCTOR_STRESS_OPS=append,rename never shortens a file a reader may hold.
        if (op == "append" && (!m_file.log.appendable || next <= m_file.records))
            op = m_rewriteAllowed ? "rewrite" : "rename";
        if (op == "append") {
            const int fd = ::open(m_file.path.c_str(), O_WRONLY | O_APPEND);
            ASSERT_GE(fd, 0);
            const std::string& all = m_file.log.bytes;
            const std::size_t from = m_file.log.recordEnds[m_file.records];
            writeInPieces(
                fd, std::string_view(all).substr(from, m_file.log.recordEnds[next] - from), m_rng);
            ::close(fd);
        } else if (op == "rename") {
            const int fd = ::open(m_file.tempPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ASSERT_GE(fd, 0);
            writeAll(fd, m_file.log.content(next));
            ::close(fd);
            ASSERT_EQ(std::rename(m_file.tempPath.c_str(), m_file.path.c_str()), 0);
        } else if (op == "truncate") {
            // Cut at any byte, hold the cut a moment, then back to the last whole record (or,
            // for a file that is rewritten whole, to an empty file: the next write starts over).
            const std::string current = m_file.log.content(m_file.records);
            const std::size_t cut = current.empty() ? 0
                                                    : std::uniform_int_distribution<std::size_t>(
                                                          0, current.size() - 1)(m_rng);
            ASSERT_EQ(::truncate(m_file.path.c_str(), static_cast<off_t>(cut)), 0);
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            if (m_file.log.appendable && cut < m_file.log.recordEnds[0]) {
                // Cut inside the header: truncate() cannot grow it back (it would pad the file
                // with zero bytes nobody wrote), so the header is written again in place.
                const int fd = ::open(m_file.path.c_str(), O_WRONLY | O_TRUNC);
                ASSERT_GE(fd, 0);
                writeAll(fd, m_file.log.content(0));
                ::close(fd);
                next = 0;
            } else if (m_file.log.appendable) {
                std::size_t k = 0;
                while (k + 1 <= m_file.records && m_file.log.recordEnds[k + 1] <= cut) ++k;
                ASSERT_EQ(
                    ::truncate(m_file.path.c_str(), static_cast<off_t>(m_file.log.recordEnds[k])),
                    0);
                next = k;
            } else {
                ASSERT_EQ(::truncate(m_file.path.c_str(), 0), 0);
                next = 0;
            }
        } else {  // "rewrite": truncated and written again in place
            const int fd = ::open(m_file.path.c_str(), O_WRONLY | O_TRUNC);
            ASSERT_GE(fd, 0);
            writeInPieces(fd, m_file.log.content(next), m_rng);
            ::close(fd);
        }
        m_file.records = next;
    }

private:
    LiveFile& m_file;
    std::mt19937 m_rng;
    std::vector<std::string> m_ops;
    bool m_rewriteAllowed = false;
};

struct Tally {
    std::mutex mutex;
    std::map<std::string, std::map<std::string, int>> counts;  // format -> outcome -> loads
    std::vector<std::string> samples;                          // the first failures, in full
    void add(const std::string& format, const std::string& outcome, const std::string& detail) {
        const std::lock_guard<std::mutex> lock(mutex);
        ++counts[format][outcome];
        if (!detail.empty() && samples.size() < 20) samples.push_back(format + ": " + detail);
    }
};

// "ok", "load error" (allowed: a file cut inside its header or an unparsable JSON prefix), or
// the oracle's failure kind.
void checkOneLoad(const LiveFile& file, bool viaLoadPaths, Tally& tally) {
    core::LoadOptions options;
    options.threads = 1;
    const core::LoadBatch batch =
        viaLoadPaths ? core::loadPaths({file.path}, core::LoaderRegistry::builtin(), options)
                     : core::loadFile(file.path, core::LoaderRegistry::builtin(), options);
    if (batch.runs.empty()) {
        tally.add(file.log.kind, batch.errors.empty() ? "no run, no error" : "load error",
                  batch.errors.empty() ? "no run and no error" : "");
        return;
    }
    if (batch.runs.size() != 1) {
        tally.add(file.log.kind, "run count", std::to_string(batch.runs.size()) + " runs");
        return;
    }
    const std::string problem = checkLoadedRun(file.log, *batch.runs[0]);
    if (problem.empty()) {
        tally.add(file.log.kind, "ok", "");
    } else {
        tally.add(file.log.kind, problem.substr(0, problem.find(':')), problem);
    }
}

std::vector<LiveLog> selectedLogs() {
    const std::string formats =
        envOr("CURVEDOCTOR_STRESS_FORMATS", "lightning,keras,hf_trainer,detectron2,tfevents");
    std::vector<LiveLog> logs;
    for (LiveLog (*make)(int) :
         {makeLightningLog, makeKerasLog, makeHfTrainerLog, makeDetectron2Log, makeTfeventsLog}) {
        LiveLog log = make(kSteps);
        if (listed(formats, log.kind)) logs.push_back(std::move(log));
    }
    return logs;
}

fs::path freshFolder() {
    fs::path dir = fs::temp_directory_path() / ("curvedoctor_stress_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "tmp");
    return dir;
}

// Without writers: each log whole, and cut after each of its first records, loads as exactly
// those records. Checks the formats and the oracle before the threads start.
TEST(StressLiveLogs, FilesAtRestLoadExactlyTheirWholeRecords) {
    const fs::path dir = freshFolder();
    for (const LiveLog& log : selectedLogs()) {
        fs::create_directories(dir / log.kind);
        const std::string path = (dir / log.kind / log.fileName).string();
        for (const std::size_t k :
             {std::size_t{1}, std::size_t{7}, std::size_t{40}, log.records.size()}) {
            {
                const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                ASSERT_GE(fd, 0);
                writeAll(fd, log.content(k));
                ::close(fd);
            }
            const core::LoadBatch batch = core::loadFile(path, core::LoaderRegistry::builtin(), {});
            ASSERT_EQ(batch.runs.size(), 1U)
                << log.kind << " k=" << k
                << (batch.errors.empty() ? "" : ": " + batch.errors[0].message);
            EXPECT_EQ(checkLoadedRun(log, *batch.runs[0]), "") << log.kind << " k=" << k;
            // k whole records hold exactly the points of records [0, k).
            std::size_t points = 0;
            for (std::size_t r = 0; r < k; ++r) points += log.records[r].size();
            EXPECT_EQ(batch.runs[0]->pointCount(), points) << log.kind << " k=" << k;
        }
    }
    fs::remove_all(dir);
}

TEST(StressLiveLogs, ReadersSeeOnlyWholeRecordPrefixesWhileWritersWrite) {
    const int seconds = std::atoi(envOr("CURVEDOCTOR_STRESS_SECONDS", "0").c_str());
    const int loadTarget = std::atoi(envOr("CURVEDOCTOR_STRESS_LOADS", "1000").c_str());
    const std::string ops = envOr("CURVEDOCTOR_STRESS_OPS", "append,rename,rewrite,truncate");

    const fs::path dir = freshFolder();
    std::vector<LiveFile> files;
    for (LiveLog& log : selectedLogs()) {
        fs::create_directories(dir / log.kind);
        LiveFile f{std::move(log), "", "", 0};
        f.path = (dir / f.log.kind / f.log.fileName).string();
        f.tempPath = (dir / "tmp" / f.log.fileName).string();
        files.push_back(std::move(f));
    }
    ASSERT_FALSE(files.empty());
    for (LiveFile& f : files) {
        f.records = 10;
        const int fd = ::open(f.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ASSERT_GE(fd, 0);
        writeAll(fd, f.log.content(f.records));
        ::close(fd);
    }

    std::atomic<bool> stop{false};
    std::atomic<int> loads{0};
    Tally tally;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    threads.reserve(kWriters + kReaders);
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            std::vector<Writer> writers;
            for (std::size_t i = static_cast<std::size_t>(w); i < files.size(); i += kWriters)
                writers.emplace_back(files[i], ops, 1000U + static_cast<unsigned>(i));
            while (!writers.empty() && !stop.load()) {
                for (Writer& writer : writers) writer.step();
                std::this_thread::sleep_for(std::chrono::microseconds(300));
            }
        });
    }
    for (int r = 0; r < kReaders; ++r) {
        threads.emplace_back([&, r] {
            std::mt19937 rng(static_cast<unsigned>(r));
            while (!stop.load()) {
                const int n = loads.fetch_add(1);
                if (seconds > 0 ? std::chrono::steady_clock::now() >= deadline : n >= loadTarget)
                    break;
                const LiveFile& file = files[static_cast<std::size_t>(n) % files.size()];
                checkOneLoad(file, (rng() & 1U) != 0, tally);
            }
            stop.store(true);
        });
    }
    for (std::thread& t : threads) t.join();

    int failures = 0;
    int total = 0;
    std::printf("%-12s %s\n", "format", "outcomes of the loads");
    for (const auto& [format, outcomes] : tally.counts) {
        std::string line;
        for (const auto& [outcome, count] : outcomes) {
            line += "  " + outcome + " " + std::to_string(count);
            total += count;
            if (outcome != "ok" && outcome != "load error") failures += count;
        }
        std::printf("%-12s%s\n", format.c_str(), line.c_str());
    }
    for (const std::string& sample : tally.samples) std::printf("  %s\n", sample.c_str());
    std::printf("%d loads, %d not a whole-record prefix\n", total, failures);
    EXPECT_EQ(failures, 0) << "see the samples above";
    EXPECT_GT(total, 0);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace curvedoctor::stress
