#pragma once
/// \file report_builder.h
/// What the report shows and in which order: title, legend, one chart per metric family,
/// the findings and comparison tables. It draws onto a report::Page, which decides where
/// things go (one endless page for PNG and SVG, print pages for PDF); report_renderer turns
/// that into a file.

#include <QStringList>
#include <memory>
#include <vector>

#include "core/comparison.h"
#include "ui/report/report_options.h"
#include "ui/report/report_page.h"

namespace curvedoctor::core {
class CurveCache;
}

namespace curvedoctor::ui {
struct RunEntry;
class ViewSettings;
}  // namespace curvedoctor::ui

namespace curvedoctor::ui::report {

class ReportBuilder {
public:
    /// `runs` are the runs to show (already the visible ones); all references must outlive
    /// the builder.
    ReportBuilder(const std::vector<const RunEntry*>& runs, const ViewSettings& settings,
                  const ReportOptions& options, const std::vector<ReportGroup>& groups);

    [[nodiscard]] const QStringList& families() const { return m_families; }
    /// Lays out (and, with a painter, draws) the whole report on `page`; returns the height
    /// used, bottom margin included.
    qreal draw(Page& page, ReportLayout* layout);

private:
    void drawLegend(Page& page);
    void drawCharts(Page& page, ReportLayout* layout);
    void paintFamily(QPainter& p, const QString& family, const QRectF& rect);
    QRectF drawFindings(Page& page);
    QRectF drawComparison(Page& page);
    /// The settings every run shares, collapsed into one line under the comparison table.
    void drawSharedSettings(Page& page);
    [[nodiscard]] qreal tableFontPx() const;

    const std::vector<const RunEntry*>& m_runs;
    const ViewSettings& m_settings;
    const ReportOptions& m_options;
    const std::vector<ReportGroup>& m_groups;
    std::shared_ptr<core::CurveCache> m_curveCache;
    core::Comparison m_comparison;
    QStringList m_families;
};

}  // namespace curvedoctor::ui::report
