// CurveCache: a second request for the same (run, metric, smoothing) is answered from the
// cache without smoothing again; a smoothing change or another run is a miss; the values are
// exactly what core::smooth gives.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "core/plot/curve_cache.h"
#include "tests/core/detector_test_support.h"

namespace curvedoctor::core {
namespace {

using dtest::runOf;
using dtest::seriesOf;

RunPtr makeRun(double scale) {
    return std::make_shared<const Run>(runOf(
        {{"loss", seriesOf(500, [&](std::size_t i) { return scale / (1.0 + i); })},
         {"val_loss", seriesOf(50, [&](std::size_t i) { return scale * (0.5 + 0.01 * i); })}}));
}

TEST(CurveCache, SecondRequestHitsAndSettingsChangeMisses) {
    CurveCache cache;
    const RunPtr run = makeRun(2.0);
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    const PreparedCurve first = cache.get(run, "loss", ema);
    ASSERT_TRUE(first.smoothed && first.rawIndex && first.smoothedIndex);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_EQ(cache.hits(), 0u);
    const Series& s = *run->find("loss");
    EXPECT_EQ(*first.smoothed, smooth(s.steps.toVector(), s.values, ema));
    EXPECT_EQ(first.rawIndex->size(), s.size());
    EXPECT_EQ(first.smoothedIndex->size(), s.size());

    const PreparedCurve again = cache.get(run, "loss", ema);
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_EQ(again.smoothed, first.smoothed);  // the same vector, not a new smoothing
    EXPECT_EQ(again.smoothedIndex, first.smoothedIndex);

    const SmoothingConfig heavier{SmoothingKind::Ema, 0.9};
    const PreparedCurve changed = cache.get(run, "loss", heavier);
    EXPECT_EQ(cache.misses(), 2u);
    EXPECT_NE(changed.smoothed, first.smoothed);
    EXPECT_EQ(*changed.smoothed, smooth(s.steps.toVector(), s.values, heavier));
    EXPECT_EQ(changed.rawIndex, first.rawIndex);  // the raw column did not change
    const PreparedCurve otherKind = cache.get(run, "loss", {SmoothingKind::Gaussian, 0.9});
    EXPECT_EQ(cache.misses(), 3u);
    EXPECT_NE(otherKind.smoothed, changed.smoothed);
    EXPECT_EQ(cache.size(), 1u);  // one smoothing kept per series
}

TEST(CurveCache, OneCallSmoothsEachSeriesOnceForAllItsViewers) {
    CurveCache cache;
    const RunPtr a = makeRun(1.0);
    const RunPtr b = makeRun(3.0);
    // Three views (chart, group chart, table) ask for the same curves in one tick.
    const std::vector<CurveCache::Request> requests{{a, "loss"}, {a, "val_loss"}, {b, "loss"},
                                                    {a, "loss"}, {b, "loss"},     {b, "absent"}};
    const auto curves = cache.prepare(requests, {SmoothingKind::Ema, 0.6}, 2);
    ASSERT_EQ(curves.size(), requests.size());
    EXPECT_EQ(curves[0].smoothed, curves[3].smoothed);
    EXPECT_EQ(curves[2].smoothed, curves[4].smoothed);
    EXPECT_NE(curves[0].smoothed, curves[2].smoothed);
    EXPECT_FALSE(curves[5].smoothed);  // no such metric
    EXPECT_EQ(cache.size(), 3u);
    const std::size_t missesBefore = cache.misses();
    const auto again = cache.prepare(requests, {SmoothingKind::Ema, 0.6}, 2);
    EXPECT_EQ(cache.misses(), missesBefore);
    EXPECT_EQ(again[1].smoothed, curves[1].smoothed);
}

TEST(CurveCache, AFreedRunIsNeverConfusedWithANewOne) {
    CurveCache cache;
    RunPtr run = makeRun(1.0);
    const PreparedCurve old = cache.get(run, "loss", {});
    const std::vector<double> oldValues = *old.smoothed;
    run.reset();  // not pruned yet: the stale entry is still there
    // A new run, possibly at the old address: its own values, whatever the allocator did.
    const RunPtr other = makeRun(5.0);
    const PreparedCurve fresh = cache.get(other, "loss", {});
    const Series& s = *other->find("loss");
    EXPECT_EQ(*fresh.smoothed, smooth(s.steps.toVector(), s.values, {}));
    EXPECT_NE(*fresh.smoothed, oldValues);
    cache.prune();
    EXPECT_EQ(cache.size(), 1u);  // only the live run's entry stays
}

}  // namespace
}  // namespace curvedoctor::core
