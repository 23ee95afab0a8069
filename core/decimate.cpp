#include "core/decimate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <type_traits>
#include <utility>

#include "core/plot/value_scan.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
// Points per pixel column (on average over the range) from which decimate() reads a
// DecimationIndex instead of every point: one block.
constexpr std::size_t kIndexedPointsPerColumn = DecimationIndex::kBlock;

// Asks the cache for the line holding `p` (a hint: no effect where the compiler has none).
inline void prefetchLine(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// A kept point: its position in the scan order and how many non-finite values the scan had
// passed when it was seen. Two kept points need a line break between them exactly when those
// counts differ (a non-finite value lies between them).
struct Candidate {
    std::size_t pos = kNone;
    std::size_t nfBefore = 0;
};

// The first, min, max and last finite point of one pixel column.
struct Bucket {
    long column = -1;
    Candidate first, min, max, last;
    double minY = 0.0;
    double maxY = 0.0;
    bool hasMark = false;

    void reset(long c) {
        column = c;
        first = min = max = last = Candidate{};
        hasMark = false;
    }
    void add(std::size_t pos, double y, std::size_t nf) {
        const Candidate c{pos, nf};
        if (first.pos == kNone) {
            first = min = max = c;
            minY = maxY = y;
        } else if (y < minY) {
            min = c;
            minY = y;
        } else if (y > maxY) {
            max = c;
            maxY = y;
        }
        last = c;
    }
};

// A no-op for Reducer's `prefetch`.
struct NoPrefetch {
    void operator()(std::size_t, bool) const {}
};

// Scans positions [0, count) of a sequence given in x order by `xAt(pos)`, `yAt(pos)` and
// `indexAt(pos)` (its input index). `prefetch(pos, block)` may ask the memory system for x and
// y at pos (with `block`, y of the whole index block around it), which the indexed scan will
// read a column or two later.
template <typename XAt, typename YAt, typename IndexAt, typename Prefetch = NoPrefetch>
class Reducer {
public:
    Reducer(XAt xAt, YAt yAt, IndexAt indexAt, const DecimationIndex* index = nullptr,
            Prefetch prefetch = {})
        : m_xAt(xAt), m_yAt(yAt), m_indexAt(indexAt), m_index(index), m_prefetch(prefetch) {}

    Decimated run(std::size_t count, std::size_t begin, std::size_t end, const DecimateConfig& c,
                  double lo, double hi) {
        const std::size_t columns = static_cast<std::size_t>(std::max(1, c.columns));
        const bool hasBefore = begin > 0 && std::isfinite(m_yAt(begin - 1));
        const bool hasAfter = end < count && std::isfinite(m_yAt(end));
        const std::size_t inRange = end - begin;
        const bool identity = inRange <= columns;
        // The edge points are paid for by one column fewer; a single column drops them.
        std::size_t bins = columns;
        bool keepEdges = true;
        if (!identity && (hasBefore || hasAfter)) {
            if (columns > 1)
                bins = columns - 1;
            else
                keepEdges = false;
        }
        const std::size_t reserve = std::min(inRange, 4 * bins) + 2;
        m_out.x.reserve(reserve);
        m_out.y.reserve(reserve);
        m_out.indices.reserve(reserve);

        const double width = hi - lo;
        const double scale = width > 0.0 ? static_cast<double>(bins) / width : 0.0;
        const long lastBin = static_cast<long>(bins) - 1;
        // The block summaries pay off only where a pixel column spans whole blocks; with a few
        // points per column (a sweep's runs of 2,000 steps on a 700-pixel chart) finding each
        // column's end costs more than reading its points, and the plain loop below is faster.
        if (!identity && m_index != nullptr && inRange >= kIndexedPointsPerColumn * bins) {
            if (hasBefore && keepEdges) emit({begin - 1, nfBefore(begin)});
            const std::size_t nf = runIndexed(begin, end, scale, lo, lastBin);
            if (hasAfter && keepEdges) emit({end, nf});
            return std::move(m_out);
        }
        if (hasBefore && keepEdges) emit({begin - 1, 0});
        std::size_t nf = 0;
        Bucket bucket;
        for (std::size_t pos = begin; pos < end; ++pos) {
            const double y = m_yAt(pos);
            long column = 0;
            if (!identity || !std::isfinite(y)) {
                column = std::clamp(static_cast<long>((m_xAt(pos) - lo) * scale), 0L, lastBin);
                if (column != bucket.column) {
                    flush(bucket);
                    bucket.reset(column);
                }
            }
            if (std::isfinite(y)) {
                if (identity)
                    emit({pos, nf});
                else
                    bucket.add(pos, y, nf);
                continue;
            }
            const bool startsStretch = pos == 0 || std::isfinite(m_yAt(pos - 1));
            if (startsStretch && !bucket.hasMark) {
                bucket.hasMark = true;
                mark(pos);
            }
            ++nf;
        }
        flush(bucket);
        if (hasAfter && keepEdges) emit({end, nf});
        return std::move(m_out);
    }

private:
    // Non-finite values in [from, to), by scanning.
    std::size_t countNonFinite(std::size_t from, std::size_t to) const {
        std::size_t n = 0;
        for (std::size_t p = from; p < to; ++p) n += std::isfinite(m_yAt(p)) ? 0 : 1;
        return n;
    }

    // Non-finite values before `pos` in the whole column (block prefix plus a short scan).
    std::size_t nfBefore(std::size_t pos) const {
        constexpr std::size_t kB = DecimationIndex::kBlock;
        const auto& blk = m_index->block(pos / kB);
        if (blk.nfCount == 0) return blk.nfBefore;
        return blk.nfBefore + countNonFinite(pos / kB * kB, pos);
    }

    // The column loop of run() using block summaries; same result as the per-point loop. The
    // non-finite counts are global here (only their differences matter). Returns the count
    // before `end`.
    std::size_t runIndexed(std::size_t begin, std::size_t end, double scale, double lo,
                           long lastBin) {
        constexpr std::size_t kB = DecimationIndex::kBlock;
        auto columnOf = [&](std::size_t pos) {
            return std::clamp(static_cast<long>((m_xAt(pos) - lo) * scale), 0L, lastBin);
        };
        // The first position after `from` in a later column than `column` (or `end`). The
        // search starts where x interpolated between `from` and the range's end says the column
        // ends, and gallops from there: two reads of x for evenly spaced steps, O(log n) for
        // any sorted x. (A plain binary search over the rest of the range reads x at about 20
        // far-apart places per column, each a cache miss on a big series.)
        const double xLast = m_xAt(end - 1);
        auto columnEnd = [&](std::size_t from, long column) {
            if (from + 1 >= end) return end;
            std::size_t lowIdx = from + 1, highIdx = end;
            const double x0 = m_xAt(from);
            const double edge = lo + static_cast<double>(column + 1) / scale;
            double t = xLast > x0 ? (edge - x0) / (xLast - x0) : 1.0;
            t = std::clamp(std::isfinite(t) ? t : 1.0, 0.0, 1.0);
            const std::size_t guess = std::clamp<std::size_t>(
                from + 1 + static_cast<std::size_t>(t * static_cast<double>(end - 1 - from)),
                lowIdx, end - 1);
            if (columnOf(guess) > column) {
                highIdx = guess;
                for (std::size_t d = 1; guess >= lowIdx + d; d *= 2) {
                    if (columnOf(guess - d) <= column) {
                        lowIdx = guess - d + 1;
                        break;
                    }
                    highIdx = guess - d;
                }
            } else {
                lowIdx = guess + 1;
                for (std::size_t d = 1; guess + d < highIdx; d *= 2) {
                    if (columnOf(guess + d) > column) {
                        highIdx = guess + d;
                        break;
                    }
                    lowIdx = guess + d + 1;
                }
            }
            while (lowIdx < highIdx) {
                const std::size_t mid = lowIdx + (highIdx - lowIdx) / 2;
                if (columnOf(mid) > column)
                    highIdx = mid;
                else
                    lowIdx = mid + 1;
            }
            return lowIdx;
        };
        std::size_t pos = begin;
        std::size_t nf = nfBefore(begin);
        Bucket bucket, previous;
        while (pos < end) {
            const long column = columnOf(pos);
            const std::size_t stop = columnEnd(pos, column);
            // Where the column after next probably ends (columns as wide as this one): its x
            // search and its partly covered block there are cache misses on a big series unless
            // asked for ahead of use.
            if (stop < end) m_prefetch(std::min(end - 1, stop + 2 * (stop - pos)), true);
            bucket.reset(column);
            // The last whole block with a finite value read so far, when nothing finite came
            // after it: its last finite value is looked up once, when the column is done.
            std::size_t pendingBlock = kNone;
            std::size_t pendingNf = 0;
            while (pos < stop) {
                if (pos % kB == 0 && pos + kB <= stop) {
                    const auto& blk = m_index->block(pos / kB);
                    if (blk.firstMark != DecimationIndex::kNoOffset && !bucket.hasMark) {
                        bucket.hasMark = true;
                        mark(pos + blk.firstMark);
                    }
                    if (blk.minOffset != DecimationIndex::kNoOffset) {
                        if (bucket.first.pos == kNone) {
                            std::size_t f = pos;
                            while (!std::isfinite(m_yAt(f))) ++f;
                            bucket.add(f, m_yAt(f), blk.nfCount == 0 ? nf : nfBefore(f));
                        }
                        const std::size_t minPos = pos + blk.minOffset,
                                          maxPos = pos + blk.maxOffset;
                        if (blk.minY < bucket.minY) {
                            bucket.min =
                                Candidate{minPos, blk.nfCount == 0 ? nf : nfBefore(minPos)};
                            bucket.minY = blk.minY;
                        }
                        if (blk.maxY > bucket.maxY) {
                            bucket.max =
                                Candidate{maxPos, blk.nfCount == 0 ? nf : nfBefore(maxPos)};
                            bucket.maxY = blk.maxY;
                        }
                        pendingBlock = pos;
                        pendingNf = nf;
                    }
                    nf += blk.nfCount;
                    pos += kB;
                    continue;
                }
                const std::size_t partEnd = std::min(stop, (pos / kB + 1) * kB);
                if (m_index->block(pos / kB).nfCount == 0) {
                    // A part of a block without non-finite values: the same as bucket.add for
                    // each point, in a tight loop (about half the reduction's time goes here).
                    std::size_t p = pos;
                    if (bucket.first.pos == kNone) {
                        bucket.add(p, m_yAt(p), nf);
                        ++p;
                    }
                    std::size_t minPos = kNone, maxPos = kNone;
                    double minY = bucket.minY, maxY = bucket.maxY;
                    for (; p < partEnd; ++p) {
                        const double y = m_yAt(p);
                        if (y < minY) {
                            minY = y;
                            minPos = p;
                        } else if (y > maxY) {
                            maxY = y;
                            maxPos = p;
                        }
                    }
                    if (minPos != kNone) {
                        bucket.min = Candidate{minPos, nf};
                        bucket.minY = minY;
                    }
                    if (maxPos != kNone) {
                        bucket.max = Candidate{maxPos, nf};
                        bucket.maxY = maxY;
                    }
                    bucket.last = Candidate{partEnd - 1, nf};
                    pendingBlock = kNone;
                    pos = partEnd;
                    continue;
                }
                const double y = m_yAt(pos);
                if (std::isfinite(y)) {
                    bucket.add(pos, y, nf);
                    pendingBlock = kNone;
                } else {
                    const bool startsStretch = pos == 0 || std::isfinite(m_yAt(pos - 1));
                    if (startsStretch && !bucket.hasMark) {
                        bucket.hasMark = true;
                        mark(pos);
                    }
                    ++nf;
                }
                ++pos;
            }
            if (pendingBlock != kNone) {
                std::size_t l = pendingBlock + kB - 1;
                while (!std::isfinite(m_yAt(l))) --l;
                const bool clean = m_index->block(pendingBlock / kB).nfCount == 0;
                bucket.last = Candidate{l, clean ? pendingNf : nfBefore(l)};
            }
            // The column's minimum and maximum lie anywhere inside it, each a cache miss to read
            // x and y at: ask for them now and write the column out after the next one.
            for (std::size_t p : {bucket.min.pos, bucket.max.pos})
                if (p != kNone) m_prefetch(p, false);
            flush(previous);
            previous = bucket;
        }
        flush(previous);
        return nf;
    }

    void mark(std::size_t pos) {
        NonFiniteMark m;
        m.index = m_indexAt(pos);
        m.x = m_xAt(pos);
        m.value = m_yAt(pos);
        m.lastFiniteX = m.x;
        m.lastFiniteY = std::numeric_limits<double>::quiet_NaN();
        if (pos > 0 && std::isfinite(m_yAt(pos - 1))) {
            m.lastFiniteX = m_xAt(pos - 1);
            m.lastFiniteY = m_yAt(pos - 1);
        }
        m_out.nonFinite.push_back(m);
    }

    void flush(const Bucket& b) {
        if (b.first.pos == kNone) return;
        std::array<Candidate, 4> c{b.first, b.min, b.max, b.last};
        for (std::size_t i = 1; i < c.size(); ++i)  // insertion sort: cheaper than std::sort for 4
            for (std::size_t j = i; j > 0 && c[j].pos < c[j - 1].pos; --j)
                std::swap(c[j], c[j - 1]);
        std::size_t previous = kNone;
        for (const Candidate& k : c) {
            if (k.pos == previous) continue;
            previous = k.pos;
            emit(k);
        }
    }

    void emit(Candidate k) {
        if (m_out.x.empty() || k.nfBefore != m_lastNf)
            m_out.segmentStarts.push_back(m_out.x.size());
        m_lastNf = k.nfBefore;
        m_out.x.push_back(m_xAt(k.pos));
        m_out.y.push_back(m_yAt(k.pos));
        m_out.indices.push_back(m_indexAt(k.pos));
    }

    XAt m_xAt;
    YAt m_yAt;
    IndexAt m_indexAt;
    const DecimationIndex* m_index;
    Prefetch m_prefetch;
    Decimated m_out;
    std::size_t m_lastNf = 0;
};

// Positions [first, last) of the first `n` sorted xs that lie inside [lo, hi] (as
// std::lower_bound and std::upper_bound would find them).
template <typename Xs>
std::pair<std::size_t, std::size_t> sortedRange(const Xs& xs, std::size_t n, double lo, double hi) {
    auto xd = [&](std::size_t i) { return static_cast<double>(xs[i]); };
    std::size_t a = 0, b = n;
    while (a < b) {
        const std::size_t mid = a + (b - a) / 2;
        if (xd(mid) < lo)
            a = mid + 1;
        else
            b = mid;
    }
    const std::size_t first = a;
    b = n;
    while (a < b) {
        const std::size_t mid = a + (b - a) / 2;
        if (!(hi < xd(mid)))
            a = mid + 1;
        else
            b = mid;
    }
    return {first, a};
}

// `xs`: a span of x, or a StepProgression (no memory to prefetch).
template <typename Xs, typename Ys>
Decimated decimateImpl(const Xs& xs, Ys ys, const DecimateConfig& config,
                       const DecimationIndex* index = nullptr) {
    const std::size_t n = std::min(xs.size(), ys.size());
    double lo = config.xLo;
    double hi = config.xHi;
    if (lo > hi) std::swap(lo, hi);
    if (n == 0 || std::isnan(lo) || std::isnan(hi)) return {};
    auto xd = [](auto v) { return static_cast<double>(v); };

    if (config.xSorted) {
        const auto [first, last] = sortedRange(xs, n, lo, hi);
        if (index != nullptr && index->size() != ys.size()) index = nullptr;
        auto prefetch = [&](std::size_t i, bool block) {
            if constexpr (!std::is_same_v<Xs, StepProgression>) prefetchLine(&xs[i]);
            if (!block) {
                prefetchLine(&ys[i]);
                return;
            }
            constexpr std::size_t kB = DecimationIndex::kBlock, kLine = 64 / sizeof(ys[0]);
            const std::size_t from = i / kB * kB, to = std::min(ys.size(), from + kB);
            for (std::size_t k = from; k < to; k += kLine) prefetchLine(&ys[k]);
            // A prefetch that misses the TLB is dropped, and on a big series nearly all of these
            // do: a plain load makes the page walk happen now. (Measured: a third off a zoom of
            // 80 series of 1M points; loads for the x page, or at a column's min and max, cost
            // more than they save.)
            volatile double touch = ys[from];
            (void)touch;
        };
        Reducer r([&](std::size_t i) { return xd(xs[i]); },
                  [&](std::size_t i) { return xd(ys[i]); }, [](std::size_t i) { return i; }, index,
                  prefetch);
        return r.run(n, first, last, config, lo, hi);
    }

    std::vector<std::size_t> order;
    order.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isnan(xd(xs[i]))) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return xd(xs[a]) < xd(xs[b]); });
    const auto first = std::lower_bound(order.begin(), order.end(), lo,
                                        [&](std::size_t i, double t) { return xd(xs[i]) < t; });
    const auto last = std::upper_bound(first, order.end(), hi,
                                       [&](double t, std::size_t i) { return t < xd(xs[i]); });
    Reducer r([&](std::size_t p) { return xd(xs[order[p]]); },
              [&](std::size_t p) { return xd(ys[order[p]]); },
              [&](std::size_t p) { return order[p]; });
    return r.run(order.size(), static_cast<std::size_t>(first - order.begin()),
                 static_cast<std::size_t>(last - order.begin()), config, lo, hi);
}

template <typename Xs, typename Ys>
std::optional<PositionRange> keptWholeImpl(const Xs& xs, Ys ys, const DecimateConfig& config) {
    const std::size_t n = std::min(xs.size(), ys.size());
    double lo = config.xLo;
    double hi = config.xHi;
    if (lo > hi) std::swap(lo, hi);
    if (!config.xSorted || n == 0 || std::isnan(lo) || std::isnan(hi)) return std::nullopt;
    auto xd = [](auto v) { return static_cast<double>(v); };
    // The same range, edges and columns as decimateImpl and Reducer::run.
    const auto [begin, end] = sortedRange(xs, n, lo, hi);
    if (begin == end) return std::nullopt;
    const bool hasBefore = begin > 0 && std::isfinite(ys[begin - 1]);
    const bool hasAfter = end < n && std::isfinite(ys[end]);
    const std::size_t columns = static_cast<std::size_t>(std::max(1, config.columns));
    if (end - begin > columns) {
        std::size_t bins = columns;
        if (hasBefore || hasAfter) {
            if (columns == 1) return std::nullopt;  // the edges are dropped then
            bins = columns - 1;
        }
        const double width = hi - lo;
        const double scale = width > 0.0 ? static_cast<double>(bins) / width : 0.0;
        const long lastBin = static_cast<long>(bins) - 1;
        auto column = [&](std::size_t p) {
            return std::clamp(static_cast<long>((xd(xs[p]) - lo) * scale), 0L, lastBin);
        };
        // Steps in a progression two strides apart lie more than a column apart when two
        // strides span more than a column: then no column holds three points (see below).
        // The margin is far above the rounding of (x - lo) * scale (about 1e-13 columns for
        // steps below 2^52, which double holds exactly), so the scan would find the same.
        bool spread = false;
        if constexpr (std::is_same_v<Xs, StepProgression>) {
            constexpr double kMargin = 1e-9;
            constexpr double kExact = 4503599627370496.0;  // 2^52
            const double apart = 2.0 * static_cast<double>(xs.stride) * scale;
            spread = apart >= 1.0 + kMargin && std::abs(xd(xs[begin])) < kExact &&
                     std::abs(xd(xs[end - 1])) < kExact;
        }
        // At most two points a column: none shares its column with the point two before it
        // (on a dense series the first column fails, so this costs next to nothing there).
        if (!spread)
            for (std::size_t p = begin + 2; p < end; ++p)
                if (column(p) == column(p - 2)) return std::nullopt;
    }
    // Every y in the range finite (checked after the columns: a dense series fails those at
    // its first points, and a zoomed-out million-point curve is not read whole for nothing).
    if (!allFinite(ys.subspan(begin, end - begin))) return std::nullopt;
    return PositionRange{begin - (hasBefore ? 1 : 0), end + (hasAfter ? 1 : 0)};
}

}  // namespace

std::optional<PositionRange> keptWhole(const StepAxis& x, ValueSpan y,
                                       const DecimateConfig& config) {
    return y.visit([&](auto ys) {
        return x.isProgression() ? keptWholeImpl(x.progression(), ys, config)
                                 : keptWholeImpl(x.block(), ys, config);
    });
}

std::optional<PositionRange> keptWhole(std::span<const double> x, ValueSpan y,
                                       const DecimateConfig& config) {
    return y.visit([&](auto ys) { return keptWholeImpl(x, ys, config); });
}

Decimated decimate(std::span<const double> x, ValueSpan y, const DecimateConfig& config,
                   const DecimationIndex& index) {
    return y.visit([&](auto ys) { return decimateImpl(x, ys, config, &index); });
}

Decimated decimate(const StepAxis& x, ValueSpan y, const DecimateConfig& config,
                   const DecimationIndex& index) {
    return y.visit([&](auto ys) {
        return x.isProgression() ? decimateImpl(x.progression(), ys, config, &index)
                                 : decimateImpl(x.block(), ys, config, &index);
    });
}

Decimated decimate(std::span<const double> x, ValueSpan y, const DecimateConfig& config) {
    return y.visit([&](auto ys) { return decimateImpl(x, ys, config); });
}

Decimated decimate(const StepAxis& x, ValueSpan y, const DecimateConfig& config) {
    return y.visit([&](auto ys) {
        return x.isProgression() ? decimateImpl(x.progression(), ys, config)
                                 : decimateImpl(x.block(), ys, config);
    });
}

}  // namespace curvedoctor::core
