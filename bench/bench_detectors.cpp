// Issue 4's speed goal: every detector over 50 runs of 1 million steps each in under 1 second,
// single-threaded. A run here is what a long per-step log holds: a training loss of 1,000,000
// points with batch noise and an epoch column, a learning rate with a step schedule, and an
// epoch-level validation loss and accuracy (100 points).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "core/detectors/best_step.h"
#include "core/detectors/run_view.h"
#include "core/diagnosis.h"

namespace {

using curvedoctor::core::Run;
using curvedoctor::core::Series;

constexpr std::size_t kSteps = 1'000'000;
constexpr std::size_t kEpochs = 100;
constexpr double kStepsPerEpoch = double(kSteps) / double(kEpochs);

Run makeRun(unsigned seed) {
    std::mt19937 gen(seed);
    std::normal_distribution<double> noise(0.0, 0.05);
    Run r;
    r.name = "bench" + std::to_string(seed);
    Series& loss = r.metrics["train_loss_step"];
    Series& lr = r.metrics["lr"];
    loss.steps.resize(kSteps);
    std::vector<double> lossValues(kSteps);
    loss.epochs.resize(kSteps);
    lr.steps.resize(kSteps);
    std::vector<double> lrValues(kSteps);
    for (std::size_t i = 0; i < kSteps; ++i) {
        const double x = double(i) / double(kSteps);
        loss.steps.mutableVector()[i] = static_cast<std::int64_t>(i);
        lossValues[i] = 0.2 + 2.1 * std::exp(-8.0 * x) + noise(gen);
        loss.epochs.mutableVector()[i] = double(i) / kStepsPerEpoch;
        lr.steps.mutableVector()[i] = static_cast<std::int64_t>(i);
        lrValues[i] = x < 0.6 ? 0.1 : x < 0.9 ? 0.01 : 0.001;
    }
    loss.values = lossValues;
    lr.values = lrValues;
    Series& val = r.metrics["val_loss"];
    Series& acc = r.metrics["val_acc"];
    for (std::size_t e = 0; e < kEpochs; ++e) {
        const double x = static_cast<double>(e + 1) / static_cast<double>(kEpochs);
        const auto step =
            static_cast<std::int64_t>(static_cast<double>(e + 1) * kStepsPerEpoch) - 1;
        val.steps.push_back(step);
        val.values.push_back(0.25 + 2.0 * std::exp(-8.0 * x) + 0.005 * noise(gen));
        val.epochs.push_back(double(e));
        acc.steps.push_back(step);
        acc.values.push_back(0.95 - 0.8 * std::exp(-8.0 * x) + 0.01 * noise(gen));
        acc.epochs.push_back(double(e));
    }
    return r;
}

// Ten distinct runs (400 MB), each diagnosed five times per iteration: 50 runs of work
// without holding 2 GB on a machine shared with other jobs. Each run (40 MB) is far larger
// than the caches, so repeats are not cheaper than distinct runs would be.
constexpr unsigned kDistinctRuns = 10;
constexpr unsigned kRepeats = 5;

const std::vector<Run>& runs() {
    static const std::vector<Run> r = [] {
        std::vector<Run> v;
        for (unsigned s = 0; s < kDistinctRuns; ++s) v.push_back(makeRun(s + 1));
        return v;
    }();
    return r;
}

// The same runs as a loader leaves them (Run::shrinkToFit): steps and epochs packed as
// progressions, equal step columns shared; the detectors read them from contiguous copies.
const std::vector<Run>& packedRuns() {
    static const std::vector<Run> r = [] {
        std::vector<Run> v;
        for (unsigned s = 0; s < kDistinctRuns; ++s) {
            v.push_back(makeRun(s + 1));
            v.back().shrinkToFit();
        }
        return v;
    }();
    return r;
}

// All detectors over the 50 runs and the group detector over all of them (diagnoseRuns, as
// `curvedoctor diagnose --group` calls it). Argument 0: plain columns; 1: packed, as loaded.
void BM_Diagnose50RunsOf1MSteps(benchmark::State& state) {
    const auto& all = state.range(0) == 0 ? runs() : packedRuns();
    std::vector<const Run*> ptrs;
    for (unsigned k = 0; k < kRepeats; ++k) {
        for (const Run& r : all) ptrs.push_back(&r);
    }
    for (auto _ : state) {
        // Single-threaded, as the issue asks.
        const auto d = curvedoctor::core::diagnoseRuns(ptrs, {}, 1);
        std::size_t findings = d.group.size();
        for (const auto& r : d.runs) findings += r.findings.size();
        benchmark::DoNotOptimize(findings);
    }
    state.SetItemsProcessed(state.iterations() *
                            static_cast<std::int64_t>(ptrs.size() * 2 * kSteps));
}
BENCHMARK(BM_Diagnose50RunsOf1MSteps)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// One run, to see the per-run cost.
void BM_DiagnoseOneRunOf1MSteps(benchmark::State& state) {
    const Run& r = runs().front();
    for (auto _ : state) benchmark::DoNotOptimize(curvedoctor::core::diagnoseRun(r));
}
BENCHMARK(BM_DiagnoseOneRunOf1MSteps)->Unit(benchmark::kMillisecond);

// Where a run's time goes: building its view (curves, epoch map, trends) and each detector on
// its own, over the ten distinct runs in turn (each run's 40 MB leave the caches between
// visits, as in the 50-run case). First argument: 0 the view, 1.. the detectors in
// diagnoseRun's order, 13 the best step; second: 0 plain columns, 1 packed. Per run.
void BM_DiagnosisPart(benchmark::State& state) {
    using namespace curvedoctor::core;
    const auto part = state.range(0);
    const auto& all = state.range(1) == 0 ? runs() : packedRuns();  // made before the timing
    const DiagnosisConfig c;
    std::vector<RunView> views;
    if (part > 0) {
        for (const Run& r : all) views.push_back(makeRunView(r));
    }
    std::size_t k = 0;
    for (auto _ : state) {
        const std::size_t i = k++ % kDistinctRuns;
        if (part == 0) {
            benchmark::DoNotOptimize(makeRunView(all[i]));
            continue;
        }
        const RunView& v = views[i];
        std::size_t n = 0;
        switch (part) {
            case 1:
                n = detectNanInf(v, c.nanInf).size();
                break;
            case 2:
                n = detectNotLearning(v, c.notLearning).size();
                break;
            case 3:
                n = detectDivergence(v, c.divergence).size();
                break;
            case 4:
                n = detectOverfitting(v, c.overfitting).size();
                break;
            case 5:
                n = detectUndertrained(v, c.undertrained).size();
                break;
            case 6:
                n = detectSlowStartPlateau(v, c.slowStart).size();
                break;
            case 7:
                n = detectPlateau(v, c.plateau).size();
                break;
            case 8:
                n = detectOscillation(v, c.oscillation).size();
                break;
            case 9:
                n = detectNoShufflePeriodic(v, c.noShuffle).size();
                break;
            case 10:
                n = detectNoisyValidation(v, c.noisyValidation).size();
                break;
            case 11:
                n = detectLrDrop(v, c.lrDrop).size();
                break;
            case 12:
                n = detectMetricLossDisagreement(v, c.disagreement).size();
                break;
            default:
                n = findBestStep(v) ? 1 : 0;
                break;
        }
        benchmark::DoNotOptimize(n);
    }
}
BENCHMARK(BM_DiagnosisPart)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 13, 1), {0, 1}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
