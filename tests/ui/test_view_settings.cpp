// ViewSettings: one signal per aspect, so a change rebuilds only what shows that aspect.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using Signal = void (ViewSettings::*)();
constexpr std::array<Signal, 7> kSignals{
    &ViewSettings::smoothingChanged,    &ViewSettings::xAxisChanged,
    &ViewSettings::logYChanged,         &ViewSettings::showRawChanged,
    &ViewSettings::chartLayoutChanged,  &ViewSettings::compareLayoutChanged,
    &ViewSettings::extraFamiliesChanged};

// Counts per signal after `change`; the signal at `expected` must fire once, the others never.
void expectOnly(ViewSettings& s, std::size_t expected, const std::function<void()>& change) {
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (Signal sig : kSignals) spies.push_back(std::make_unique<QSignalSpy>(&s, sig));
    change();
    for (std::size_t i = 0; i < spies.size(); ++i)
        EXPECT_EQ(spies[i]->count(), i == expected ? 1 : 0)
            << "signal " << i << ", change " << expected;
    // The same value again is no change.
    change();
    EXPECT_EQ(spies[expected]->count(), 1) << "signal " << expected << " on an unchanged value";
}

TEST(ViewSettings, EachSetterEmitsOnlyItsOwnAspect) {
    ViewSettings s;
    expectOnly(s, 0, [&] { s.setSmoothing({core::SmoothingKind::Gaussian, 0.3}); });
    expectOnly(s, 1, [&] { s.setXAxis(XAxisMode::WallTime); });
    expectOnly(s, 2, [&] { s.setLogY(true); });
    expectOnly(s, 3, [&] { s.setShowRaw(false); });
    expectOnly(s, 4, [&] { s.setChartLayout(ChartLayout::Tiled); });
    expectOnly(s, 5, [&] { s.setCompareLayout(CompareLayout::SideBySide); });
    expectOnly(s, 6, [&] { s.setExtraFamilies({QStringLiteral("grad_norm")}); });
}

}  // namespace
}  // namespace curvedoctor::ui
