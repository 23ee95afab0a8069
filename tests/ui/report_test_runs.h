#pragma once
// Synthetic runs shared by the compare and report UI tests: shapes from DESIGN.md section 4
// (a healthy run and an overfitting one), built from formulas so expected values are known.

#include <cmath>
#include <memory>
#include <string>

#include "core/run.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"

namespace curvedoctor::ui::testing {

/// Training loss decays exp(-step/tau) + floor with a deterministic wiggle; validation is
/// evaluated every `evalEvery` steps and, when `overfitAt` > 0, rises after that step.
inline core::RunPtr syntheticRun(const std::string& name, std::int64_t steps, double floor,
                                 std::int64_t overfitAt, std::int64_t evalEvery = 100,
                                 const std::string& lr = "0.001") {
    auto run = std::make_shared<core::Run>();
    run->name = name;
    run->source = "/synthetic/" + name;
    run->format = "synthetic";
    run->hyperparameters = {{"lr", lr}, {"batch_size", "64"}};
    core::Series& train = run->metrics["train_loss"];
    core::Series& val = run->metrics["val_loss"];
    core::Series& acc = run->metrics["val_accuracy"];
    const double tau = static_cast<double>(steps) / 6.0;
    for (std::int64_t s = 0; s <= steps; ++s) {
        const double x = static_cast<double>(s);
        train.steps.push_back(s);
        train.values.push_back(2.3 * std::exp(-x / tau) + floor +
                               0.05 * std::sin(x * 0.7) * std::exp(-x / (4 * tau)));
        if (s % evalEvery == 0) {
            double v = 2.3 * std::exp(-x / tau) + floor + 0.08;
            if (overfitAt > 0 && s > overfitAt)
                v += 0.6 * (x - overfitAt) / static_cast<double>(steps);
            val.steps.push_back(s);
            val.values.push_back(v);
            acc.steps.push_back(s);
            acc.values.push_back(0.95 - 0.85 * std::exp(-x / tau) - (v - floor) * 0.05);
        }
    }
    return run;
}

inline RunEntry entryFor(core::RunPtr run, int index) {
    RunEntry e;
    e.run = std::move(run);
    e.name = QString::fromStdString(e.run->name);
    e.color = runColor(index);
    e.id = index + 1;
    return e;
}

}  // namespace curvedoctor::ui::testing
