#include "ui/report/chart_export.h"

#include <QChart>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsEffect>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {
namespace {

// Logical pixels per inch, the screen's measure charts are laid out in; SVG and PDF devices get
// it too (with no painter scale), or their point-sized text comes out at another size.
constexpr int kLogicalDpi = 96;

}  // namespace

void paintChart(QChart& chart, QPainter& painter, const QRectF& target, QSizeF layoutSize) {
    QGraphicsScene* scene = chart.scene();
    QGraphicsScene temporary;
    if (!scene) {
        temporary.addItem(&chart);
        scene = &temporary;
    }
    // A chart on screen draws through a cached pixmap (ChartView's effect): an export must get
    // the items themselves, or an SVG or PDF holds one embedded bitmap.
    QGraphicsEffect* effect = chart.graphicsEffect();
    const bool effectOn = effect && effect->isEnabled();
    if (effectOn) effect->setEnabled(false);
    const QRectF oldGeometry = chart.geometry();
    chart.resize(layoutSize.isEmpty() ? target.size() : layoutSize);
    // The chart lays out its plot area lazily; make it happen now, before painting, and let a
    // MetricChart reduce its curves for this plot width (it would otherwise do so later).
    if (chart.layout()) chart.layout()->activate();
    auto* metric = qobject_cast<MetricChart*>(&chart);
    if (metric) {
        metric->overlay()->setForPaper(true);
        metric->refresh();
        // New ticks mean new axis labels to lay out.
        if (chart.layout()) chart.layout()->activate();
    }
    scene->render(&painter, target, chart.sceneBoundingRect());
    if (metric) metric->overlay()->setForPaper(false);
    if (scene == &temporary) {
        temporary.removeItem(&chart);
    } else {
        chart.setGeometry(oldGeometry);
        if (chart.layout()) chart.layout()->activate();
    }
    if (effectOn) effect->setEnabled(true);
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
    // The charts' point-sized text is laid out at the screen's 96 dpi (the default is 72).
    svg.setResolution(kLogicalDpi);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(chartTitle(chart));
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

bool exportChartPdf(QChart& chart, const QString& path, QSizeF size, QString* error) {
    QPdfWriter pdf(path);
    pdf.setResolution(kLogicalDpi);
    // One page the chart's size (at 96 logical pixels per inch): ready to place in a paper.
    const QPageSize page(size * 72.0 / kLogicalDpi, QPageSize::Point, QString(),
                         QPageSize::ExactMatch);
    pdf.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(chartTitle(chart));
    pdf.setCreator(QStringLiteral("CurveDoctor " CURVEDOCTOR_VERSION));
    QPainter p;
    if (!p.begin(&pdf)) {
        if (error) *error = QStringLiteral("%1: could not write the PDF").arg(path);
        return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    paintChart(chart, p, QRectF(QPointF(0, 0), size));
    p.end();
    if (QFileInfo(path).size() > 0) return true;
    if (error) *error = QStringLiteral("%1: could not write the PDF").arg(path);
    return false;
}

QString chartTitle(const QChart& chart) {
    if (!chart.title().isEmpty()) return chart.title();
    if (const auto* metric = qobject_cast<const MetricChart*>(&chart))
        return metric->displayTitle();
    return {};
}

QString suggestedChartFileName(const QChart& chart, const QString& extension) {
    QString base = chartTitle(chart);
    // A file name, not a path: separators and characters some systems refuse become '_'.
    static const QRegularExpression kUnsafe(QStringLiteral(R"([/\\:*?"<>|\x00-\x1f]+)"));
    base.replace(kUnsafe, QStringLiteral("_"));
    base = base.trimmed();
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        base = QStringLiteral("chart");
    return base + QLatin1Char('.') + extension;
}

void copyChartToClipboard(QChart& chart, QSizeF size, qreal scale) {
    if (QClipboard* cb = QGuiApplication::clipboard())
        cb->setImage(renderChartImage(chart, size, scale));
}

}  // namespace curvedoctor::ui
