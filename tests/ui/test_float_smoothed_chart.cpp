// A float32 series' smoothed curve is kept as float32 (core/plot/smoothed_values.h): drawn, it
// must look as the double curve did. Two runs with the same float32 values and one more point
// past the x-range shown, in one of them a value no float holds (so its column and smoothed copy
// are double; the EMA looks back only, so every drawn smoothed value is the same number before
// rounding), are charted alike and their pixels compared. When written: 4 pixels of 378,000
// differ (antialiasing), against 3,747 for a smoothing weight of 0.88 instead of 0.9.
#include <gtest/gtest.h>

#include <QImage>
#include <cmath>
#include <memory>

#include "core/plot/curve_cache.h"
#include "tests/ui/shown_chart.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

// A noisy falling loss of float32 values, 2,000 steps (deterministic noise).
core::RunPtr lossRun(bool makeDouble) {
    auto run = std::make_shared<core::Run>();
    run->name = "run";
    core::Series& s = run->metrics["train_loss"];
    unsigned state = 12345U;
    for (std::int64_t i = 0; i < 2000; ++i) {
        state = state * 1103515245U + 12345U;
        const double noise = static_cast<double>((state >> 8) % 1000U) / 1000.0 - 0.5;
        const double x = static_cast<double>(i);
        s.steps.push_back(i);
        s.values.push_back(static_cast<float>(2.0 * std::exp(-x / 400.0) + 0.3 + 0.2 * noise));
    }
    // Beyond the range shown, in both runs (so that both have the same extent): the last value
    // again, or that value and 1e-12, which no float holds.
    const double last = s.values.back();
    s.steps.push_back(2000);
    s.values.push_back(makeDouble ? last + 1e-12 : last);
    return run;
}

struct Charted {
    testing::Shown shown;
    std::shared_ptr<core::CurveCache> cache = std::make_shared<core::CurveCache>();
    core::RunPtr run;
    RunEntry e;
    Charted(core::RunPtr r, double weight) : run(std::move(r)), e(testing::entry(run, 0)) {
        ViewSettings settings;
        settings.setSmoothing({core::SmoothingKind::Ema, weight});
        shown.chart->setCurveCache(cache);
        shown.chart->setContent({&e}, QStringLiteral("loss"), settings);
        shown.chart->setXRange(0, 1999);
        testing::Shown::settle();
    }
    [[nodiscard]] bool smoothedAsFloat(double weight) const {
        return cache->get(run, "train_loss", {core::SmoothingKind::Ema, weight})
            .smoothed->isFloat();
    }
};

int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return a.width() * a.height();
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    return n;
}

TEST(FloatSmoothedChart, DrawsTheSamePixelsAsTheDoubleCurve) {
    Charted asFloat(lossRun(false), 0.9);
    Charted asDouble(lossRun(true), 0.9);
    ASSERT_TRUE(asFloat.smoothedAsFloat(0.9));
    ASSERT_FALSE(asDouble.smoothedAsFloat(0.9));
    const QImage f = asFloat.shown.image();
    const QImage d = asDouble.shown.image();
    ASSERT_FALSE(f.isNull());
    const int differ = differingPixels(f, d);
    // The check tells curves apart: a slightly other smoothing moves many pixels.
    Charted other(lossRun(false), 0.88);
    const int otherDiffer = differingPixels(f, other.shown.image());
    EXPECT_GT(otherDiffer, 200);
    // Rounding to float moves a value by 6e-8 of itself, about 1e-5 of a pixel on this chart.
    EXPECT_LE(differ, 5) << "of " << f.width() * f.height() << " pixels";
}

}  // namespace
}  // namespace curvedoctor::ui
