#include "ui/report/chart_export.h"

#include <QChart>
#include <QClipboard>
#include <QFile>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QSvgGenerator>

#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {

void paintChart(QChart& chart, QPainter& painter, const QRectF& target, QSizeF layoutSize) {
    QGraphicsScene* scene = chart.scene();
    QGraphicsScene temporary;
    if (!scene) {
        temporary.addItem(&chart);
        scene = &temporary;
    }
    const QRectF oldGeometry = chart.geometry();
    chart.resize(layoutSize.isEmpty() ? target.size() : layoutSize);
    // The chart lays out its plot area lazily; make it happen now, before painting, and let a
    // MetricChart reduce its curves for this plot width (it would otherwise do so later).
    if (chart.layout()) chart.layout()->activate();
    if (auto* metric = qobject_cast<MetricChart*>(&chart)) {
        metric->refresh();
        // New ticks mean new axis labels to lay out.
        if (chart.layout()) chart.layout()->activate();
    }
    scene->render(&painter, target, chart.sceneBoundingRect());
    if (scene == &temporary) {
        temporary.removeItem(&chart);
    } else {
        chart.setGeometry(oldGeometry);
        if (chart.layout()) chart.layout()->activate();
    }
}

QImage renderChartImage(QChart& chart, QSizeF size, qreal scale) {
    QImage image((size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintChart(chart, p, QRectF(QPointF(0, 0), size));
    p.end();
    return image;
}

bool exportChartPng(QChart& chart, const QString& path, QSizeF size, qreal scale, QString* error) {
    const QImage image = renderChartImage(chart, size, scale);
    if (image.save(path, "PNG")) return true;
    if (error) *error = QStringLiteral("%1: could not write the PNG").arg(path);
    return false;
}

bool exportChartSvg(QChart& chart, const QString& path, QSizeF size, QString* error) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(chart.title());
    svg.setDescription(QStringLiteral("Chart exported by CurveDoctor"));
    QPainter p;
    if (!p.begin(&svg)) {
        if (error) *error = QStringLiteral("%1: could not write the SVG").arg(path);
        return false;
    }
    p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    paintChart(chart, p, QRectF(QPointF(0, 0), size));
    p.end();
    if (QFile::exists(path)) return true;
    if (error) *error = QStringLiteral("%1: could not write the SVG").arg(path);
    return false;
}

void copyChartToClipboard(QChart& chart, QSizeF size, qreal scale) {
    if (QClipboard* cb = QGuiApplication::clipboard())
        cb->setImage(renderChartImage(chart, size, scale));
}

}  // namespace curvedoctor::ui
