// Following a log while it is written (issue #13):
//  - BM_FollowAppendOneLine/MB: the cost of taking in one appended Lightning CSV row of a log of
//    1, 20 and 200 MB (stat, read the new bytes, parse header + row, append): must not grow with
//    the file. BM_FollowFirstAppend: the first append after a load, which also unshares the
//    table's step column once.
//  - BM_WriteToDetection/inotify|polling: from write() of a row to the followed run holding it,
//    with inotify and with the 1 s stat poll alone (what a network mount gets); manual time.
//  - BM_Follow100Runs/lines_per_s: 100 runs in a logdir, each appended 10 rows a second, and
//    idle: the following thread's CPU share of one core.
// The logs are written under $TMPDIR (removed at the end).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/follow/followed_file.h"
#include "core/follow/follower.h"
#include "core/watch/watcher.h"

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using curvedoctor::core::ChangeKind;
using curvedoctor::core::FollowedFile;
using curvedoctor::core::Watcher;
using curvedoctor::core::WatchOptions;

std::string row(std::int64_t step) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld,%lld,%.6f,,\n", static_cast<long long>(step / 1000),
                  static_cast<long long>(step), 1.0 / (1.0 + static_cast<double>(step) * 1e-4));
    return buf;
}

// A Lightning-style metrics.csv of about `megabytes` MB; returns the next step.
std::int64_t writeLog(const std::string& path, std::int64_t megabytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "epoch,step,train_loss,val_loss,val_acc\n";
    std::int64_t step = 0;
    std::string block;
    for (std::int64_t bytes = 0; bytes < megabytes << 20;) {
        block.clear();
        for (int i = 0; i < 4096; ++i) block += row(step++);
        out << block;
        bytes += static_cast<std::int64_t>(block.size());
    }
    return step;
}

void appendRow(const std::string& path, std::int64_t step) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << row(step);
}

std::string scratch(const std::string& name) {
    return (fs::temp_directory_path() /
            ("curvedoctor-bench-follow-" + std::to_string(::getpid()) + "-" + name))
        .string();
}

void BM_FollowAppendOneLine(benchmark::State& state) {
    const std::string path = scratch("append.csv");
    std::int64_t step = writeLog(path, state.range(0));
    FollowedFile followed(path);
    if (!followed.loaded()) {
        state.SkipWithError(followed.error().c_str());
        return;
    }
    // The first append after a load makes the step column each metric of the table shared
    // (step_column.h) its own: a one-off copy, measured by BM_FollowFirstAppend.
    appendRow(path, step++);
    (void)followed.update();
    for (auto _ : state) {
        state.PauseTiming();
        appendRow(path, step++);
        state.ResumeTiming();
        const auto u = followed.update();
        if (u.newPoints != 1) state.SkipWithError("the row was not taken in");
    }
    state.counters["points"] = static_cast<double>(followed.run().pointCount());
    state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / (1 << 20);
    fs::remove(path);
}
BENCHMARK(BM_FollowAppendOneLine)->Arg(1)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_FollowFirstAppend(benchmark::State& state) {
    const std::string path = scratch("first.csv");
    std::int64_t step = writeLog(path, state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        FollowedFile followed(path);
        appendRow(path, step++);
        state.ResumeTiming();
        if (followed.update().newPoints != 1) state.SkipWithError("the row was not taken in");
    }
    fs::remove(path);
}
BENCHMARK(BM_FollowFirstAppend)
    ->Arg(1)
    ->Arg(20)
    ->Arg(200)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

void BM_WriteToDetection(benchmark::State& state) {
    const bool inotify = state.range(0) != 0;
    const std::string path = scratch(inotify ? "inotify.csv" : "polling.csv");
    std::int64_t step = writeLog(path, 1);
    FollowedFile followed(path);
    WatchOptions options;
    options.useInotify = inotify;
    options.pollInterval = 1000ms;  // the default
    Watcher watcher(options);
    std::string error;
    if (!watcher.watch(path, error)) {
        state.SkipWithError(error.c_str());
        return;
    }
    for (auto _ : state) {
        // Writes land at a random phase of the poll, as a training's do.
        std::this_thread::sleep_for(std::chrono::milliseconds(37 * (step % 23)));
        const auto t0 = std::chrono::steady_clock::now();
        appendRow(path, step++);
        bool seen = false;
        while (!seen) {
            for (const auto& e : watcher.wait(2000ms)) {
                if (e.kind == ChangeKind::Grew && followed.update().newPoints > 0) seen = true;
            }
        }
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    fs::remove(path);
}
BENCHMARK(BM_WriteToDetection)
    ->ArgName("inotify")
    ->Arg(1)
    ->Arg(0)
    ->UseManualTime()
    ->Iterations(20)
    ->Unit(benchmark::kMillisecond);

double threadCpuSeconds() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// 100 runs, each a Lightning CSV appended 10 rows a second (a writer thread), followed by one
// Follower (inotify + 1 s poll) that takes every row in: the follower thread's CPU as a share of
// one core ("cpu_%"); with lines_per_s 0 nothing is written (the idle cost). 5 s per run.
void BM_Follow100Runs(benchmark::State& state) {
    const int perSecond = static_cast<int>(state.range(0));
    const std::string dir = scratch("logdir");
    std::vector<std::string> paths;
    std::vector<std::int64_t> steps;
    for (int r = 0; r < 100; ++r) {
        fs::create_directories(dir + "/run" + std::to_string(r));
        paths.push_back(dir + "/run" + std::to_string(r) + "/metrics.csv");
        steps.push_back(writeLog(paths.back(), 0));  // the header
        for (int i = 0; i < 10; ++i) appendRow(paths.back(), steps.back()++);
    }
    curvedoctor::core::Follower follower({dir});
    if (follower.size() != paths.size()) state.SkipWithError("not every run was found");
    for (auto _ : state) {
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            if (perSecond == 0) return;
            const auto period = std::chrono::microseconds(1000000 / (perSecond * 100));
            auto next = std::chrono::steady_clock::now();
            for (std::size_t k = 0; !stop; ++k) {
                const std::size_t r = k % paths.size();
                appendRow(paths[r], steps[r]++);
                next += period;
                std::this_thread::sleep_until(next);
            }
        });
        const double cpu0 = threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        std::size_t changes = 0;
        while (std::chrono::steady_clock::now() - t0 < 5s)
            changes += follower.wait(200ms).changed.size();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        state.counters["cpu_%"] = 100.0 * (threadCpuSeconds() - cpu0) / wall;
        state.counters["changes"] = static_cast<double>(changes);
        stop = true;
        writer.join();
    }
    std::size_t points = 0;
    for (std::size_t i = 0; i < follower.size(); ++i) points += follower.run(i).pointCount();
    state.counters["points"] = static_cast<double>(points);
    fs::remove_all(dir);
}
BENCHMARK(BM_Follow100Runs)
    ->ArgName("lines_per_s")
    ->Arg(10)
    ->Arg(0)
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
