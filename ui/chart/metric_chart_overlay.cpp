// MetricChart's overlay: the finding bands, lr-drop lines, best-step markers and the legend's
// runs of the charted runs (declared in metric_chart.h).
#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "core/plot/curve_transform.h"
#include "ui/chart/chart_axes.h"
#include "ui/chart/chart_colors.h"
#include "ui/chart/chart_curve.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {

void MetricChart::buildOverlay(const std::vector<const RunEntry*>& runs) {
    QList<OverlayBand> bands;
    QList<OverlayLine> lines;
    QList<OverlayMarker> markers;
    QList<LegendRun> legendRuns;
    bool hasValidation = false;
    for (const auto& c : m_curves) hasValidation = hasValidation || c->validation;
    auto xOf = [this](const RunEntry& e, const std::string& metric, std::int64_t step) {
        const core::Series* s = e.run->find(metric);
        if (m_xMode == XAxisMode::Step || s == nullptr) return static_cast<double>(step);
        for (const auto& c : m_curves)
            if (c->series == s) return core::mapStep(*s, c->xs, c->stepsSorted, step);
        std::span<const double> xs;
        std::vector<double> progress;
        std::vector<double> column;
        if (m_xMode == XAxisMode::Epoch) {
            xs = (column = s->epochs.toVector());
        } else if (m_xMode == XAxisMode::Progress) {
            progress = core::progressPercent(*e.run, *s);
            xs = progress;
        } else {
            xs = (column = s->wallTimes.toVector());
        }
        double x = core::mapStep(*s, xs, s->stepsAreSorted(), step);
        if (m_xMode == XAxisMode::RelativeTime && !xs.empty())
            for (const auto& c : m_curves)
                if (c->run == e.run) return x - c->t0;  // same origin as the run's curves
        return x;
    };
    for (const RunEntry* e : runs) {
        if (e->filteredOut) continue;
        if (!e->visible) {
            // Listed greyed, so that a click on it in the legend brings it back.
            const bool hasFamily =
                std::any_of(e->run->metrics.begin(), e->run->metrics.end(), [&](const auto& m) {
                    return QString::fromStdString(e->run->info(m.first).family) == m_family;
                });
            if (hasFamily)
                legendRuns << LegendRun{e->name, drawnRunColor(e->color, m_colors.background),
                                        true};
            continue;
        }
        const bool inChart = std::any_of(m_curves.begin(), m_curves.end(),
                                         [&](const auto& c) { return c->run == e->run; });
        if (!inChart) continue;
        legendRuns << LegendRun{e->name, drawnRunColor(e->color, m_colors.background), false};
        for (const core::Finding& f : e->diagnosis.findings) {
            const QString kind = findingKindId(f.kind);
            const QString text = QStringLiteral("%1 · %2 (%3): %4")
                                     .arg(e->name, kind, QString::fromStdString(f.metric),
                                          QString::fromStdString(f.message));
            if (f.kind == core::FindingKind::LrDrop) {
                lines << OverlayLine{xOf(*e, f.metric, f.beginStep), findingColor(f.kind), text};
                continue;
            }
            if (QString::fromStdString(e->run->info(f.metric).family) != m_family) continue;
            bands << OverlayBand{xOf(*e, f.metric, f.beginStep),
                                 xOf(*e, f.metric, f.endStep),
                                 kind,
                                 findingColor(f.kind),
                                 text,
                                 e->name};
        }
        if (const auto& best = e->diagnosis.best;
            best && QString::fromStdString(e->run->info(best->metric).family) == m_family) {
            double y = best->value;
            if (m_logY) y = y > 0 ? std::log10(y) : std::nan("");
            QString text =
                QStringLiteral("%1 · best %2 = %3 at step %4")
                    .arg(e->name, QString::fromStdString(best->metric), formatValue(best->value))
                    .arg(best->step);
            if (best->epoch) text += QStringLiteral(" (epoch %1)").arg(*best->epoch);
            markers << OverlayMarker{xOf(*e, best->metric, best->step), y,
                                     OverlayMarker::Shape::Best, e->color.darker(115), text};
        }
    }
    m_overlay->setContent(bands, lines, markers, legendRuns, hasValidation);
    fitLegendMargin();
}

}  // namespace curvedoctor::ui
