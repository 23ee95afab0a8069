#pragma once
/// \file curve_cache.h
/// Curve preparation done once: a series' smoothed values and the decimation indices of its
/// raw and smoothed columns, cached by (run, metric, smoothing settings). One cache per window,
/// shared by every view that draws or tabulates smoothed curves, so a smoothing change smooths
/// each visible series once however many views show it.
///
/// Keyed by the run's identity, not an address alone: an entry remembers its run weakly, so a
/// closed run's entry is never handed to a new run that happens to reuse the address. Each
/// (run, metric) keeps the curve of the last smoothing asked for: memory stays at one smoothed
/// copy per series, and a settings change is a miss.
///
/// Not thread-safe: call it from one thread (the GUI thread); prepare() itself spreads the
/// misses over worker threads.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/decimate.h"
#include "core/plot/smoothed_values.h"
#include "core/run.h"
#include "core/smoothing.h"
#include "core/step_axis.h"

namespace curvedoctor::core {

/// A series ready to plot. All three share the series' length and point order. The smoothed
/// values are float32 when the series' values are (core/plot/smoothed_values.h). The indices
/// are null for a series of fewer than the cache's indexFrom() points: decimate() scans so few
/// points plainly (a sweep's 2,000-step runs: the indices were 0.8 of its 21 bytes a point).
struct PreparedCurve {
    std::shared_ptr<const SmoothedValues> smoothed;
    std::shared_ptr<const DecimationIndex> rawIndex;       ///< over Series::values
    std::shared_ptr<const DecimationIndex> smoothedIndex;  ///< over *smoothed
};

class CurveCache {
public:
    /// Series of at least this many points get decimation indices.
    static constexpr std::size_t kIndexFrom = 16384;

    explicit CurveCache(std::size_t indexFrom = kIndexFrom) : m_indexFrom(indexFrom) {}
    [[nodiscard]] std::size_t indexFrom() const { return m_indexFrom; }

    struct Request {
        RunPtr run;
        std::string metric;  ///< a metric of `run`; an absent one gets an empty PreparedCurve.
    };

    /// The prepared curve of each request, in request order. Misses are computed on up to
    /// `threads` threads (0: all cores; 1: this thread), the hits are returned as they are.
    [[nodiscard]] std::vector<PreparedCurve> prepare(std::span<const Request> requests,
                                                     const SmoothingConfig& smoothing,
                                                     unsigned threads = 0);
    /// One curve (computed on this thread when missing).
    [[nodiscard]] PreparedCurve get(const RunPtr& run, const std::string& metric,
                                    const SmoothingConfig& smoothing);

    /// The steps of `s`, a series of `run`, as a chart reads them: read in place when they are
    /// one arithmetic progression (a series logged every N steps; `block` is null then), else
    /// as one contiguous vector (a series may hold them packed, core/packed_column.h) shared by
    /// the run's series with equal steps: the metrics a run logs on the same steps are unpacked
    /// once for every chart that draws them. The cache holds the vector weakly; the curves that
    /// draw it own it.
    struct CurveSteps {
        StepAxis axis;
        std::shared_ptr<const std::vector<std::int64_t>> block;  ///< owner of axis' block
    };
    [[nodiscard]] CurveSteps steps(const RunPtr& run, const Series& s);

    /// `to` is `from` with points appended (a followed run's new snapshot): its curves take
    /// over `from`'s, and the next prepare() extends them instead of starting over: the
    /// decimation indices summarise only the new values, the EMA smooths on from its last
    /// state (the centred smoothers, whose last outputs change, smooth again). A metric whose
    /// series in `to` does not continue `from`'s (shorter, or its last old point differs) starts
    /// over.
    void carryOver(const RunPtr& from, const RunPtr& to);
    /// Requests answered by extending a carried-over curve, since construction.
    [[nodiscard]] std::size_t extensions() const { return m_extensions; }

    /// Heap bytes of what the cache's entries hold (each block counted once, also when the
    /// curves that draw it own it too): smoothed copies, decimation indices, unpacked steps.
    struct Bytes {
        std::size_t smoothed = 0;
        std::size_t indices = 0;
        std::size_t steps = 0;
    };
    [[nodiscard]] Bytes heapBytes() const;

    /// Drops the entries of runs that no longer exist anywhere else (prepare() does it first).
    void prune();
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    /// Requests answered from the cache, and requests that had to smooth, since construction.
    [[nodiscard]] std::size_t hits() const { return m_hits; }
    [[nodiscard]] std::size_t misses() const { return m_misses; }

private:
    struct Entry {
        std::weak_ptr<const Run> run;
        SmoothingConfig smoothing;
        PreparedCurve curve;
        std::size_t points = 0;  ///< of the series the curve was prepared from
        EmaState ema;            ///< where the EMA stood after them (SmoothingKind::Ema)
    };
    using Key = std::pair<const Run*, std::string>;

    std::map<Key, Entry> m_entries;
    struct Steps {
        std::weak_ptr<const Run> run;
        std::weak_ptr<const std::vector<std::int64_t>> steps;
    };
    /// By run and the steps' PackedColumn::contentHash (equal hashes are compared).
    std::multimap<std::pair<const Run*, std::size_t>, Steps> m_steps;
    std::size_t m_indexFrom;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
    std::size_t m_extensions = 0;
};

}  // namespace curvedoctor::core
