#pragma once
/// \file reduced_curve.h
/// A chart's reduction of one curve (core/decimate.h) kept as positions into the columns it was
/// made from, not as copies of its points: x and y are read through them. A sweep's charts
/// keep most of their points (a 2,000-step run on a 700-pixel chart keeps every one), so a
/// copy of x, y and the index (24 bytes a point) was more than the runs themselves; positions
/// cost 4 bytes a point, and nothing when they are consecutive (every point of a stretch).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/decimate.h"
#include "core/step_axis.h"
#include "core/value_column.h"

namespace curvedoctor::core {

/// The columns a reduction reads its points from, and what keeps them alive. x is `xs` when
/// it is not empty, else `steps` (a block, or a progression that needs no owner); `y` is read as
/// log10(y) on a log axis.
struct CurveColumns {
    StepAxis steps;
    std::span<const double> xs;
    ValueSpan y;                        ///< float or double (core/value_column.h)
    std::shared_ptr<const void> keepX;  ///< owner of `steps` or `xs`
    std::shared_ptr<const void> keepY;  ///< owner of `y`
};

class ReducedCurve {
public:
    ReducedCurve() = default;
    /// The reduction `d`, made of (x, y) read from `columns` (its indices are positions in
    /// them). With `log10Y`, points whose y is not positive are dropped (the line breaks
    /// there), y reads as log10(y), and the non-finite marks' lastFiniteY are log10 too (NaN
    /// when not positive). Positions past 2^32 - 1 are not supported (a series that long does
    /// not fit a chart's memory anyway): such points are dropped.
    ReducedCurve(const Decimated& d, CurveColumns columns, bool log10Y);
    /// Every point at positions `kept` of `columns` as one unbroken line on a linear axis: the
    /// reduction where keptWhole() (core/decimate.h) found one, made without it. Positions past
    /// 2^32 - 1 are dropped, as above.
    ReducedCurve(PositionRange kept, CurveColumns columns);

    [[nodiscard]] std::size_t size() const { return m_size; }
    /// Position of point `i` in the columns.
    [[nodiscard]] std::size_t index(std::size_t i) const {
        return m_indices.empty() ? m_first + i : m_indices[i];
    }
    [[nodiscard]] double x(std::size_t i) const {
        const std::size_t k = index(i);
        return m_columns.xs.empty() ? static_cast<double>(m_columns.steps[k]) : m_columns.xs[k];
    }
    /// y as plotted (log10 of the value on a log axis).
    [[nodiscard]] double y(std::size_t i) const {
        const double v = m_columns.y[index(i)];
        return m_log ? std::log10(v) : v;
    }
    /// Calls `f(i, y(i))` for i = from, from + 1, ... below `to` until `f` returns false, with
    /// the kind of the y column looked at once (see forEachPoint).
    template <typename F>
    void forEachY(std::size_t from, std::size_t to, F&& f) const {
        to = std::min(to, m_size);
        if (from >= to) return;
        m_columns.y.visit([&](auto ys) {
            for (std::size_t i = from; i < to; ++i) {
                const double v = static_cast<double>(ys[index(i)]);
                if (!f(i, m_log ? std::log10(v) : v)) return;
            }
        });
    }
    /// Calls `f(x(i), y(i))` for each point i of [from, to) in order, with the kinds of the
    /// columns (steps in a progression or a block, or x values; float or double y) looked at
    /// once for the stretch instead of for every point: a sweep's paint maps 2M points a chart.
    template <typename F>
    void forEachPoint(std::size_t from, std::size_t to, F&& f) const {
        to = std::min(to, m_size);
        if (from >= to) return;
        m_columns.y.visit([&](auto ys) {
            const auto each = [&](auto xAt) {
                for (std::size_t i = from; i < to; ++i) {
                    const std::size_t k = index(i);
                    const double v = static_cast<double>(ys[k]);
                    f(xAt(k), m_log ? std::log10(v) : v);
                }
            };
            if (!m_columns.xs.empty()) {
                const std::span<const double> xs = m_columns.xs;
                each([xs](std::size_t k) { return xs[k]; });
            } else if (m_columns.steps.isProgression()) {
                const StepProgression steps = m_columns.steps.progression();
                each([steps](std::size_t k) { return static_cast<double>(steps[k]); });
            } else {
                const std::span<const std::int64_t> steps = m_columns.steps.block();
                each([steps](std::size_t k) { return static_cast<double>(steps[k]); });
            }
        });
    }
    /// First point whose x is not below `x` (x ascend in a reduction); size() when none.
    [[nodiscard]] std::size_t lowerBound(double x) const;
    /// First point whose x is above `x`; size() when none.
    [[nodiscard]] std::size_t upperBound(double x) const;
    /// True when some point of [from, to) has a y (as plotted) below `lo` or above `hi`; NaN
    /// never does, +/-Inf always does. Vectorised over a stretch of consecutive points on a
    /// linear axis (core/plot/value_scan.h): a zoom asks it of every curve.
    [[nodiscard]] bool anyYOutside(std::size_t from, std::size_t to, double lo, double hi) const;
    /// The y of points [from, to) as plotted: a view of the column when they are consecutive
    /// on a linear axis stored as double, else copied into `buffer`.
    [[nodiscard]] std::span<const double> ys(std::size_t from, std::size_t to,
                                             std::vector<double>& buffer) const;

    /// Offsets where each unbroken polyline starts (as in Decimated).
    [[nodiscard]] const std::vector<std::uint32_t>& segmentStarts() const { return m_segments; }
    [[nodiscard]] std::size_t segmentCount() const { return m_segments.size(); }
    [[nodiscard]] std::size_t segmentEnd(std::size_t k) const {
        return k + 1 < m_segments.size() ? m_segments[k + 1] : m_size;
    }
    [[nodiscard]] const std::vector<NonFiniteMark>& nonFinite() const { return m_nonFinite; }
    /// True when the points are consecutive positions (no index list is kept).
    [[nodiscard]] bool consecutive() const { return m_indices.empty(); }
    /// Heap bytes held for the points (the index list and the segment starts).
    [[nodiscard]] std::size_t bytes() const;

private:
    CurveColumns m_columns;
    bool m_log = false;
    std::size_t m_size = 0;
    std::size_t m_first = 0;               ///< position of point 0 when consecutive
    std::vector<std::uint32_t> m_indices;  ///< empty when consecutive
    std::vector<std::uint32_t> m_segments;
    std::vector<NonFiniteMark> m_nonFinite;
};

}  // namespace curvedoctor::core
