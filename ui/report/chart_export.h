#pragma once
/// \file chart_export.h
/// One chart alone as an image: render offscreen at print quality, save as PNG, SVG or PDF
/// (vector: paths and text), or copy to the clipboard. Works for a chart shown in a QChartView
/// (rendered at the size asked for, then given back its size) and for a chart in no scene at all (a
/// temporary scene is used).

#include <QImage>
#include <QSizeF>
#include <QString>

class QChart;
class QPainter;
class QRectF;

namespace curvedoctor::ui {

/// Paints `chart` into `target` on `painter`. The chart is laid out at `layoutSize` (default:
/// the target's size) and scaled to fit, so a smaller layout size gives larger text and lines.
void paintChart(QChart& chart, QPainter& painter, const QRectF& target, QSizeF layoutSize = {});

/// The chart as an image of size * scale device pixels (devicePixelRatio = scale), white
/// background. `scale` 2 gives HiDPI/print quality; fonts and lines stay vector-sharp.
[[nodiscard]] QImage renderChartImage(QChart& chart, QSizeF size, qreal scale = 2.0);

/// Writes a PNG. Returns false and sets `error` (one line naming the file) on failure.
bool exportChartPng(QChart& chart, const QString& path, QSizeF size, qreal scale = 2.0,
                    QString* error = nullptr);
/// Writes an SVG (vector) of the chart at `size` logical pixels.
bool exportChartSvg(QChart& chart, const QString& path, QSizeF size, QString* error = nullptr);
/// Writes a one-page PDF (vector) the chart's size, `size` logical pixels at 96 per inch.
bool exportChartPdf(QChart& chart, const QString& path, QSizeF size, QString* error = nullptr);
/// The chart's title as shown (a MetricChart draws its own), or empty.
[[nodiscard]] QString chartTitle(const QChart& chart);
/// A file name for the chart: its title made safe for a file system, or "chart" when it has
/// none, with `extension` ("png", "svg", "pdf").
[[nodiscard]] QString suggestedChartFileName(const QChart& chart, const QString& extension);
/// Puts the chart image on the system clipboard (needs a QGuiApplication).
void copyChartToClipboard(QChart& chart, QSizeF size, qreal scale = 2.0);

}  // namespace curvedoctor::ui
