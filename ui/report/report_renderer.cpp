#include "ui/report/report_renderer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>

#include "ui/report/large_image.h"
#include "ui/report/png_writer.h"
#include "ui/report/report_builder.h"
#include "ui/report/report_page.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

using report::Page;
using report::ReportBuilder;

// SVG and PDF devices get the resolution charts are laid out at (96 logical pixels per inch),
// with no painter scale: text in point sizes is sized by the device's resolution and then
// scaled by the painter again, so any other pairing draws it too large or too small.
// Coordinates stay fractional in both files; the resolution does not limit their precision.
constexpr int kLogicalDpi = 96;

std::vector<const RunEntry*> shownRuns(const std::vector<const RunEntry*>& all) {
    std::vector<const RunEntry*> runs;
    for (const RunEntry* e : all)
        if (e && e->shown()) runs.push_back(e);
    return runs;
}

// A 1 x 1 device that measures text as the page will be drawn (96 logical dpi).
QImage probeDevice(qreal scale) {
    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    probe.setDevicePixelRatio(scale);
    return probe;
}

QByteArray renderSvg(ReportBuilder& builder, const ReportOptions& options, ReportLayout* layout) {
    QImage probe = probeDevice(1.0);
    Page measure(nullptr, &probe, options.width);
    const qreal height = builder.draw(measure, nullptr);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(kLogicalDpi);
    const QSizeF size(options.width, std::ceil(height));
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(options.title.isEmpty() ? QStringLiteral("Training report") : options.title);
    svg.setDescription(QStringLiteral("Report written by CurveDoctor"));
    QPainter p;
    if (!p.begin(&svg)) return {};
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    Page page(&p, &probe, options.width);
    if (layout) *layout = {};
    builder.draw(page, layout);
    p.end();
    return buffer.data();
}

QPageLayout::Orientation orientation(const ReportOptions& options) {
    return options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
}

QByteArray renderPdf(ReportBuilder& builder, const ReportOptions& options, ReportLayout* layout) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kLogicalDpi);
        pdf.setPageLayout(
            QPageLayout(QPageSize(options.paper), orientation(options), QMarginsF(0, 0, 0, 0)));
        pdf.setTitle(options.title.isEmpty() ? QStringLiteral("Training report") : options.title);
        pdf.setCreator(QStringLiteral("CurveDoctor " CURVEDOCTOR_VERSION));
        const qreal pageHeight = pdf.height();
        QPainter p;
        if (!p.begin(&pdf)) return {};
        p.setRenderHint(QPainter::Antialiasing);
        QImage probe = probeDevice(1.0);
        Page page(&p, &probe, options.width);
        page.setPaging(pageHeight, [&](int k) {
            pdf.newPage();
            p.resetTransform();
            p.translate(0, -k * pageHeight);
        });
        if (layout) *layout = {};
        builder.draw(page, layout);
        if (layout) layout->pages = page.pageCount();
        p.end();
    }
    return buffer.data();
}

bool writeFileBytes(const QByteArray& bytes, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
        file.commit())
        return true;
    if (error)
        *error =
            QStringLiteral("%1: could not write the report (%2)")
                .arg(path, bytes.isEmpty() ? QStringLiteral("drawing failed") : file.errorString());
    return false;
}

}  // namespace

std::optional<ReportFormat> reportFormatNamed(const QString& name) {
    const QString n = name.toLower();
    if (n == QLatin1String("png")) return ReportFormat::Png;
    if (n == QLatin1String("svg")) return ReportFormat::Svg;
    if (n == QLatin1String("pdf")) return ReportFormat::Pdf;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatOf(const QString& path) {
    return reportFormatNamed(QFileInfo(path).suffix());
}

QString reportFormatName(ReportFormat format) {
    switch (format) {
        case ReportFormat::Png:
            return QStringLiteral("PNG");
        case ReportFormat::Svg:
            return QStringLiteral("SVG");
        case ReportFormat::Pdf:
            return QStringLiteral("PDF");
    }
    return {};
}

int pdfPageWidth(const ReportOptions& options) {
    const QSize portrait = QPageSize(options.paper).sizePixels(kLogicalDpi);
    return options.landscape ? portrait.height() : portrait.width();
}

QImage renderReport(const std::vector<const RunEntry*>& allRuns, const ViewSettings& settings,
                    const ReportOptions& options, const std::vector<ReportGroup>& groups,
                    ReportLayout* layout) {
    const std::vector<const RunEntry*> runs = shownRuns(allRuns);
    ReportBuilder builder(runs, settings, options, groups);

    QImage probe = probeDevice(options.scale);
    Page measure(nullptr, &probe, options.width);
    const qreal height = builder.draw(measure, nullptr);

    const QSize pixels(qRound(options.width * options.scale), qRound(height * options.scale));
    // Opaque: the PNG gets three channels instead of four (smaller, faster to encode).
    QImage image = makeLargeImage(pixels, QImage::Format_RGB32, qRgb(255, 255, 255));
    image.setDevicePixelRatio(options.scale);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (layout) *layout = {};
    Page page(&p, &image, options.width);
    builder.draw(page, layout);
    p.end();
    return image;
}

bool saveReport(const QString& path, const std::vector<const RunEntry*>& runs,
                const ViewSettings& settings, const ReportOptions& options,
                const std::vector<ReportGroup>& groups, QString* error, ReportTimings* timings,
                ReportLayout* layout) {
    QString why;
    ReportTimings t;
    QElapsedTimer clock;
    clock.start();
    bool written = false;
    if (options.format == ReportFormat::Png) {
        const QImage image = renderReport(runs, settings, options, groups, layout);
        t.render = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        clock.restart();
        written = !image.isNull() && writePng(image, path, {}, &why);
        t.encode = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    } else {
        ReportOptions o = options;
        if (o.format == ReportFormat::Pdf) o.width = pdfPageWidth(options);
        const std::vector<const RunEntry*> shown = shownRuns(runs);
        ReportBuilder builder(shown, settings, o, groups);
        const QByteArray bytes = o.format == ReportFormat::Svg ? renderSvg(builder, o, layout)
                                                               : renderPdf(builder, o, layout);
        t.render = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        written = writeFileBytes(bytes, path, &why);
    }
    if (timings) *timings = t;
    if (written) return true;
    if (error)
        *error = why.isEmpty() ? QStringLiteral("%1: could not write the %2 report")
                                     .arg(path, reportFormatName(options.format))
                               : why;
    return false;
}

}  // namespace curvedoctor::ui
