#include "core/plot/curve_cache.h"

#include <algorithm>

#include "core/parallel_for.h"

namespace curvedoctor::core {
namespace {

bool sameSmoothing(const SmoothingConfig& a, const SmoothingConfig& b) {
    return a.kind == b.kind && a.weight == b.weight && a.stepSpan == b.stepSpan;
}

// Below this many points to smooth in all, a thread costs more than it saves.
constexpr std::size_t kParallelPoints = 1'000'000;

}  // namespace

std::vector<PreparedCurve> CurveCache::prepare(std::span<const Request> requests,
                                               const SmoothingConfig& smoothing, unsigned threads) {
    prune();
    std::vector<PreparedCurve> out(requests.size());
    struct Job {
        std::size_t request;
        const Series* series;
        Entry* entry;
    };
    std::vector<Job> jobs;
    std::size_t points = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Request& r = requests[i];
        const Series* s = r.run ? r.run->find(r.metric) : nullptr;
        if (s == nullptr) continue;
        Entry& e = m_entries[Key{r.run.get(), r.metric}];
        // Another run at the same address (the old one was freed): start over.
        if (e.run.lock() != r.run) e = Entry{r.run, smoothing, {}, 0, {}};
        const bool fresh =
            e.curve.smoothed && sameSmoothing(e.smoothing, smoothing) && e.points == s->size();
        if (fresh) {
            ++m_hits;
            out[i] = e.curve;
            continue;
        }
        // Two requests for one curve in the same call: the first job fills it for both.
        const bool queued =
            std::any_of(jobs.begin(), jobs.end(), [&](const Job& j) { return j.entry == &e; });
        ++m_misses;
        if (!queued) {
            // A carried-over curve of fewer points is extended (see carryOver).
            const bool extend = e.curve.smoothed && sameSmoothing(e.smoothing, smoothing) &&
                                e.points > 0 && e.points < s->size();
            if (extend) ++m_extensions;
            if (!extend) {
                e.smoothing = smoothing;
                e.curve.smoothed.reset();
                e.curve.smoothedIndex.reset();
                e.points = 0;
            }
            jobs.push_back({i, s, &e});
            points += s->size() - e.points;
        }
    }
    parallelFor(jobs.size(), points < kParallelPoints ? 1u : threads, [&](std::size_t j) {
        const Series& s = *jobs[j].series;
        Entry& e = *jobs[j].entry;
        PreparedCurve& c = e.curve;
        const std::size_t old = e.points;
        const bool indexed = s.size() >= m_indexFrom;
        // A new index, or `before` extended over the values appended since.
        auto index = [indexed](const std::shared_ptr<const DecimationIndex>& before,
                               ValueSpan y) -> std::shared_ptr<const DecimationIndex> {
            if (!indexed) return nullptr;
            if (!before || before->size() > y.size())
                return std::make_shared<const DecimationIndex>(y);
            if (before->size() == y.size()) return before;
            auto extended = std::make_shared<DecimationIndex>(*before);
            extended->extend(y);
            return extended;
        };
        // The raw index does not depend on the smoothing: kept across a smoothing change,
        // extended after a carry-over.
        c.rawIndex = index(c.rawIndex, s.values);
        // A display curve: float32 when the series' values are (smoothed_values.h).
        const bool asFloat = s.values.isFloat();
        std::shared_ptr<const SmoothedValues> smoothed;
        if (smoothing.kind == SmoothingKind::Ema && old > 0 && e.ema.valid) {
            const DoubleValues added(s.values.span().subspan(old, s.size() - old));
            std::vector<double> more;
            more.reserve(added.span().size());
            continueEma(added.span(), smoothing.weight, e.ema, more);
            smoothed = std::make_shared<const SmoothedValues>(c.smoothed->extended(more, asFloat));
            c.smoothedIndex = index(c.smoothedIndex, smoothed->span());
        } else {
            const DoubleValues values = s.values.asDoubles();
            smoothed = std::make_shared<const SmoothedValues>(
                smoothing.kind == SmoothingKind::Ema
                    ? smoothEma(values, smoothing.weight, e.ema)
                    : smooth(s.steps.toVector(), values, smoothing),
                asFloat);
            c.smoothedIndex = index(nullptr, smoothed->span());
        }
        c.smoothed = std::move(smoothed);
        e.points = s.size();
    });
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (out[i].smoothed) continue;
        const Request& r = requests[i];
        if (r.run == nullptr || r.run->find(r.metric) == nullptr) continue;
        out[i] = m_entries[Key{r.run.get(), r.metric}].curve;
    }
    return out;
}

PreparedCurve CurveCache::get(const RunPtr& run, const std::string& metric,
                              const SmoothingConfig& smoothing) {
    const Request r{run, metric};
    return prepare(std::span<const Request>(&r, 1), smoothing, 1).front();
}

CurveCache::CurveSteps CurveCache::steps(const RunPtr& run, const Series& s) {
    if (auto progression = StepAxis::progressionOf(s.steps)) return {*progression, nullptr};
    const std::pair<const Run*, std::size_t> key{run.get(), s.steps.contentHash()};
    const auto [first, last] = m_steps.equal_range(key);
    for (auto it = first; it != last;) {
        auto held = it->second.steps.lock();
        // Dropped by every curve, or another run at the same address: gone.
        if (!held || it->second.run.lock() != run) {
            it = m_steps.erase(it);
            continue;
        }
        if (std::equal(held->begin(), held->end(), s.steps.begin(), s.steps.end()))
            return {StepAxis(*held), held};
        ++it;
    }
    auto fresh = std::make_shared<const std::vector<std::int64_t>>(s.steps.toVector());
    m_steps.emplace(key, Steps{run, fresh});
    return {StepAxis(*fresh), fresh};
}

void CurveCache::carryOver(const RunPtr& from, const RunPtr& to) {
    if (!from || !to || from == to) return;
    const auto same = [](double a, double b) { return a == b || (a != a && b != b); };
    for (auto it = m_entries.lower_bound(Key{from.get(), std::string()});
         it != m_entries.end() && it->first.first == from.get();) {
        Entry e = std::move(it->second);
        const std::string metric = it->first.second;
        it = m_entries.erase(it);
        if (e.run.lock() != from || e.points == 0) continue;
        const Series* before = from->find(metric);
        const Series* after = to->find(metric);
        if (before == nullptr || after == nullptr || before->size() != e.points ||
            after->size() < e.points)
            continue;
        const std::size_t last = e.points - 1;
        if (after->steps[last] != before->steps[last] ||
            !same(after->values[last], before->values[last]))
            continue;
        e.run = to;
        m_entries[Key{to.get(), metric}] = std::move(e);
    }
}

CurveCache::Bytes CurveCache::heapBytes() const {
    Bytes b;
    for (const auto& [key, e] : m_entries) {
        if (e.curve.smoothed) b.smoothed += e.curve.smoothed->heapBytes();
        if (e.curve.rawIndex) b.indices += e.curve.rawIndex->heapBytes();
        if (e.curve.smoothedIndex) b.indices += e.curve.smoothedIndex->heapBytes();
    }
    for (const auto& [key, s] : m_steps)
        if (const auto held = s.steps.lock()) b.steps += held->capacity() * sizeof(std::int64_t);
    return b;
}

void CurveCache::prune() {
    std::erase_if(m_entries, [](const auto& kv) { return kv.second.run.expired(); });
    std::erase_if(m_steps, [](const auto& kv) { return kv.second.steps.expired(); });
}

}  // namespace curvedoctor::core
