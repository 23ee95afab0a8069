#include "core/detectors/run_view.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/finite.h"

namespace curvedoctor::core {
namespace {

bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Candidate {
    const std::string* name;
    const Series* series;
    MetricInfo info;
    std::size_t curve;  // index into RunView::curves
};

// Lower is preferred. The family everyone calls "loss" is the loss; detection frameworks log
// the sum as "total_loss"; otherwise a family seen in both splits can be compared train/val.
int familyRank(const std::string& family, bool inBothSplits) {
    if (family == "loss") return 0;
    if (family == "total_loss") return 1;
    if (inBothSplits) return 2;
    return 3;
}

// Validation metrics in order of how directly they read as "model quality".
int metricRank(const std::string& family) {
    static constexpr std::string_view kOrder[] = {"acc", "accuracy", "top1", "map50-95", "map",
                                                  "f1",  "dice",     "miou", "iou",      "auc"};
    const std::string f = lower(family);
    for (std::size_t i = 0; i < std::size(kOrder); ++i) {
        if (f == kOrder[i]) return static_cast<int>(i);
    }
    for (std::size_t i = 0; i < std::size(kOrder); ++i) {
        if (f.rfind(kOrder[i], 0) == 0) return static_cast<int>(std::size(kOrder) + i);
    }
    return 100;
}

// Lightning logs "val_loss_step" per validation batch and "val_loss_epoch" per epoch; the
// epoch-level one is the quantity early stopping watches. A "test_" series is evaluated once
// at the end and is less useful as a curve than "val_"/"eval_".
int validationSeriesRank(const std::string& name) {
    const std::string n = lower(name);
    int rank = 0;
    if (endsWith(n, "_step")) rank += 2;
    if (n.rfind("test", 0) == 0) rank += 4;
    return rank;
}

const Candidate* pickBest(const std::vector<const Candidate*>& c, auto rank) {
    const Candidate* best = nullptr;
    for (const Candidate* x : c) {
        if (best == nullptr || rank(*x) < rank(*best)) best = x;
    }
    return best;
}

}  // namespace

namespace {

// The column where it is when stored plainly; else a contiguous copy, kept alive by `held`.
template <typename T>
std::span<const T> contiguous(const PackedColumn<T>& column, ColumnCopies* copies,
                              std::shared_ptr<const ColumnCopy<T>>& held) {
    if (!column.isPacked()) return column.plainSpan();
    held = copies ? copies->of(column) : std::make_shared<const ColumnCopy<T>>(column);
    return held->entries();
}

}  // namespace

Curve::Curve(std::string metric, const Series& series, const MetricInfo& info, ColumnCopies* copies)
    : m_metric(std::move(metric)), m_info(info) {
    // A million-point series is neither copied nor unpacked once per curve (bench_detectors).
    const std::span<const std::int64_t> steps = contiguous(series.steps, copies, m_copiedSteps);
    const std::span<const double> epochs = contiguous(series.epochs, copies, m_copiedEpochs);
    // Values stored as float32 (core/value_column.h) are widened once, into the curve's own.
    DoubleValues values = series.values.asDoubles();
    if (scanSortedAndFinite(steps, values)) {
        m_steps = steps;
        m_ownValues = values.takeCopy();
        m_values = series.values.isFloat() ? std::span<const double>(m_ownValues) : values.span();
        m_epochs = epochs;
        return;
    }
    adopt(steps, values, epochs);
    m_copiedSteps.reset();
    m_copiedEpochs.reset();
}

std::size_t Curve::scanValues(std::span<const double> valueColumn, const std::int64_t* steps) {
    const std::size_t n = valueColumn.size();
    const double* values = valueColumn.data();
    std::size_t finite = n > 0 && isFiniteValue(values[0]) ? 1 : 0;
    std::size_t backwards = 0;
    std::vector<std::size_t> changes;
    bool few = true;
    // Blocks of a few KiB: counted branch-free, then, while the curve has changed at most
    // kMaxLevelChanges times, the changes of a block that has any recorded from the cache.
    constexpr std::size_t kBlock = 512;
    for (std::size_t begin = 1; begin < n; begin += kBlock) {
        const std::size_t end = std::min(n, begin + kBlock);
        std::size_t moved = 0;
        for (std::size_t i = begin; i < end; ++i) {
            if (steps != nullptr) backwards += steps[i] <= steps[i - 1] ? 1 : 0;
            finite += isFiniteValue(values[i]) ? 1 : 0;
            moved += values[i] != values[i - 1] ? 1 : 0;
        }
        for (std::size_t i = begin; few && moved > 0 && i < end; ++i) {
            if (values[i] == values[i - 1]) continue;
            few = changes.size() < kMaxLevelChanges;
            changes.push_back(i);
        }
    }
    m_finiteCount = finite;
    m_fewLevelChanges = few;
    m_levelChanges = few ? std::move(changes) : std::vector<std::size_t>{};
    return backwards;
}

bool Curve::scanSortedAndFinite(std::span<const std::int64_t> steps,
                                std::span<const double> values) {
    // No early exit: one pass over both columns.
    return steps.size() == values.size() && scanValues(values, steps.data()) == 0;
}

namespace {

// Adds the values of four index ranges [from[q], to[q]) of `v` to sum[q], each range in order as
// one running sum (the same results as four loops one after the other), their common length in
// lockstep: four independent additions in flight instead of one waiting on the one before.
void addFourRanges(const double* v, const std::size_t (&from)[4], const std::size_t (&to)[4],
                   double (&sum)[4]) {
    std::size_t common = to[0] - from[0];
    for (std::size_t q = 1; q < 4; ++q) common = std::min(common, to[q] - from[q]);
    double s0 = sum[0];
    double s1 = sum[1];
    double s2 = sum[2];
    double s3 = sum[3];
    for (std::size_t j = 0; j < common; ++j) {
        s0 += v[from[0] + j];
        s1 += v[from[1] + j];
        s2 += v[from[2] + j];
        s3 += v[from[3] + j];
    }
    sum[0] = s0;
    sum[1] = s1;
    sum[2] = s2;
    sum[3] = s3;
    for (std::size_t q = 0; q < 4; ++q) {
        for (std::size_t i = from[q] + common; i < to[q]; ++i) sum[q] += v[i];
    }
}

}  // namespace

Curve meanPerEvaluation(const Curve& perStep, const Curve& evaluations) {
    const auto ts = perStep.steps();
    const auto tv = perStep.values();
    const auto es = evaluations.steps();
    std::vector<double> sums(es.size(), 0.0);
    std::vector<std::size_t> counts(es.size(), 0);
    if (perStep.finiteCount() == perStep.size()) {
        // Every value finite: interval k is the index range [ends[k - 1], ends[k]), its end
        // found by binary search (steps are sorted), and four intervals are summed side by
        // side (a million-step loss: one running sum waited on each addition).
        std::vector<std::size_t> ends(es.size());
        std::size_t i = 0;
        for (std::size_t k = 0; k < es.size(); ++k) {
            i = static_cast<std::size_t>(
                std::upper_bound(ts.begin() + static_cast<std::ptrdiff_t>(i), ts.end(), es[k]) -
                ts.begin());
            ends[k] = i;
            counts[k] = k == 0 ? i : i - ends[k - 1];
        }
        for (std::size_t k = 0; k < es.size(); k += 4) {
            std::size_t from[4] = {0, 0, 0, 0};
            std::size_t to[4] = {0, 0, 0, 0};
            double sum[4] = {0.0, 0.0, 0.0, 0.0};
            for (std::size_t q = 0; q < 4 && k + q < es.size(); ++q) {
                to[q] = ends[k + q];
                from[q] = to[q] - counts[k + q];
            }
            addFourRanges(tv.data(), from, to, sum);
            for (std::size_t q = 0; q < 4 && k + q < es.size(); ++q) sums[k + q] = sum[q];
        }
    } else {
        std::size_t i = 0;
        for (std::size_t k = 0; k < es.size(); ++k) {
            for (; i < ts.size() && ts[i] <= es[k]; ++i) {
                if (!std::isfinite(tv[i])) continue;
                sums[k] += tv[i];
                ++counts[k];
            }
        }
    }
    std::vector<std::int64_t> steps;
    std::vector<double> values;
    for (std::size_t k = 0; k < es.size(); ++k) {
        if (counts[k] == 0) continue;
        steps.push_back(es[k]);
        values.push_back(sums[k] / static_cast<double>(counts[k]));
    }
    return Curve(perStep.metric(), steps, values);
}

Curve Curve::alias() const {
    Curve c;
    c.m_metric = m_metric;
    c.m_info = m_info;
    c.m_steps = m_steps;
    c.m_values = m_values;
    c.m_epochs = m_epochs;
    c.m_copiedSteps = m_copiedSteps;
    c.m_copiedEpochs = m_copiedEpochs;
    c.m_finiteCount = m_finiteCount;
    c.m_levelChanges = m_levelChanges;
    c.m_fewLevelChanges = m_fewLevelChanges;
    return c;
}

void Curve::releasePoints() {
    m_steps = {};
    m_values = {};
    m_epochs = {};
    std::vector<std::int64_t>().swap(m_ownSteps);
    std::vector<double>().swap(m_ownValues);
    std::vector<double>().swap(m_ownEpochs);
    m_copiedSteps.reset();
    m_copiedEpochs.reset();
    m_finiteCount = 0;
    m_levelChanges.clear();
    m_fewLevelChanges = true;
}

void RunView::releasePoints() {
    for (Curve& c : curves) c.releasePoints();
    for (Curve* c :
         {&trainLoss, &trainLossEpoch, &valLoss, &valMetric, &trainMetric, &learningRate})
        c->releasePoints();
}

Curve::Curve(std::string metric, const std::vector<std::int64_t>& steps,
             const std::vector<double>& values, const std::vector<double>& epochs)
    : m_metric(std::move(metric)) {
    m_info = inferMetricInfo(m_metric);
    adopt(steps, values, epochs);
}

void Curve::adopt(std::span<const std::int64_t> steps, std::span<const double> values,
                  std::span<const double> epochs) {
    const std::size_t n = std::min(steps.size(), values.size());
    const bool withEpochs = epochs.size() == steps.size() && !epochs.empty();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return steps[a] < steps[b]; });
    m_ownSteps.clear();
    m_ownValues.clear();
    m_ownEpochs.clear();
    m_ownSteps.reserve(n);
    m_ownValues.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        // Stable sort keeps log order within one step, so the last one is what was logged last.
        if (!m_ownSteps.empty() && m_ownSteps.back() == steps[i]) {
            m_ownValues.back() = values[i];
            if (withEpochs) m_ownEpochs.back() = epochs[i];
            continue;
        }
        m_ownSteps.push_back(steps[i]);
        m_ownValues.push_back(values[i]);
        if (withEpochs) m_ownEpochs.push_back(epochs[i]);
    }
    m_steps = m_ownSteps;
    m_values = m_ownValues;
    m_epochs = m_ownEpochs;
    scanValues(m_values);
}

void EpochMap::add(std::int64_t step, double epoch) {
    if (!std::isfinite(epoch)) return;
    m_steps.push_back(step);
    m_epochs.push_back(epoch);
}

void EpochMap::finish() {
    std::vector<std::size_t> order(m_steps.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_steps[a] < m_steps[b]; });
    std::vector<std::int64_t> steps;
    std::vector<double> epochs;
    for (std::size_t i : order) {
        if (!steps.empty() && steps.back() == m_steps[i]) {
            // Lightning logs a validation row with the epoch it closes at the same step as the
            // next epoch's first training row; the smaller epoch is the one the step belongs to.
            epochs.back() = std::min(epochs.back(), m_epochs[i]);
            continue;
        }
        steps.push_back(m_steps[i]);
        epochs.push_back(m_epochs[i]);
    }
    m_steps = std::move(steps);
    m_epochs = std::move(epochs);
}

std::optional<double> EpochMap::epochAt(std::int64_t step) const {
    if (m_steps.empty() || step < m_steps.front() || step > m_steps.back()) return std::nullopt;
    const auto it = std::lower_bound(m_steps.begin(), m_steps.end(), step);
    const auto i = static_cast<std::size_t>(it - m_steps.begin());
    if (m_steps[i] == step || i == 0) return m_epochs[i];
    const double t = static_cast<double>(step - m_steps[i - 1]) /
                     static_cast<double>(m_steps[i] - m_steps[i - 1]);
    return m_epochs[i - 1] + t * (m_epochs[i] - m_epochs[i - 1]);
}

std::optional<double> EpochMap::stepsPerEpoch() const {
    if (m_steps.size() < 2) return std::nullopt;
    const double epochSpan = m_epochs.back() - m_epochs.front();
    if (!(epochSpan >= 1.0)) return std::nullopt;
    const double stepSpan = static_cast<double>(m_steps.back() - m_steps.front());
    if (stepSpan <= 0.0) return std::nullopt;
    return stepSpan / epochSpan;
}

RunView makeRunView(const Run& run) {
    RunView view;
    view.run = &run;
    std::vector<Candidate> all;
    all.reserve(run.metrics.size());
    ColumnCopies copies;
    view.curves.reserve(run.metrics.size());
    for (const auto& [name, series] : run.metrics) {
        if (series.empty()) continue;
        view.curves.emplace_back(name, series, run.info(name), &copies);
        all.push_back({&name, &series, view.curves.back().info(), view.curves.size() - 1});
        if (series.hasEpochs()) {
            // Sampling keeps the map small for million-point series; epochs are piecewise linear.
            const std::size_t stride = std::max<std::size_t>(1, series.size() / 4096);
            for (std::size_t i = 0; i < series.size(); i += stride) {
                view.epochs.add(series.steps[i], series.epochs[i]);
            }
            view.epochs.add(series.steps.back(), series.epochs.back());
        }
    }
    view.epochs.finish();

    // The primary loss family.
    std::string family;
    int familyBest = 1000;
    for (const Candidate& c : all) {
        if (!isLoss(c.info.role)) continue;
        const bool both = std::any_of(all.begin(), all.end(), [&](const Candidate& o) {
            return isLoss(o.info.role) && o.info.family == c.info.family &&
                   o.info.validation != c.info.validation;
        });
        const int r = familyRank(c.info.family, both);
        if (r < familyBest) {
            familyBest = r;
            family = c.info.family;
        }
    }
    std::vector<const Candidate*> train;
    std::vector<const Candidate*> val;
    for (const Candidate& c : all) {
        if (!isLoss(c.info.role) || c.info.family != family) continue;
        (c.info.role == MetricRole::TrainLoss ? train : val).push_back(&c);
    }
    // The most points; on a tie (Lightning logs loss_step and loss_epoch once per epoch when
    // an epoch is one logging interval) the per-step one.
    if (const Candidate* t = pickBest(train, [](const Candidate& c) {
            return -2 * static_cast<long long>(c.series->size()) +
                   (endsWith(lower(*c.name), "_epoch") ? 1 : 0);
        })) {
        view.trainLoss = view.curves[t->curve].alias();
        for (const Candidate* e : train) {
            if (e != t && endsWith(lower(*e->name), "_epoch")) {
                view.trainLossEpoch = view.curves[e->curve].alias();
            }
        }
    }
    if (const Candidate* v =
            pickBest(val, [](const Candidate& c) { return validationSeriesRank(*c.name); })) {
        view.valLoss = view.curves[v->curve].alias();
    }

    std::vector<const Candidate*> valMetrics;
    for (const Candidate& c : all) {
        if (c.info.role == MetricRole::ValMetric && c.info.direction != Direction::Unknown) {
            valMetrics.push_back(&c);
        }
    }
    if (const Candidate* m = pickBest(valMetrics, [](const Candidate& c) {
            return metricRank(c.info.family) * 16 + validationSeriesRank(*c.name);
        })) {
        view.valMetric = view.curves[m->curve].alias();
        std::vector<const Candidate*> trainMetrics;
        for (const Candidate& c : all) {
            if (c.info.role == MetricRole::TrainMetric && c.info.family == m->info.family) {
                trainMetrics.push_back(&c);
            }
        }
        if (const Candidate* t = pickBest(trainMetrics, [](const Candidate& c) {
                return endsWith(lower(*c.name), "_step") ? 1 : 0;
            })) {
            view.trainMetric = view.curves[t->curve].alias();
        }
    }

    std::vector<const Candidate*> lrs;
    for (const Candidate& c : all) {
        if (c.info.role == MetricRole::LearningRate) lrs.push_back(&c);
    }
    // Names sort "lr", "lr-Adam", "lr/pg0", "lr/pg1": the shortest, first name is group 0.
    if (const Candidate* l = pickBest(
            lrs, [](const Candidate& c) { return static_cast<long long>(c.name->size()); })) {
        view.learningRate = view.curves[l->curve].alias();
    }
    // Each curve counted its finite values already.
    auto trendOf = [](const Curve& c) {
        return makeTrendCounted(c.steps(), c.values(), c.finiteCount());
    };
    view.trainTrend = trendOf(view.trainLoss);
    view.valTrend = trendOf(view.valLoss);
    view.valMetricTrend = trendOf(view.valMetric);
    return view;
}

// The smallest step between distinct finite raw values of a metric with at least three of
// them: one sample of the validation set when it is an accuracy on a grid of 1/n; 0 otherwise.
double metricQuantum(const Curve& c) {
    std::vector<double> v;
    for (double x : c.values()) {
        if (std::isfinite(x)) v.push_back(x);
    }
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    if (v.size() < 3) return 0.0;
    double step = v[1] - v[0];
    for (std::size_t i = 2; i < v.size(); ++i) step = std::min(step, v[i] - v[i - 1]);
    return step;
}

ScatterLine scatterLine(const Curve& c, std::int64_t from, std::int64_t to) {
    ScatterLine l;
    const auto inside = [&](std::size_t i) {
        return c.steps()[i] >= from && c.steps()[i] <= to && std::isfinite(c.values()[i]);
    };
    double n = 0.0;
    double mx = 0.0;
    double my = 0.0;
    std::int64_t first = 0;
    std::int64_t last = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!inside(i)) continue;
        if (n == 0.0) first = c.steps()[i];
        last = c.steps()[i];
        n += 1.0;
        mx += static_cast<double>(c.steps()[i]);
        my += c.values()[i];
    }
    if (n < 3.0) return l;
    mx /= n;
    my /= n;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!inside(i)) continue;
        const double dx = static_cast<double>(c.steps()[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (c.values()[i] - my);
    }
    if (!(sxx > 0.0)) return l;
    const double slope = sxy / sxx;
    double ssr = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!inside(i)) continue;
        const double r = c.values()[i] - (my + slope * (static_cast<double>(c.steps()[i]) - mx));
        ssr += r * r;
    }
    const double span = static_cast<double>(last - first);
    l.ok = true;
    l.start = first;
    l.points = static_cast<std::size_t>(n);
    l.slope = slope;
    l.slopeError = std::sqrt(ssr / (n - 2.0) / sxx);
    l.drop = -slope * span;
    l.error = l.slopeError * span;
    return l;
}

FinitePoints finitePoints(const Curve& c) {
    FinitePoints out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!std::isfinite(c.values()[i])) continue;
        out.steps.push_back(c.steps()[i]);
        out.values.push_back(c.values()[i]);
    }
    return out;
}

EpochLevels perEpochLevels(const RunView& view) {
    Curve perEpoch;
    if (!view.trainLossEpoch.empty()) {
        perEpoch = view.trainLossEpoch.alias();
    } else if (view.trainLoss.finiteCount() > 2 * view.valLoss.finiteCount()) {
        perEpoch = meanPerEvaluation(view.trainLoss, view.valLoss);
    }
    EpochLevels out;
    for (std::size_t i = 0; i < perEpoch.size(); ++i) {
        if (!std::isfinite(perEpoch.values()[i])) continue;
        out.steps.push_back(perEpoch.steps()[i]);
        out.levels.push_back(perEpoch.values()[i]);
    }
    return out;
}

}  // namespace curvedoctor::core
