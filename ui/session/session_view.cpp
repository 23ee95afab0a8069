#include "ui/session/session_view.h"

#include <QColor>
#include <QFileInfo>
#include <array>
#include <utility>

#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

constexpr std::array<std::pair<core::SmoothingKind, const char*>, 4> kSmoothingNames{{
    {core::SmoothingKind::Ema, "ema"},
    {core::SmoothingKind::TimeWeightedEma, "time-weighted-ema"},
    {core::SmoothingKind::Gaussian, "gaussian"},
    {core::SmoothingKind::RunningMean, "running-mean"},
}};
constexpr std::array<std::pair<XAxisMode, const char*>, 5> kXAxisNames{{
    {XAxisMode::Step, "step"},
    {XAxisMode::Epoch, "epoch"},
    {XAxisMode::WallTime, "wall-time"},
    {XAxisMode::RelativeTime, "relative-time"},
    {XAxisMode::Progress, "progress"},
}};
constexpr std::array<std::pair<ChartLayout, const char*>, 2> kChartLayoutNames{{
    {ChartLayout::Stacked, "stacked"},
    {ChartLayout::Tiled, "tiled"},
}};
constexpr std::array<std::pair<CompareLayout, const char*>, 2> kCompareLayoutNames{{
    {CompareLayout::Overlay, "overlay"},
    {CompareLayout::SideBySide, "side-by-side"},
}};

template <class Enum, std::size_t N>
std::string nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return table.front().second;
}

template <class Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char*>, N>& table, const std::string& name,
             Enum fallback) {
    for (const auto& [v, n] : table)
        if (name == n) return v;
    return fallback;
}

}  // namespace

void applyViewSettings(const core::Session& session, ViewSettings& settings) {
    core::SmoothingConfig smoothing = settings.smoothing();
    smoothing.kind = valueOf(kSmoothingNames, session.smoothingKind, core::SmoothingKind::Ema);
    smoothing.weight = session.smoothingWeight;
    settings.setSmoothing(smoothing);
    settings.setXAxis(valueOf(kXAxisNames, session.xAxis, XAxisMode::Step));
    settings.setLogY(session.logY);
    settings.setShowRaw(session.showRaw);
    settings.setChartLayout(valueOf(kChartLayoutNames, session.chartLayout, ChartLayout::Stacked));
    settings.setCompareLayout(
        valueOf(kCompareLayoutNames, session.compareLayout, CompareLayout::Overlay));
    QStringList charts;
    for (const std::string& c : session.charts) charts << QString::fromStdString(c);
    settings.setExtraFamilies(charts);
}

void captureViewSettings(const ViewSettings& settings, core::Session& session) {
    session.smoothingKind = nameOf(kSmoothingNames, settings.smoothing().kind);
    session.smoothingWeight = settings.smoothing().weight;
    session.xAxis = nameOf(kXAxisNames, settings.xAxis());
    session.logY = settings.logY();
    session.showRaw = settings.showRaw();
    session.chartLayout = nameOf(kChartLayoutNames, settings.chartLayout());
    session.compareLayout = nameOf(kCompareLayoutNames, settings.compareLayout());
    session.charts.clear();
    for (const QString& c : settings.extraFamilies()) session.charts.push_back(c.toStdString());
}

const core::SessionRun* sessionRunFor(const core::Session& session, const std::string& source) {
    for (const core::SessionRun& r : session.runs)
        if (r.path == source) return &r;
    return nullptr;
}

bool applySessionRun(const core::Session& session, RunEntry& entry) {
    const core::SessionRun* r = sessionRunFor(session, entry.run->source);
    if (r == nullptr) return false;
    const QColor color(QString::fromStdString(r->color));
    if (color.isValid()) entry.color = color;
    if (!r->name.empty()) entry.name = QString::fromStdString(r->name);
    entry.visible = r->visible;
    return true;
}

QStringList missingSessionPaths(const core::Session& session) {
    QStringList out;
    for (const QString& p : sessionPaths(session))
        if (!QFileInfo::exists(p)) out << p;
    return out;
}

QStringList sessionPaths(const core::Session& session) {
    QStringList out;
    for (const core::SessionRun& r : session.runs) out << QString::fromStdString(r.path);
    return out;
}

}  // namespace curvedoctor::ui
