// Smoothing speed: every kind over 1 million points (a long step-level training loss with a
// few non-finite values), at the default weight and at a heavy one.
//
//   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCURVEDOCTOR_BUILD_BENCH=ON
//   cmake --build build-release --target bench_smoothing && ./build-release/bench/bench_smoothing

#include "core/smoothing.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using curvedoctor::core::SmoothingConfig;
using curvedoctor::core::SmoothingKind;

constexpr std::size_t kPoints = 1'000'000;

struct Data {
    std::vector<std::int64_t> steps;
    std::vector<double> values;
};

const Data& data() {
    static const Data d = [] {
        Data out;
        out.steps.resize(kPoints);
        out.values.resize(kPoints);
        std::mt19937 gen(42);
        for (std::size_t i = 0; i < kPoints; ++i) {
            out.steps[i] = static_cast<std::int64_t>(i) * 4;  // logged every 4 steps
            const double u = static_cast<double>(gen()) / 4294967296.0;
            out.values[i] = 2.0 * std::exp(-static_cast<double>(i) / 2e5) + 0.2 * (u - 0.5);
        }
        for (std::size_t i = 1000; i < kPoints; i += 100'000)
            out.values[i] = std::numeric_limits<double>::quiet_NaN();
        return out;
    }();
    return d;
}

void smoothKind(benchmark::State& state, SmoothingKind kind) {
    const Data& d = data();
    const SmoothingConfig config{kind, static_cast<double>(state.range(0)) / 1000.0, 0.0};
    for (auto _ : state) {
        auto out = curvedoctor::core::smooth(d.steps, d.values, config);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kPoints));
}

// Arguments are the weight in thousandths: 600 is the default, 990 a heavy setting.
BENCHMARK_CAPTURE(smoothKind, ema, SmoothingKind::Ema)
    ->Arg(600)
    ->Arg(990)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(smoothKind, time_ema, SmoothingKind::TimeWeightedEma)
    ->Arg(600)
    ->Arg(990)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(smoothKind, running_mean, SmoothingKind::RunningMean)
    ->Arg(600)
    ->Arg(990)
    ->Arg(999)
    ->Unit(benchmark::kMillisecond);
// O(n * sigma): sigma is 1.1 points at 0.6, 56 at 0.99, 564 at 0.999.
BENCHMARK_CAPTURE(smoothKind, gaussian, SmoothingKind::Gaussian)
    ->Arg(600)
    ->Arg(990)
    ->Arg(999)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
