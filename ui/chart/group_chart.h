#pragma once
/// \file group_chart.h
/// A chart of run groups (repeated seeds of one configuration): per group and metric split,
/// the mean of the members' smoothed curves as a line, and a band of min..max or mean +/- 1
/// standard deviation drawn as a QAreaSeries. The x-axis is in steps.

#include <QChart>
#include <QColor>
#include <QString>
#include <memory>
#include <vector>

#include "core/plot/curve_cache.h"
#include "core/run.h"
#include "ui/view_settings.h"

class QAreaSeries;
class QLineSeries;

namespace curvedoctor::ui {

enum class GroupBand { MinMax, StdDev };

/// What a group chart needs of a group: its name, colour and member runs.
struct GroupCurveInput {
    QString name;
    QColor color;
    std::vector<core::RunPtr> runs;
};

class GroupChart : public QChart {
    Q_OBJECT
public:
    explicit GroupChart(QGraphicsItem* parent = nullptr);

    /// Rebuilds the chart for metric `family` (training solid, validation dashed). Each
    /// member's series is smoothed with `settings.smoothing()` first, then aggregated
    /// (core::aggregateSeries: the union of steps when small, else 1000 resampled steps).
    void setContent(const std::vector<GroupCurveInput>& groups, const QString& family,
                    const ViewSettings& settings, GroupBand band = GroupBand::MinMax);
    [[nodiscard]] QString family() const { return m_family; }
    /// Where the members' smoothed curves come from: the window's shared cache (a member shown
    /// in the charts too is smoothed once); by default the chart has its own.
    void setCurveCache(std::shared_ptr<core::CurveCache> cache);

    /// The mean lines and bands currently shown (for tests and export).
    [[nodiscard]] QList<QLineSeries*> meanSeries() const { return m_means; }
    [[nodiscard]] QList<QAreaSeries*> bandSeries() const { return m_bands; }

    void setXRange(double lo, double hi);

private:
    QString m_family;
    std::shared_ptr<core::CurveCache> m_curveCache = std::make_shared<core::CurveCache>();
    QList<QLineSeries*> m_means;
    QList<QAreaSeries*> m_bands;
};

}  // namespace curvedoctor::ui
