// CurveCache: a second request for the same (run, metric, smoothing) is answered from the
// cache without smoothing again; a smoothing change or another run is a miss; the values are
// exactly what core::smooth gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <tuple>
#include <vector>

#include "core/plot/curve_cache.h"
#include "tests/core/detector_test_support.h"

namespace curvedoctor::core {
namespace {

using dtest::runOf;
using dtest::seriesOf;

RunPtr makeRun(double scale) {
    return std::make_shared<const Run>(runOf(
        {{"loss",
          seriesOf(500, [&](std::size_t i) { return scale / (1.0 + static_cast<double>(i)); })},
         {"val_loss", seriesOf(50, [&](std::size_t i) {
              return scale * (0.5 + 0.01 * static_cast<double>(i));
          })}}));
}

TEST(CurveCache, SecondRequestHitsAndSettingsChangeMisses) {
    CurveCache cache(0);  // every series indexed
    const RunPtr run = makeRun(2.0);
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    const PreparedCurve first = cache.get(run, "loss", ema);
    ASSERT_TRUE(first.smoothed && first.rawIndex && first.smoothedIndex);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_EQ(cache.hits(), 0u);
    const Series& s = *run->find("loss");
    EXPECT_EQ(first.smoothed->toDoubles(), smooth(s.steps.toVector(), s.values.asDoubles(), ema));
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
    EXPECT_EQ(changed.smoothed->toDoubles(),
              smooth(s.steps.toVector(), s.values.asDoubles(), heavier));
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
    const std::vector<double> oldValues = old.smoothed->toDoubles();
    run.reset();  // not pruned yet: the stale entry is still there
    // A new run, possibly at the old address: its own values, whatever the allocator did.
    const RunPtr other = makeRun(5.0);
    const PreparedCurve fresh = cache.get(other, "loss", {});
    const Series& s = *other->find("loss");
    EXPECT_EQ(fresh.smoothed->toDoubles(), smooth(s.steps.toVector(), s.values.asDoubles(), {}));
    EXPECT_NE(fresh.smoothed->toDoubles(), oldValues);
    cache.prune();
    EXPECT_EQ(cache.size(), 1u);  // only the live run's entry stays
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
// Steps that are one progression (logged every N steps) are read in place, with no copy; a
// run's metrics logged on the same other steps are unpacked once for all of them; another
// run gets its own copy.
TEST(CurveCache, ProgressionsAreReadInPlaceOtherStepsShareOneUnpackedCopy) {
    core::Run r =
        runOf({{"loss",
                seriesOf(500, [](std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i)); })},
               {"lr", seriesOf(500, [](std::size_t) { return 0.1; })},
               {"val_loss",
                seriesOf(50, [](std::size_t i) { return 0.5 + 0.01 * static_cast<double>(i); })},
               {"val_acc",
                seriesOf(50, [](std::size_t i) { return 0.5 + 0.01 * static_cast<double>(i); })}});
    // The validation metrics: two progressions (a resumed run), packed as two pieces.
    for (const char* name : {"val_loss", "val_acc"}) {
        Series& s = r.metrics.at(name);
        s.steps = std::vector<std::int64_t>{};
        for (std::int64_t k = 0; k < 50; ++k) s.steps.push_back(k < 25 ? 10 * k + 9 : 7 * k);
    }
    for (auto& [name, s] : r.metrics) {
        s.steps.pack();
        ASSERT_TRUE(s.steps.isPacked()) << name;
    }
    const RunPtr run = std::make_shared<const core::Run>(std::move(r));
    CurveCache cache;
    for (const char* name : {"loss", "lr"}) {
        const auto steps = cache.steps(run, *run->find(name));
        EXPECT_TRUE(steps.axis.isProgression()) << name;
        EXPECT_EQ(steps.block, nullptr) << name;
        const std::vector<std::int64_t> want = run->find(name)->steps.toVector();
        ASSERT_EQ(steps.axis.size(), want.size()) << name;
        for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(steps.axis[i], want[i]) << i;
    }
    const auto valLoss = cache.steps(run, *run->find("val_loss"));
    const auto valAcc = cache.steps(run, *run->find("val_acc"));
    EXPECT_FALSE(valLoss.axis.isProgression());
    ASSERT_NE(valLoss.block, nullptr);
    EXPECT_EQ(valLoss.block, valAcc.block);
    EXPECT_EQ(valLoss.axis.block().data(), valLoss.block->data());
    EXPECT_EQ(*valLoss.block, run->find("val_loss")->steps.toVector());
    // Another run with the same steps has its own copy (a curve keeps its own run's steps).
    core::Run o = runOf({{"val_loss", seriesOf(50, [](std::size_t) { return 1.0; })}});
    o.metrics.at("val_loss").steps = run->find("val_loss")->steps;
    const RunPtr other = std::make_shared<const core::Run>(std::move(o));
    const auto otherVal = cache.steps(other, *other->find("val_loss"));
    EXPECT_NE(otherVal.block, valLoss.block);
    EXPECT_EQ(*otherVal.block, *valLoss.block);
}

namespace {

// A loss with NaN and Inf stretches in it, its first `n` points (a followed run's snapshots).
RunPtr growingRun(std::size_t n) {
    Series s = seriesOf(n, [](std::size_t i) {
        if (i % 97 == 13 || (i >= 130 && i < 140)) return std::nan("");
        if (i == 611) return std::numeric_limits<double>::infinity();
        return 3.0 / (1.0 + 0.01 * static_cast<double>(i)) + 0.1 * static_cast<double>(i % 7);
    });
    return std::make_shared<const Run>(runOf({{"loss", s}}));
}

bool sameNumber(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameDecimation(const Decimated& a, const Decimated& b) {
    if (a.x != b.x || a.indices != b.indices || a.segmentStarts != b.segmentStarts) return false;
    if (a.nonFinite.size() != b.nonFinite.size()) return false;
    for (std::size_t i = 0; i < a.nonFinite.size(); ++i)
        if (a.nonFinite[i].index != b.nonFinite[i].index) return false;
    return std::equal(a.y.begin(), a.y.end(), b.y.begin(), b.y.end());
}

TEST(CurveCache, AnAppendedRunExtendsItsCurvesInsteadOfStartingOver) {
    CurveCache cache(0);  // every series indexed
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    RunPtr before = growingRun(500);
    (void)cache.get(before, "loss", ema);
    // Grown three times, as a followed run's snapshots replace each other.
    for (const std::size_t n : {501U, 777U, 1300U}) {
        RunPtr after = growingRun(n);
        cache.carryOver(before, after);
        const PreparedCurve c = cache.get(after, "loss", ema);
        before = after;
        const Series& s = *after->find("loss");
        // The same as preparing the whole series from scratch (smoothEma up to its last bit).
        const std::vector<double> whole = smooth(s.steps.toVector(), s.values.asDoubles(), ema);
        ASSERT_EQ(c.smoothed->size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
            if (!std::isfinite(whole[i])) {
                EXPECT_TRUE(sameNumber((*c.smoothed)[i], whole[i])) << i;
            } else {
                EXPECT_NEAR((*c.smoothed)[i], whole[i], 1e-15 * std::abs(whole[i])) << i;
            }
        }
        const DecimationIndex rawWhole(s.values);
        const DecimationIndex smoothWhole(c.smoothed->span());
        for (const auto& [lo, hi, columns] :
             {std::tuple{0.0, 1e4, 40}, std::tuple{100.0, 700.0, 9}, std::tuple{0.0, 1e4, 1000}}) {
            const DecimateConfig cfg{lo, hi, columns};
            const std::vector<std::int64_t> steps = s.steps.toVector();
            const std::span<const std::int64_t> x(steps);
            EXPECT_TRUE(sameDecimation(decimate(x, s.values, cfg, *c.rawIndex),
                                       decimate(x, s.values, cfg, rawWhole)))
                << n << " points, raw, " << columns << " columns";
            EXPECT_TRUE(sameDecimation(decimate(x, c.smoothed->span(), cfg, *c.smoothedIndex),
                                       decimate(x, c.smoothed->span(), cfg, smoothWhole)))
                << n << " points, smoothed, " << columns << " columns";
        }
    }
    EXPECT_EQ(cache.extensions(), 3U);
    EXPECT_EQ(cache.misses(), 4U);  // the first preparation and the three extensions
    EXPECT_EQ(cache.size(), 1U);    // the old snapshots' entries were handed on
}

TEST(CurveCache, OnlySeriesOfIndexFromPointsOrMoreAreIndexed) {
    const RunPtr run = std::make_shared<const core::Run>(runOf(
        {{"short", seriesOf(CurveCache::kIndexFrom - 1,
                            [](std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i)); })},
         {"long", seriesOf(CurveCache::kIndexFrom,
                           [](std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i)); })}}));
    CurveCache cache;
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    const PreparedCurve small = cache.get(run, "short", ema);
    ASSERT_TRUE(small.smoothed);
    EXPECT_FALSE(small.rawIndex);
    EXPECT_FALSE(small.smoothedIndex);
    const PreparedCurve big = cache.get(run, "long", ema);
    ASSERT_TRUE(big.rawIndex && big.smoothedIndex);
    EXPECT_EQ(big.rawIndex->size(), CurveCache::kIndexFrom);
    EXPECT_EQ(cache.heapBytes().indices,
              big.rawIndex->heapBytes() + big.smoothedIndex->heapBytes());
    // Without an index decimate() scans the points: the same reduction.
    const Series& s = *run->find("short");
    const std::vector<std::int64_t> steps = s.steps.toVector();
    const DecimateConfig cfg{0.0, 20000.0, 100};
    EXPECT_TRUE(sameDecimation(
        decimate(std::span<const std::int64_t>(steps), s.values, cfg),
        decimate(std::span<const std::int64_t>(steps), s.values, cfg, DecimationIndex(s.values))));
}

TEST(CurveCache, ARunThatDoesNotContinueTheOldOneStartsOver) {
    CurveCache cache;
    const SmoothingConfig ema{SmoothingKind::Ema, 0.6};
    const RunPtr before = growingRun(500);
    (void)cache.get(before, "loss", ema);
    // Rewritten: as long again and more, but its old last point differs.
    core::Run rewritten = *growingRun(600);
    rewritten.metrics["loss"].values.set(499, rewritten.metrics["loss"].values[499] + 1.0);
    const RunPtr after = std::make_shared<const core::Run>(std::move(rewritten));
    cache.carryOver(before, after);
    const PreparedCurve c = cache.get(after, "loss", ema);
    EXPECT_EQ(cache.extensions(), 0U);
    const Series& s = *after->find("loss");
    const std::vector<double> whole = smooth(s.steps.toVector(), s.values.asDoubles(), ema);
    const std::vector<double> got = c.smoothed->toDoubles();
    EXPECT_TRUE(std::equal(got.begin(), got.end(), whole.begin(), whole.end(), sameNumber));
}

}  // namespace
}  // namespace curvedoctor::core
