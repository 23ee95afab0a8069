// W&B transaction-log (.wandb) reading speed on a generated 100 MB file (written once to /tmp):
// history records as `wandb.log({...})` writes them (`_step`, `_runtime`, `_timestamp` and five
// metrics, values as Python's json.dumps prints doubles), framed by tests/core/wandb_writer.h.
// Run in Release:  ./build-bench/bench/bench_wandb
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/bench_support.h"
#include "core/loaders/wandb/wandb_loader.h"
#include "core/loaders/wandb/wandb_log_reader.h"
#include "tests/core/wandb_writer.h"

namespace {

using namespace curvedoctor::core;

constexpr std::size_t kTargetBytes = 100U << 20;

std::string json(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string generate() {
    const std::string path = "/tmp/curvedoctor_bench_run.wandb";
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) >= kTargetBytes && !ec) return path;
    std::mt19937 gen(42);
    std::uniform_real_distribution<double> dist(0.0, 3.0);
    test::WandbWriter w;
    for (std::int64_t step = 0; w.bytes().size() < kTargetBytes; ++step) {
        const double t = 0.25 * static_cast<double>(step);
        w.write(test::WandbWriter::history(step, {{"train/loss", json(dist(gen))},
                                                  {"train/acc", json(dist(gen) / 3.0)},
                                                  {"lr", json(1e-3 * dist(gen))},
                                                  {"grad_norm", json(dist(gen))},
                                                  {"epoch", std::to_string(step / 1000)},
                                                  {"_step", std::to_string(step)},
                                                  {"_runtime", json(t)},
                                                  {"_timestamp", json(1.7e9 + t)}}));
    }
    std::ofstream(path, std::ios::binary)
        .write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    return path;
}

void BM_WandbHistory(benchmark::State& state) {
    const WandbLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate());
}

void BM_Crc32(benchmark::State& state) {
    std::string data(1U << 20, 'x');
    for (auto _ : state) benchmark::DoNotOptimize(crc32(data));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * data.size()));
}

}  // namespace

BENCHMARK(BM_WandbHistory)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Crc32);
BENCHMARK_MAIN();
