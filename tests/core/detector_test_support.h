#pragma once
// Builders for synthetic runs used by the detector tests. Curves are formulas with seeded noise
// so every expected value can be worked out by hand from the formula.

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/diagnosis.h"
#include "core/finding.h"
#include "core/run.h"

namespace curvedoctor::core::dtest {

/// A series with values f(i) at steps first + i*stride; epochs = step / stepsPerEpoch when > 0.
inline Series seriesOf(std::size_t n, const std::function<double(std::size_t)>& f,
                       std::int64_t first = 0, std::int64_t stride = 1,
                       double stepsPerEpoch = 0.0) {
    Series s;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t step = first + static_cast<std::int64_t>(i) * stride;
        s.steps.push_back(step);
        s.values.push_back(f(i));
        if (stepsPerEpoch > 0.0) s.epochs.push_back(static_cast<double>(step) / stepsPerEpoch);
    }
    return s;
}

/// A series from explicit values at steps first, first+stride, ...
inline Series seriesOf(const std::vector<double>& values, std::int64_t first = 0,
                       std::int64_t stride = 1, double stepsPerEpoch = 0.0) {
    return seriesOf(
        values.size(), [&](std::size_t i) { return values[i]; }, first, stride, stepsPerEpoch);
}

inline Run runOf(std::vector<std::pair<std::string, Series>> metrics, std::string name = "run") {
    Run r;
    r.name = std::move(name);
    r.source = "synthetic";
    r.format = "test";
    for (auto& [k, s] : metrics) r.metrics[k] = std::move(s);
    return r;
}

/// Seeded Gaussian noise source.
class Noise {
public:
    explicit Noise(unsigned seed) : m_gen(seed) {}
    double operator()(double sigma) { return std::normal_distribution<double>(0.0, sigma)(m_gen); }

private:
    std::mt19937 m_gen;
};

/// A healthy classification run: per-step training loss 0.15 + 2.15 exp(-step/600) with batch
/// noise, 3000 steps in 10 epochs of 300; per-epoch validation loss a little above the training
/// loss and accuracy rising to about 0.95 with the noise of a 2,000-sample set.
inline Run healthyRun(unsigned seed = 1) {
    Noise noise(seed);
    constexpr double kStepsPerEpoch = 300.0;
    Series train = seriesOf(
        3000,
        [&](std::size_t i) {
            return 0.15 + 2.15 * std::exp(-static_cast<double>(i) / 600.0) + noise(0.08);
        },
        0, 1, kStepsPerEpoch);
    Series val = seriesOf(
        10,
        [&](std::size_t e) {
            const double step = 300.0 * static_cast<double>(e + 1) - 1.0;
            return 0.2 + 2.1 * std::exp(-step / 600.0) + noise(0.005);
        },
        299, 300, kStepsPerEpoch);
    Series acc = seriesOf(
        10,
        [&](std::size_t e) {
            const double step = 300.0 * static_cast<double>(e + 1) - 1.0;
            return 0.95 - 0.85 * std::exp(-step / 600.0) + noise(0.005);
        },
        299, 300, kStepsPerEpoch);
    return runOf(
        {{"loss", std::move(train)}, {"val_loss", std::move(val)}, {"val_acc", std::move(acc)}},
        "healthy");
}

inline std::vector<Finding> findingsOfKind(const std::vector<Finding>& all,
                                           const std::string& kind) {
    std::vector<Finding> out;
    for (const Finding& f : all) {
        if (toString(f.kind) == kind) out.push_back(f);
    }
    return out;
}

inline bool hasWarningOrError(const std::vector<Finding>& all) {
    for (const Finding& f : all) {
        if (f.severity != Severity::Info) return true;
    }
    return false;
}

inline std::string describe(const std::vector<Finding>& all) {
    std::string s;
    for (const Finding& f : all) {
        s += std::string(toString(f.severity)) + " " + std::string(toString(f.kind)) + " " +
             f.metric + " [" + std::to_string(f.beginStep) + "," + std::to_string(f.endStep) +
             "]: " + f.message + "\n";
    }
    return s;
}

}  // namespace curvedoctor::core::dtest
