#pragma once
/// \file metric_chart.h
/// One chart: every visible run's curves of one metric family (train solid, validation dashed,
/// same colour per run), smoothed over a faint raw curve, with the doctor's findings drawn on it.
/// Used by the viewer's ChartPanel, the side-by-side compare grid and the PNG report alike.

#include <QChart>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

/// The metric families to chart for these runs, in display order: loss first, then the main
/// validation metric family (accuracy, mAP, ...), then learning rate if logged, then
/// `settings.extraFamilies()` that exist in the runs.
[[nodiscard]] QStringList chartFamilies(const std::vector<const RunEntry*>& runs,
                                        const ViewSettings& settings);
/// Every family present in these runs (for the metric picker).
[[nodiscard]] QStringList allFamilies(const std::vector<const RunEntry*>& runs);

class MetricChart : public QChart {
    Q_OBJECT
public:
    explicit MetricChart(QGraphicsItem* parent = nullptr);

    /// Rebuilds the chart for `family` from `runs` (invisible runs are skipped) with `settings`.
    /// Keeps the current x-range if one was set with setXRange.
    void setContent(const std::vector<const RunEntry*>& runs, const QString& family,
                    const ViewSettings& settings);
    [[nodiscard]] QString family() const { return m_family; }

    /// Shows x in [lo, hi] (in the current x-axis unit) and fits y to what is visible.
    void setXRange(double lo, double hi);
    /// Back to the full extent of the data.
    void resetRange();
    [[nodiscard]] double xMin() const;
    [[nodiscard]] double xMax() const;

Q_SIGNALS:
    /// Emitted when the user zooms or pans (for synchronised charts).
    void xRangeChanged(double lo, double hi);

private:
    QString m_family;
    bool m_userRange = false;
    double m_lo = 0.0;
    double m_hi = 1.0;
};

}  // namespace curvedoctor::ui
