// Following in the window (issue #13): from write() of a row to a followed log to the chart
// showing it, with inotify (target 250 ms) and with the 1 s stat poll alone (what a network
// mount gets; target 1.5 s). The real MainWindow on the offscreen platform follows one
// Lightning CSV; each iteration appends a row after a random pause (so the poll's phase is
// random), then runs the event loop until ChartPanel::rebuilt has put the new step on the loss
// chart. Manual time: write to chart update.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/follow/follow_controller.h"
#include "ui/load_controller.h"
#include "ui/main_window.h"

namespace {

using curvedoctor::ui::ChartPanel;
using curvedoctor::ui::FollowController;
using curvedoctor::ui::MainWindow;

std::string row(long step) {
    return std::to_string(step / 100) + "," + std::to_string(step) + "," +
           std::to_string(2.0 / (1.0 + static_cast<double>(step) * 0.01)) + ",,\n";
}

void followLatency(benchmark::State& state, bool inotify) {
    QTemporaryDir config;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("metrics.csv")).toStdString();
    long step = 0;
    {
        std::ofstream out(path);
        out << "epoch,step,train_loss,val_loss,val_acc\n";
        for (; step < 500; ++step) out << row(step);
    }
    MainWindow window;
    auto* follow = window.findChild<FollowController*>();
    follow->setUseInotify(inotify);
    follow->setPollInterval(std::chrono::milliseconds(1000));
    window.show();
    window.openPaths({QString::fromStdString(path)});
    auto* panel = window.findChild<ChartPanel*>();
    QElapsedTimer load;
    load.start();
    while ((window.loadController().isBusy() || panel->charts().isEmpty()) &&
           load.elapsed() < 20000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> pause(0, 300);
    for (auto _ : state) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(pause(rng));
        while (std::chrono::steady_clock::now() < until)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        const double wanted = static_cast<double>(step);
        const auto t0 = std::chrono::steady_clock::now();
        {
            std::ofstream out(path, std::ios::app);
            out << row(step++);
        }
        bool shown = false;
        QElapsedTimer clock;
        clock.start();
        while (!shown && clock.elapsed() < 10000) {
            QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
            const auto charts = panel->charts();
            shown = !charts.isEmpty() && charts.front()->dataXMax() >= wanted;
        }
        const auto t1 = std::chrono::steady_clock::now();
        if (!shown) state.SkipWithError("the new row never reached the chart");
        state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    }
    state.counters["rebuilds"] = panel->rebuildCount();
}

void BM_WriteToChart_inotify(benchmark::State& state) {
    followLatency(state, true);
}
void BM_WriteToChart_poll1s(benchmark::State& state) {
    followLatency(state, false);
}

}  // namespace

BENCHMARK(BM_WriteToChart_inotify)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_WriteToChart_poll1s)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(12);

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
