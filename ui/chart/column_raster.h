#pragma once
/// \file column_raster.h
/// A one-pixel aliased polyline drawn straight into a premultiplied ARGB32 image, one pixel
/// column at a time, for the crowded charts of a sweep (1,000 curves of 2,000 points: about
/// 2M segments a chart). QPainter's cosmetic stroker pays per segment (transform, clip, a
/// span list and a blend call per pixel run), which made the paint of one such chart cost as
/// much as the reduction of all three; a chart's curve advances in x, so per pixel column the
/// pixels it lights are one vertical run, written here directly.

#include <QImage>
#include <QPointF>
#include <QRect>
#include <QRgb>
#include <span>

namespace curvedoctor::ui {

/// Draws the polyline `points` (device pixels, x not descending; the image's pixel (c, r)
/// covers [c, c + 1) x [r, r + 1) as for QPainter's aliased lines) in the
/// colour `premultiplied` (a premultiplied ARGB value, blended source-over when not opaque),
/// within `clip` (also cut to the image). In each pixel column it lights the rows whose centres
/// lie between the lowest and highest y the line takes in that column, or when no centre does,
/// the row holding the middle of that range: what an aliased line of one pixel shows, within a
/// pixel of QPainter's. A pixel is written once however many points fall in it (a translucent
/// colour is not darkened by them). Points of any finite size are clipped; a point where x
/// descends, or that is not finite, breaks the line there. `image` must be
/// Format_ARGB32_Premultiplied (else nothing is drawn); fewer than two points draw nothing.
void drawColumnPolyline(QImage& image, const QRect& clip, std::span<const QPointF> points,
                        QRgb premultiplied);

}  // namespace curvedoctor::ui
