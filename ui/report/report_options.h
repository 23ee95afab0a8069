#pragma once
/// \file report_options.h
/// What a report is asked for (format, size, paper, title, groups) and where its parts ended
/// up: the types report_renderer and report_builder share.

#include <QDateTime>
#include <QList>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <vector>

#include "core/finding.h"
#include "ui/chart/group_chart.h"

namespace curvedoctor::ui {

enum class ReportFormat { Png, Svg, Pdf };

struct ReportOptions {
    ReportFormat format = ReportFormat::Png;
    /// Logical pixels (PNG, SVG); the PNG is width * scale device pixels wide. A PDF takes its
    /// width from the paper instead (pdfPageWidth).
    int width = 1600;
    qreal scale = 2.0;  ///< PNG device pixel ratio: 2 gives HiDPI / print quality.
    QPageSize::PageSizeId paper = QPageSize::A4;  ///< PDF only.
    bool landscape = false;                       ///< PDF only.
    QString title;                                ///< empty: "Training report" and the run names.
    QDateTime timestamp;                          ///< invalid: now (UTC).
    /// Findings listed per run before "and N more"; the rest are in the window and the JSON.
    int maxFindingsPerRun = 10;
    GroupBand band = GroupBand::MinMax;
};

/// A group of runs to draw as one mean curve with a band, with its group findings.
struct ReportGroup {
    GroupCurveInput curves;
    std::vector<core::Finding> findings;
};

/// Where things ended up in the image, in logical pixels (for tests and callers).
struct ReportLayout {
    QStringList families;
    QList<QRectF> chartRects;  ///< one per family, in order.
    QRectF findingsRect;
    QRectF comparisonRect;
    int pages = 1;  ///< PDF pages (1 for PNG and SVG).
};

}  // namespace curvedoctor::ui
