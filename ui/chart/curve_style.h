#pragma once
/// \file curve_style.h
/// How MetricChart draws and ranges its curves: pen widths, opacity, reduction and y-range trim.

#include <cstddef>
#include <limits>

namespace curvedoctor::ui {

// Line widths in pixels: thin raw, 2 px smoothed.
inline constexpr double kSmoothWidth = 1.8;
inline constexpr double kRawWidth = 1.0;
// The raw curve shows behind the smoothed one at a quarter of its opacity (as TensorBoard).
inline constexpr int kRawAlpha = 64;
// Smoothed curves of the runs other than a highlighted one (a finding being looked at).
inline constexpr int kDimmedAlpha = 70;
// Above this many points a smoothed curve is drawn 1 px wide: pens up to 1 px take QPainter's
// fast antialiased line path, thicker ones are stroked into polygons at several times the cost
// per point. Only zoomed-out dense curves get there, and those are a zig-zag band anyway.
inline constexpr std::size_t kThickMaxPoints = 3000;
// Points of all curves together above which a chart draws in its crowded style (see
// CurveLayer::drawCurves): the faint raw curves are left out and every pen is one device pixel
// wide. About 40 runs of 2,000 points drawn smoothed and raw; below it a chart of 100 runs took
// a second to paint. A chart whose smoothed curves alone pass it does not reduce its raw ones.
inline constexpr std::size_t kCrowdedPoints = 150'000;
// Pixel columns per reduction column of the raw curve (see fillCurve).
inline constexpr int kRawColumnDivisor = 2;
// When the plot has no size yet (before the first layout), reduce for this many columns.
inline constexpr int kDefaultColumns = 800;
// The y-range ignores this fraction of the most extreme raw points at each end, so one raw
// spike does not flatten every smoothed curve (the spike still draws, clipped).
inline constexpr double kRawTrim = 0.005;
inline constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace curvedoctor::ui
