#pragma once
/// \file decimate.h
/// Reduces a series to what a plot of W pixel columns can show, without hiding spikes or
/// non-finite values (DESIGN.md section 5). Used by every chart and the PNG report.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/step_axis.h"
#include "core/value_column.h"

namespace curvedoctor::core {

/// Where a series stops being finite: the first NaN/+Inf/-Inf after a finite stretch (or at the
/// start of the visible data). The chart draws a marker here and breaks the line.
struct NonFiniteMark {
    std::size_t index = 0;  ///< index in the input of the first non-finite value of the stretch.
    double x = 0.0;         ///< its x.
    /// The last finite value before it (where a marker sits on the curve); NaN when nothing
    /// finite precedes it.
    double lastFiniteY = 0.0;
    /// x of that last finite value; equals `x` when nothing finite precedes it.
    double lastFiniteX = 0.0;
    double value = 0.0;  ///< the non-finite value itself: NaN, +Inf or -Inf.
};

/// The reduced series. Points are in input order; they form polylines that break wherever the
/// input had non-finite values between two kept points.
struct Decimated {
    std::vector<double> x;
    std::vector<double> y;
    std::vector<std::size_t> indices;  ///< input index of each kept point.
    /// Offsets into x/y where each unbroken polyline starts; the first is 0 when any point was
    /// kept. Polyline k is [segmentStarts[k], segmentStarts[k+1]) (or to the end).
    std::vector<std::size_t> segmentStarts;
    std::vector<NonFiniteMark> nonFinite;  ///< at most one per pixel column.

    [[nodiscard]] std::size_t size() const { return x.size(); }
    [[nodiscard]] std::size_t segmentCount() const { return segmentStarts.size(); }
    /// End offset (exclusive) of polyline `k`.
    [[nodiscard]] std::size_t segmentEnd(std::size_t k) const {
        return k + 1 < segmentStarts.size() ? segmentStarts[k + 1] : x.size();
    }
};

/// What to reduce to: the x-range shown and the plot's width in pixel columns.
struct DecimateConfig {
    double xLo = 0.0;
    double xHi = 1.0;
    int columns = 1000;  ///< pixel columns of the plot; values below 1 count as 1.
    /// True when x is ascending (Series::stepsAreSorted()); then the visible range is found by
    /// binary search. False: the input is put in x order first (O(n log n)), and points whose
    /// x is NaN are left out.
    bool xSorted = true;
};

/// Block summaries (min, max, non-finite counts per block of 64 values) of one y column. With
/// it, decimate() reads whole blocks at once where a pixel column spans many points, so a
/// zoomed-out view of a million points costs about n/64 + 128 * columns steps instead of n.
/// Build it once per y column (O(n), 0.5 byte per value) and pass it with exactly that column.
class DecimationIndex {
public:
    static constexpr std::size_t kBlock = 64;

    DecimationIndex() = default;
    explicit DecimationIndex(ValueSpan y);

    /// Brings the index up to date with `y` after values were appended to the column it was
    /// built from (the values it saw unchanged): only the last block and the new ones are
    /// summarised, O(new values + 64). A shorter `y` is indexed again whole.
    void extend(ValueSpan y);

    /// Number of values it was built from.
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// Heap bytes it holds.
    [[nodiscard]] std::size_t heapBytes() const { return m_blocks.capacity() * sizeof(Block); }

    struct Block {
        double minY = 0.0;           ///< smallest finite value (first occurrence)
        double maxY = 0.0;           ///< largest finite value (first occurrence)
        std::uint64_t nfBefore = 0;  ///< non-finite values before the block, in the whole column
        std::uint8_t minOffset = kNoOffset;
        std::uint8_t maxOffset = kNoOffset;
        std::uint8_t nfCount = 0;            ///< non-finite values in the block
        std::uint8_t firstMark = kNoOffset;  ///< first value starting a non-finite stretch
    };
    static constexpr std::uint8_t kNoOffset = 0xFF;
    [[nodiscard]] const Block& block(std::size_t b) const { return m_blocks[b]; }

private:
    template <typename Ys>
    void build(Ys y, std::size_t firstBlock);

    std::vector<Block> m_blocks;
    std::size_t m_size = 0;
};

/// Reduces the series (x[i], y[i]) for a plot of `config.columns` pixel columns over
/// [xLo, xHi].
///
/// - Per pixel column it keeps the first, minimum, maximum and last finite point (in input
///   order), so a one-sample spike survives at any zoom.
/// - The last point in the range is always kept (it is the last of its column), and so is the
///   nearest point on each side outside [xLo, xHi], so lines reach the plot's edges.
/// - Total kept points never exceed 4 * columns (the two edge points are paid for by using one
///   column fewer when needed). Kept x are ascending.
/// - When at most `columns` points fall in the range every point is kept (identity).
/// - NaN and +/-Inf are never plotted: they break the polyline and are reported in `nonFinite`
///   (one mark per stretch of non-finite values, at most one per column).
/// O(n) in the points inside the range plus O(log n) for sorted x. `x` and `y` should have the
/// same length (the shorter length is used otherwise). xLo > xHi are swapped.
[[nodiscard]] Decimated decimate(std::span<const double> x, ValueSpan y,
                                 const DecimateConfig& config);
/// The same for integer steps as x (no conversion copy needed; a progression is read without
/// any copy at all).
[[nodiscard]] Decimated decimate(const StepAxis& x, ValueSpan y, const DecimateConfig& config);
/// The same result, faster for zoomed-out views: `index` must have been built from `y`
/// (otherwise, or for unsorted x, it is ignored).
[[nodiscard]] Decimated decimate(std::span<const double> x, ValueSpan y,
                                 const DecimateConfig& config, const DecimationIndex& index);
[[nodiscard]] Decimated decimate(const StepAxis& x, ValueSpan y, const DecimateConfig& config,
                                 const DecimationIndex& index);

/// Input positions [first, last).
struct PositionRange {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// The positions decimate() keeps when it keeps every point it looks at as one unbroken line:
/// sorted x, every y in the range finite, and at most `config.columns` points in the range or
/// at most two in each of its pixel columns (a sweep's runs of 2,000 steps on a chart 1,500
/// pixels wide). The range then holds the points inside [xLo, xHi] and the finite nearest point
/// on each side; otherwise (or when no point lies inside) nullopt. It reads x and y once, with
/// none of decimate()'s copies: the caller can keep the positions instead of its result.
[[nodiscard]] std::optional<PositionRange> keptWhole(const StepAxis& x, ValueSpan y,
                                                     const DecimateConfig& config);
[[nodiscard]] std::optional<PositionRange> keptWhole(std::span<const double> x, ValueSpan y,
                                                     const DecimateConfig& config);

}  // namespace curvedoctor::core
