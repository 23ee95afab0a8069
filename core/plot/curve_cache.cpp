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
        if (e.run.lock() != r.run) e = Entry{r.run, smoothing, {}};
        const bool fresh = e.curve.smoothed && sameSmoothing(e.smoothing, smoothing);
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
            e.smoothing = smoothing;
            e.curve.smoothed.reset();
            e.curve.smoothedIndex.reset();
            jobs.push_back({i, s, &e});
            points += s->size();
        }
    }
    parallelFor(jobs.size(), points < kParallelPoints ? 1u : threads, [&](std::size_t j) {
        const Series& s = *jobs[j].series;
        PreparedCurve& c = jobs[j].entry->curve;
        if (!c.rawIndex) c.rawIndex = std::make_shared<const DecimationIndex>(s.values);
        auto smoothed = std::make_shared<const std::vector<double>>(
            smooth(s.steps.toVector(), s.values, smoothing));
        c.smoothedIndex = std::make_shared<const DecimationIndex>(*smoothed);
        c.smoothed = std::move(smoothed);
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

void CurveCache::prune() {
    std::erase_if(m_entries, [](const auto& kv) { return kv.second.run.expired(); });
}

}  // namespace curvedoctor::core
