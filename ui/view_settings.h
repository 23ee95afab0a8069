#pragma once
/// \file view_settings.h
/// How curves are shown: smoothing, x-axis, scale, layout. One instance per window; every
/// panel reads it and listens to the signals of the aspects it depends on, so that a change
/// rebuilds only what shows that aspect (a smoothing tick does not touch the layout switch, a
/// layout switch smooths nothing). Persisted with QSettings by the main window.

#include <QObject>
#include <QStringList>

#include "core/smoothing.h"

namespace curvedoctor::ui {

/// Progress: percent of each run's own step span, so runs of different lengths line up.
enum class XAxisMode { Step, Epoch, WallTime, RelativeTime, Progress };
enum class ChartLayout { Stacked, Tiled };
enum class CompareLayout { Overlay, SideBySide };

class ViewSettings : public QObject {
    Q_OBJECT
public:
    explicit ViewSettings(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] core::SmoothingConfig smoothing() const { return m_smoothing; }
    [[nodiscard]] XAxisMode xAxis() const { return m_xAxis; }
    [[nodiscard]] bool logY() const { return m_logY; }
    [[nodiscard]] bool showRaw() const { return m_showRaw; }
    [[nodiscard]] ChartLayout chartLayout() const { return m_chartLayout; }
    [[nodiscard]] CompareLayout compareLayout() const { return m_compareLayout; }
    /// Metric families shown in addition to the default ones (loss, main metric, lr).
    [[nodiscard]] QStringList extraFamilies() const { return m_extraFamilies; }

    void setSmoothing(core::SmoothingConfig s);
    void setXAxis(XAxisMode m);
    void setLogY(bool on);
    void setShowRaw(bool on);
    void setChartLayout(ChartLayout l);
    void setCompareLayout(CompareLayout l);
    void setExtraFamilies(const QStringList& families);

    /// Reads/writes every field under the "view/" group of the application's QSettings.
    void load();
    void save() const;

Q_SIGNALS:
    // One per aspect, emitted by its setter only when the value really changed; load() emits
    // them all.
    void smoothingChanged();
    void xAxisChanged();
    void logYChanged();
    void showRawChanged();
    void chartLayoutChanged();
    void compareLayoutChanged();
    void extraFamiliesChanged();

private:
    core::SmoothingConfig m_smoothing{};
    XAxisMode m_xAxis = XAxisMode::Step;
    bool m_logY = false;
    bool m_showRaw = true;
    ChartLayout m_chartLayout = ChartLayout::Stacked;
    CompareLayout m_compareLayout = CompareLayout::Overlay;
    QStringList m_extraFamilies;
};

}  // namespace curvedoctor::ui
