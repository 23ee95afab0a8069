#include "ui/view_settings.h"

#include <QSettings>
#include <algorithm>

namespace curvedoctor::ui {

void ViewSettings::setSmoothing(core::SmoothingConfig s) {
    s.weight = std::clamp(s.weight, 0.0, 0.999);
    if (s.kind == m_smoothing.kind && s.weight == m_smoothing.weight) return;
    m_smoothing = s;
    Q_EMIT smoothingChanged();
}

void ViewSettings::setXAxis(XAxisMode m) {
    if (m == m_xAxis) return;
    m_xAxis = m;
    Q_EMIT xAxisChanged();
}

void ViewSettings::setLogY(bool on) {
    if (on == m_logY) return;
    m_logY = on;
    Q_EMIT logYChanged();
}

void ViewSettings::setShowRaw(bool on) {
    if (on == m_showRaw) return;
    m_showRaw = on;
    Q_EMIT showRawChanged();
}

void ViewSettings::setChartLayout(ChartLayout l) {
    if (l == m_chartLayout) return;
    m_chartLayout = l;
    Q_EMIT chartLayoutChanged();
}

void ViewSettings::setCompareLayout(CompareLayout l) {
    if (l == m_compareLayout) return;
    m_compareLayout = l;
    Q_EMIT compareLayoutChanged();
}

void ViewSettings::setExtraFamilies(const QStringList& families) {
    if (families == m_extraFamilies) return;
    m_extraFamilies = families;
    Q_EMIT extraFamiliesChanged();
}

void ViewSettings::load() {
    QSettings s;
    s.beginGroup(QStringLiteral("view"));
    core::SmoothingConfig sm;
    sm.kind = static_cast<core::SmoothingKind>(
        std::clamp(s.value(QStringLiteral("smoothingKind"), 0).toInt(), 0, 3));
    sm.weight = std::clamp(s.value(QStringLiteral("smoothingWeight"), 0.6).toDouble(), 0.0, 0.999);
    m_smoothing = sm;
    m_xAxis = static_cast<XAxisMode>(std::clamp(s.value(QStringLiteral("xAxis"), 0).toInt(), 0, 4));
    m_logY = s.value(QStringLiteral("logY"), false).toBool();
    m_showRaw = s.value(QStringLiteral("showRaw"), true).toBool();
    m_chartLayout = static_cast<ChartLayout>(
        std::clamp(s.value(QStringLiteral("chartLayout"), 0).toInt(), 0, 1));
    m_compareLayout = static_cast<CompareLayout>(
        std::clamp(s.value(QStringLiteral("compareLayout"), 0).toInt(), 0, 1));
    m_extraFamilies = s.value(QStringLiteral("extraFamilies")).toStringList();
    s.endGroup();
    Q_EMIT smoothingChanged();
    Q_EMIT xAxisChanged();
    Q_EMIT logYChanged();
    Q_EMIT showRawChanged();
    Q_EMIT chartLayoutChanged();
    Q_EMIT compareLayoutChanged();
    Q_EMIT extraFamiliesChanged();
}

void ViewSettings::save() const {
    QSettings s;
    s.beginGroup(QStringLiteral("view"));
    s.setValue(QStringLiteral("smoothingKind"), static_cast<int>(m_smoothing.kind));
    s.setValue(QStringLiteral("smoothingWeight"), m_smoothing.weight);
    s.setValue(QStringLiteral("xAxis"), static_cast<int>(m_xAxis));
    s.setValue(QStringLiteral("logY"), m_logY);
    s.setValue(QStringLiteral("showRaw"), m_showRaw);
    s.setValue(QStringLiteral("chartLayout"), static_cast<int>(m_chartLayout));
    s.setValue(QStringLiteral("compareLayout"), static_cast<int>(m_compareLayout));
    s.setValue(QStringLiteral("extraFamilies"), m_extraFamilies);
    s.endGroup();
}

}  // namespace curvedoctor::ui
