// Chart drawing speed with big runs (issue #5): 20 runs, each with 1 million training points and
// 1 million validation points, drawn by one MetricChart in a 1200 x 420 view rendered offscreen.
//   FirstDrawCold   new chart: smoothing of every series + reduction + render
//   FirstDrawWarm   setContent again on the same chart (smoothing cached) + render
//   Redraw          render only, same zoom
//   ZoomRedraw      a new x-range (re-reduction of every series) + render
//   ZoomReduce      the same new x-range without the render (reduction, y fit, ticks)
//   Repaint         the chart's items repainted at the same zoom (the view's cached pixmap
//                   invalidated): what painting the curves costs
//   Decimate1M      core::decimate of one 1M-point series to 1200 columns
//   Decimate1MIndexed  the same with the series' DecimationIndex (what the chart uses)
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <cmath>
#include <memory>
#include <vector>

#include "core/decimate.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace {

using namespace curvedoctor;

constexpr std::size_t kRuns = 20;
constexpr std::size_t kPoints = 1'000'000;
constexpr QSize kViewSize{1200, 420};

core::RunPtr makeBigRun(std::size_t index) {
    auto run = std::make_shared<core::Run>();
    run->name = "run" + std::to_string(index);
    const double rate = 3.0 + 0.1 * static_cast<double>(index);
    for (const char* name : {"train_loss", "val_loss"}) {
        auto& s = run->metrics[name];
        s.steps.resize(kPoints);
        s.values.resize(kPoints);
        const double offset = name[0] == 'v' ? 0.2 : 0.0;
        // A decaying loss with batch-noise-like ripple (a cheap deterministic hash).
        std::uint32_t h = static_cast<std::uint32_t>(index * 7919 + 17);
        for (std::size_t i = 0; i < kPoints; ++i) {
            h = h * 1664525u + 1013904223u;
            const double t = static_cast<double>(i) / kPoints;
            s.steps.mutableVector()[i] = static_cast<std::int64_t>(i);
            s.values.set(
                i, 2.0 * std::exp(-rate * t) + 0.1 + offset + 0.05 * ((h >> 8) / 16777216.0 - 0.5));
        }
    }
    return run;
}

struct Data {
    std::vector<ui::RunEntry> entries;
    std::vector<const ui::RunEntry*> runs;
    ui::ViewSettings settings;
    Data() {
        for (std::size_t i = 0; i < kRuns; ++i) {
            ui::RunEntry e;
            e.run = makeBigRun(i);
            e.name = QString::fromStdString(e.run->name);
            e.color = ui::runColor(static_cast<int>(i));
            entries.push_back(std::move(e));
        }
        for (const auto& e : entries) runs.push_back(&e);
    }
};

Data& data() {
    static Data d;
    return d;
}

struct Shown {
    ui::MetricChart* chart = new ui::MetricChart;
    ui::ChartView view{chart};
    QImage image{kViewSize, QImage::Format_ARGB32_Premultiplied};
    Shown() {
        view.resize(kViewSize);
        view.show();
        QApplication::processEvents();
    }
    void render() {
        QPainter p(&image);
        view.render(&p);
    }
    /// The benchmark runs' loss chart, drawn once.
    void showLoss(Data& d) {
        chart->setContent(d.runs, QStringLiteral("loss"), d.settings);
        render();
    }
};

void FirstDrawCold(benchmark::State& state) {
    Data& d = data();
    for (auto _ : state) {
        state.PauseTiming();
        auto s = std::make_unique<Shown>();
        state.ResumeTiming();
        s->chart->setContent(d.runs, QStringLiteral("loss"), d.settings);
        s->render();
        state.PauseTiming();
        s.reset();
        state.ResumeTiming();
    }
}

void FirstDrawWarm(benchmark::State& state) {
    Data& d = data();
    Shown s;
    s.showLoss(d);
    for (auto _ : state) {
        s.chart->setContent(d.runs, QStringLiteral("loss"), d.settings);
        s.render();
    }
    state.counters["points"] = s.chart->displayedPointCount();
}

void Redraw(benchmark::State& state) {
    Data& d = data();
    Shown s;
    s.showLoss(d);
    for (auto _ : state) s.render();
    state.counters["points"] = s.chart->displayedPointCount();
}

void ZoomRedraw(benchmark::State& state) {
    Data& d = data();
    Shown s;
    s.showLoss(d);
    double lo = 0;
    for (auto _ : state) {
        lo = lo == 0 ? 250'000 : 0;  // alternate so each iteration is a real change
        s.chart->setXRange(lo, lo + 500'000);
        s.render();
    }
}

void ZoomReduce(benchmark::State& state) {
    Data& d = data();
    Shown s;
    s.showLoss(d);
    double lo = 0;
    for (auto _ : state) {
        lo = lo == 0 ? 250'000 : 0;
        s.chart->setXRange(lo, lo + 500'000);
    }
}

void Repaint(benchmark::State& state) {
    Data& d = data();
    Shown s;
    s.showLoss(d);
    for (auto _ : state) {
        s.chart->update();
        s.render();
    }
}

void Decimate1MIndexed(benchmark::State& state) {
    const core::Series& s = data().entries.front().run->metrics.at("train_loss");
    const core::DecimationIndex index(s.values);
    for (auto _ : state) {
        auto r = core::decimate(s.steps.toVector(), s.values,
                                core::DecimateConfig{0, kPoints - 1.0, 1200}, index);
        benchmark::DoNotOptimize(r.x.data());
    }
}

void Decimate1M(benchmark::State& state) {
    const core::Series& s = data().entries.front().run->metrics.at("train_loss");
    for (auto _ : state) {
        auto r = core::decimate(s.steps.toVector(), s.values,
                                core::DecimateConfig{0, kPoints - 1.0, 1200});
        benchmark::DoNotOptimize(r.x.data());
    }
}

}  // namespace

BENCHMARK(Decimate1M)->Unit(benchmark::kMillisecond);
BENCHMARK(FirstDrawCold)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(FirstDrawWarm)->Unit(benchmark::kMillisecond);
BENCHMARK(Redraw)->Unit(benchmark::kMillisecond);
BENCHMARK(ZoomRedraw)->Unit(benchmark::kMillisecond);
BENCHMARK(ZoomReduce)->Unit(benchmark::kMillisecond);
BENCHMARK(Repaint)->Unit(benchmark::kMillisecond);
BENCHMARK(Decimate1MIndexed)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
