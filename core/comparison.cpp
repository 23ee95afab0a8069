#include "core/comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/metric_role.h"

namespace curvedoctor::core {
namespace {

// Lower rank is preferred as the run's headline validation metric: accuracy is what most
// papers quote, detection quotes mAP@50:95 before mAP@50, segmentation Dice/IoU.
int valMetricRank(const std::string& family) {
    if (family.find("acc") != std::string::npos || family.find("top1") != std::string::npos)
        return 0;
    if (family.find("map50-95") != std::string::npos || family == "map") return 1;
    if (family.find("map") != std::string::npos) return 2;
    if (family.find("dice") != std::string::npos || family.find("iou") != std::string::npos ||
        family.find("f1") != std::string::npos)
        return 3;
    return 4;
}

struct Pick {
    const Series* series = nullptr;
    std::string name;
    int rank = std::numeric_limits<int>::max();
};

std::optional<double> lastFinite(ValueSpan values) {
    for (std::size_t i = values.size(); i-- > 0;)
        if (std::isfinite(values[i])) return values[i];
    return std::nullopt;
}

// Index of the best finite value, or npos. Ties keep the earliest logged point.
std::size_t bestIndex(const Series& s, bool higherIsBetter) {
    std::size_t best = std::string::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double v = s.values[i];
        if (!std::isfinite(v)) continue;
        if (best == std::string::npos || (higherIsBetter ? v > s.values[best] : v < s.values[best]))
            best = i;
    }
    return best;
}

std::optional<double> gapAt(const Series& val, std::size_t bestIdx, const Series& train) {
    const std::int64_t b = val.steps[bestIdx];
    std::int64_t prev = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < val.size(); ++i)
        if (val.steps[i] < b) prev = std::max(prev, val.steps[i]);
    double sum = 0.0;
    int n = 0;
    std::size_t nearest = std::string::npos;
    std::int64_t nearestDist = std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = 0; i < train.size(); ++i) {
        const double v = train.values[i];
        if (!std::isfinite(v)) continue;
        const std::int64_t st = train.steps[i];
        if (st > prev && st <= b) {
            sum += v;
            ++n;
        }
        const std::int64_t d = st > b ? st - b : b - st;
        if (d < nearestDist) {
            nearestDist = d;
            nearest = i;
        }
    }
    if (n > 0) return val.values[bestIdx] - sum / n;
    if (nearest != std::string::npos) return val.values[bestIdx] - train.values[nearest];
    return std::nullopt;
}

}  // namespace

const Series* primarySeries(const Run& run, MetricRole role, std::string* metricName) {
    Pick pick;
    for (const auto& [name, s] : run.metrics) {
        const MetricInfo info = run.info(name);
        if (info.role != role || s.empty()) continue;
        if (role == MetricRole::ValMetric && info.direction == Direction::Unknown) continue;
        const int rank = role == MetricRole::ValMetric ? valMetricRank(info.family)
                                                       : (info.family == "loss" ? 0 : 1);
        // Among equal ranks the series with the most points wins: Lightning's per-step
        // train_loss_step over its per-epoch train_loss_epoch.
        if (rank < pick.rank || (rank == pick.rank && s.size() > pick.series->size())) {
            pick.series = &s;
            pick.name = name;
            pick.rank = rank;
        }
    }
    if (metricName) *metricName = pick.name;
    return pick.series;
}

RunSummary summarizeRun(const Run& run, const RunDiagnosis* diagnosis,
                        const SmoothingConfig& smoothing, const SmoothedValues* smoothedTrainLoss) {
    RunSummary row;
    row.name = run.name;
    row.hyperparameters = run.hyperparameters;
    row.pointCount = run.pointCount();

    const Series* train = primarySeries(run, MetricRole::TrainLoss, &row.trainLossMetric);
    const Series* val = primarySeries(run, MetricRole::ValLoss, &row.valLossMetric);
    const Series* metric = primarySeries(run, MetricRole::ValMetric, &row.valMetric);
    // The diagnosis names the run's best point (core/detectors/best_step.h); the table states
    // the best of that same series, so the table, the findings and the report agree.
    if (diagnosis != nullptr && diagnosis->best) {
        const std::string& name = diagnosis->best->metric;
        if (const auto it = run.metrics.find(name);
            it != run.metrics.end() && !it->second.empty()) {
            const MetricRole role = run.info(name).role;
            if (role == MetricRole::ValLoss) {
                val = &it->second;
                row.valLossMetric = name;
            } else if (role == MetricRole::ValMetric) {
                metric = &it->second;
                row.valMetric = name;
            }
        }
    }

    if (train) {
        row.finalTrainLoss = lastFinite(train->values);
        row.finalTrainLossSmoothed =
            smoothedTrainLoss != nullptr && smoothedTrainLoss->size() == train->size()
                ? smoothedTrainLoss->lastFinite()
                : lastFinite(smooth(train->steps.toVector(), train->values.asDoubles(), smoothing));
    }
    if (val) {
        row.finalValLoss = lastFinite(val->values);
        const std::size_t b = bestIndex(*val, false);
        if (b != std::string::npos) {
            row.bestValLoss = val->values[b];
            row.bestValLossStep = val->steps[b];
            if (val->hasEpochs() && std::isfinite(val->epochs[b]))
                row.bestValLossEpoch = val->epochs[b];
            if (train) row.gapAtBest = gapAt(*val, b, *train);
        }
    }
    if (metric) {
        row.valMetricHigherIsBetter =
            run.info(row.valMetric).direction == Direction::HigherIsBetter;
        const std::size_t b = bestIndex(*metric, row.valMetricHigherIsBetter);
        if (b != std::string::npos) {
            row.bestValMetric = metric->values[b];
            row.bestValMetricStep = metric->steps[b];
        }
    }

    for (const auto& [name, s] : run.metrics) {
        for (std::int64_t st : s.steps) row.lastStep = std::max(row.lastStep, st);
        for (double e : s.epochs)
            if (std::isfinite(e) && (!row.lastEpoch || e > *row.lastEpoch)) row.lastEpoch = e;
    }

    if (diagnosis) {
        for (const Finding& f : diagnosis->findings) {
            switch (f.severity) {
                case Severity::Error:
                    ++row.errors;
                    break;
                case Severity::Warning:
                    ++row.warnings;
                    break;
                case Severity::Info:
                    ++row.infos;
                    break;
            }
        }
    }
    return row;
}

namespace {

// `smoothedOf(i)`: run i's primary training loss smoothed, or null to smooth it here.
template <typename SmoothedOf>
Comparison compare(const std::vector<const Run*>& runs,
                   const std::vector<const RunDiagnosis*>& diagnoses,
                   const SmoothingConfig& smoothing, SmoothedOf smoothedOf) {
    Comparison out;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunDiagnosis* d = i < diagnoses.size() ? diagnoses[i] : nullptr;
        const std::shared_ptr<const SmoothedValues> smoothed = smoothedOf(i);
        out.rows.push_back(summarizeRun(*runs[i], d, smoothing, smoothed.get()));
        for (const auto& [k, v] : runs[i]->hyperparameters) keys.insert(k);
    }
    out.hyperparameterKeys.assign(keys.begin(), keys.end());
    if (runs.size() < 2) return out;
    for (const std::string& k : out.hyperparameterKeys) {
        const auto& first = runs.front()->hyperparameters;
        const auto firstIt = first.find(k);
        const bool differs = std::any_of(runs.begin() + 1, runs.end(), [&](const Run* r) {
            const auto it = r->hyperparameters.find(k);
            const bool has = it != r->hyperparameters.end();
            const bool firstHas = firstIt != first.end();
            return has != firstHas || (has && it->second != firstIt->second);
        });
        if (differs) out.differingKeys.push_back(k);
    }
    return out;
}

}  // namespace

Comparison compareRuns(const std::vector<const Run*>& runs,
                       const std::vector<const RunDiagnosis*>& diagnoses,
                       const SmoothingConfig& smoothing) {
    return compare(runs, diagnoses, smoothing,
                   [](std::size_t) { return std::shared_ptr<const SmoothedValues>(); });
}

Comparison compareRuns(const std::vector<RunPtr>& runs,
                       const std::vector<const RunDiagnosis*>& diagnoses,
                       const SmoothingConfig& smoothing, CurveCache& cache) {
    std::vector<const Run*> raw;
    std::vector<CurveCache::Request> requests;
    for (const RunPtr& r : runs) {
        raw.push_back(r.get());
        std::string metric;
        if (primarySeries(*r, MetricRole::TrainLoss, &metric) == nullptr) metric.clear();
        requests.push_back({r, metric});
    }
    const std::vector<PreparedCurve> curves = cache.prepare(requests, smoothing);
    return compare(raw, diagnoses, smoothing, [&](std::size_t i) { return curves[i].smoothed; });
}

}  // namespace curvedoctor::core
