#pragma once
// Runs built in code for the chart tests: a decaying loss with deterministic ripple, optional
// validation, learning rate, epochs and wall times.
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

#include "core/run.h"

namespace curvedoctor::ui::testing {

struct RunSpec {
    std::string name = "run";
    std::size_t points = 1000;
    std::size_t valEvery = 100;  ///< 0: no validation series
    double stepsPerEpoch = 100.0;
    double secondsPerStep = 0.5;
    double startTime = 1.7e9;
    std::int64_t nanFrom = -1;  ///< train values are NaN from this index on
};

inline double lossAt(std::size_t i, std::size_t n) {
    const double t = static_cast<double>(i) / static_cast<double>(n);
    return 2.0 * std::exp(-4.0 * t) + 0.1 + 0.02 * std::sin(static_cast<double>(i) * 0.7);
}

inline core::RunPtr makeRun(const RunSpec& spec) {
    auto run = std::make_shared<core::Run>();
    run->name = spec.name;
    run->source = "/tmp/" + spec.name;
    auto& train = run->metrics["train_loss"];
    for (std::size_t i = 0; i < spec.points; ++i) {
        train.steps.push_back(static_cast<std::int64_t>(i));
        train.epochs.push_back(static_cast<double>(i) / spec.stepsPerEpoch);
        train.wallTimes.push_back(spec.startTime + static_cast<double>(i) * spec.secondsPerStep);
        const bool bad = spec.nanFrom >= 0 && static_cast<std::int64_t>(i) >= spec.nanFrom;
        train.values.push_back(bad ? std::nan("") : lossAt(i, spec.points));
    }
    if (spec.valEvery > 0) {
        auto& val = run->metrics["val_loss"];
        for (std::size_t i = spec.valEvery - 1; i < spec.points; i += spec.valEvery) {
            val.steps.push_back(static_cast<std::int64_t>(i));
            val.epochs.push_back(static_cast<double>(i) / spec.stepsPerEpoch);
            val.wallTimes.push_back(spec.startTime + static_cast<double>(i) * spec.secondsPerStep);
            val.values.push_back(lossAt(i, spec.points) + 0.2);
        }
    }
    return run;
}

}  // namespace curvedoctor::ui::testing
