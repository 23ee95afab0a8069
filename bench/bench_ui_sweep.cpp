// The window with a big sweep (issue #14): the real MainWindow, offscreen, opens a folder of runs
// (bench/make_tfevents_sweep.py writes one) and this program times what a user waits for:
//   first run      from openPaths until the first run is in the store
//   first charts   until the chart area first shows curves
//   all runs       until every run is in the run list and in the first chart ("CPU": the
//                  process's CPU time until then, all threads: what a loaded machine's wall
//                  time hides)
//   window paint   one full paint of the window with every run shown (QWidget::grab)
//   redraw         the first chart's view painted again at the same zoom (median of 20)
//   overlay redraw the same after a change of the finding overlay only (a hover)
//   zoom           a 2x zoom of the first chart (all charts follow) and its paint (median
//                  of 10); "no paint": the same zooms without painting; "zoom CPU": the CPU
//                  time of a zoom with its paint, all threads together (median of 10); "zoom
//                  GUI CPU": the GUI thread's part of it, and of a zoom without its paint
// and the resident memory the loaded runs added, per point (once the window handed its free heap
// back after the load, waiting up to 5 s), with what the runs and the charts'
// reductions account for of it. Not a Google Benchmark: each of these happens once per open. Usage
// (Release build, see bench/CMakeLists.txt):
//   bench_ui_sweep /tmp/sweep [TIMEOUT_SECONDS [ZOOMS]]
// ZOOMS (default 10) zooms of each kind are timed; more make a profile (perf record) of the
// zoom stand out over the load.
#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <vector>

#include "core/heap_arenas.h"
#include "core/plot/curve_cache.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/load_controller.h"
#include "ui/main_window.h"
#include "ui/run_store.h"

namespace {

using namespace curvedoctor;

long residentKiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').front().toLong();
    return 0;
}

// CPU time of the whole process (every thread) in ms: on a machine other programs load, it
// says what a zoom costs better than the wall time does.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// CPU time of the calling (GUI) thread in ms: the part of a zoom no other core can take.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double medianMs(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    // As curvedoctor-ui does at start (app/main_ui.cpp): one heap arena per core.
    curvedoctor::core::limitHeapArenasToCores();
    // Each line as it is printed, also into a pipe or file (a script watching for the memory
    // lines, e.g. to stop the process there under heaptrack, sees them when they happen).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("curvedoctor-bench"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ui_sweep SWEEP_FOLDER [TIMEOUT_SECONDS [ZOOMS]]\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    const double timeoutS = argc > 2 ? std::atof(argv[2]) : 600.0;
    const int zooms = argc > 3 ? std::max(1, std::atoi(argv[3])) : 10;
    const int expected =
        static_cast<int>(QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());

    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    auto& store = *window.findChild<ui::RunStore*>();
    auto& panel = *window.findChild<ui::ChartPanel*>();
    auto& loader = *window.findChild<ui::LoadController*>();
    const long rssBefore = residentKiB();
#if defined(__GLIBC__)
    const std::size_t heapBefore = mallinfo2().uordblks;
#endif

    QElapsedTimer clock;
    double firstRunMs = -1, firstChartsMs = -1, allRunsMs = -1, allRunsCpuMs = -1;
    QObject::connect(&store, &ui::RunStore::runAdded, [&] {
        if (firstRunMs < 0) firstRunMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    });
    // The curves the window shows now, read without settling a pending rebuild: the charts()
    // accessor would rebuild at this poll's pace (every 5 ms) instead of the window's own.
    auto curvesInFirstChart = [&] {
        int most = 0;
        for (const QChartView* v : panel.findChildren<QChartView*>())
            if (const auto* c = qobject_cast<const ui::MetricChart*>(v->chart()))
                most = std::max(most, c->curveCount());
        return most;
    };
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const double t = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        if (firstChartsMs < 0 && curvesInFirstChart() > 0) firstChartsMs = t;
        if (store.count() >= expected && !loader.isBusy() && curvesInFirstChart() >= expected) {
            allRunsMs = t;
            allRunsCpuMs = cpuMs();
            app.quit();
        } else if (t > timeoutS * 1000.0) {
            app.quit();
        }
    });
    clock.start();
    window.openPaths({folder});
    poll.start();
    app.exec();
    poll.stop();

    // Memory once every chart shows every run: a rebuild still waiting for its batch (charts
    // other than the first may lag it) settled first, else the count depends on that timing.
    (void)panel.charts();
    // And once the window handed back the heap the load left free (core/heap_trim.h), a moment
    // after the load: what stays resident while the user looks at the runs.
    QElapsedTimer settle;
    settle.start();
    while (panel.heapReleases() == 0 && settle.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    const double settledMs = static_cast<double>(settle.nsecsElapsed()) / 1e6;
    std::size_t points = 0;
    for (const ui::RunEntry& e : store.entries()) points += e.run->pointCount();
    const long rssAfter = residentKiB();
    std::printf("runs %d of %d, %zu points\n", store.count(), expected, points);
    std::printf("first run      %9.1f ms\n", firstRunMs);
    std::printf("first charts   %9.1f ms\n", firstChartsMs);
    std::printf("all runs       %9.1f ms%s\n", allRunsMs, allRunsMs < 0 ? " (timed out)" : "");
    std::printf("all runs CPU   %9.1f ms (the process until then, all threads)\n", allRunsCpuMs);
    if (points > 0)
        std::printf(
            "memory         %9.1f bytes per point (RSS %ld -> %ld KiB)\n",
            1024.0 * static_cast<double>(rssAfter - rssBefore) / static_cast<double>(points),
            rssBefore, rssAfter);
    // Where the memory goes, as far as it can be counted from here: the runs' own columns
    // (Run::seriesBytes) and what the charts' reductions of the points they keep hold (positions
    // into the curves' columns, none where every point of a stretch is kept; the charts' curves
    // also hold a smoothed copy and the unpacked steps).
    std::size_t runBytes = 0;
    for (const ui::RunEntry& e : store.entries()) runBytes += e.run->seriesBytes();
    long long kept = 0;
    std::size_t reductionBytes = 0;
    int charts = 0;
    for (const QChartView* v : panel.findChildren<QChartView*>())
        if (const auto* c = qobject_cast<const ui::MetricChart*>(v->chart())) {
            kept += c->displayedPointCount();
            reductionBytes += c->reductionBytes();
            ++charts;
        }
    if (points > 0)
        std::printf(
            "breakdown      runs %.1f bytes per point; %d charts keep %lld points in their "
            "reductions (%.2f bytes per point)\n",
            static_cast<double>(runBytes) / static_cast<double>(points), charts, kept,
            static_cast<double>(reductionBytes) / static_cast<double>(points));
    // The window's curve cache (what every chart's curves share), and the heap as glibc sees
    // it: what the program holds, and what is free but kept from the system (freed loading
    // buffers in the loader threads' arenas, holes).
    const core::CurveCache::Bytes cache = store.curveCache()->heapBytes();
    const auto perPoint = [&](double bytes) { return bytes / static_cast<double>(points); };
    if (points > 0)
        std::printf(
            "curve cache    smoothed %.2f, decimation indices %.2f, unpacked steps %.2f "
            "bytes per point\n",
            perPoint(static_cast<double>(cache.smoothed)),
            perPoint(static_cast<double>(cache.indices)),
            perPoint(static_cast<double>(cache.steps)));
#if defined(__GLIBC__)
    const struct mallinfo2 heap = mallinfo2();
    if (points > 0)
        std::printf(
            "heap           in use %.1f more (%.1f in all), free but held %.1f, mmapped "
            "%.1f bytes per point\n",
            perPoint(static_cast<double>(heap.uordblks - heapBefore)),
            perPoint(static_cast<double>(heap.uordblks)),
            perPoint(static_cast<double>(heap.fordblks)),
            perPoint(static_cast<double>(heap.hblkhd)));
#endif
    std::printf("heap released  %d times after the load (core/heap_trim.h), waited %.0f ms\n",
                panel.heapReleases(), settledMs);

    QElapsedTimer t;
    t.start();
    const QPixmap whole = window.grab();
    std::printf("window paint   %9.1f ms\n", static_cast<double>(t.nsecsElapsed()) / 1e6);

    const QList<QChartView*> views = panel.chartViews();
    if (views.isEmpty()) return 1;
    QChartView* view = views.front();
    auto* chart = static_cast<ui::MetricChart*>(view->chart());
    std::printf("first chart    %s: %d curves, %d points drawn\n", qPrintable(chart->family()),
                chart->curveCount(), chart->displayedPointCount());
    std::vector<double> redraw, zoom, reduce, overlay, zoomCpu, zoomGui, reduceCpu, reduceGui;
    for (int i = 0; i < 20; ++i) {
        t.restart();
        const QPixmap shot = view->viewport()->grab();
        redraw.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double center = 0.5 * (chart->xMin() + chart->xMax());
    for (int i = 0; i < zooms; ++i) {
        t.restart();
        const double cpu = cpuMs(), gui = threadCpuMs();
        chart->zoomX(i % 2 == 0 ? 0.5 : 2.0, center);
        const QPixmap shot = view->viewport()->grab();
        zoom.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        zoomCpu.push_back(cpuMs() - cpu);
        zoomGui.push_back(threadCpuMs() - gui);
    }
    for (int i = 0; i < zooms; ++i) {
        t.restart();
        const double cpu = cpuMs(), gui = threadCpuMs();
        chart->zoomX(i % 2 == 0 ? 0.5 : 2.0, center);
        reduce.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        reduceCpu.push_back(cpuMs() - cpu);
        reduceGui.push_back(threadCpuMs() - gui);
    }
    for (int i = 0; i < zooms; ++i) {
        t.restart();
        chart->overlay()->update();  // what a hover or a finding highlight changes
        const QPixmap shot = view->viewport()->grab();
        overlay.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::printf("redraw         %9.1f ms (median of %zu)\n", medianMs(redraw), redraw.size());
    std::printf("overlay redraw %9.1f ms (median of %zu)\n", medianMs(overlay), overlay.size());
    std::printf("zoom, no paint %9.1f ms (median of %zu)\n", medianMs(reduce), reduce.size());
    std::printf("zoom           %9.1f ms (median of %zu)\n", medianMs(zoom), zoom.size());
    std::printf("zoom CPU       %9.1f ms (median of %zu, all threads)\n", medianMs(zoomCpu),
                zoomCpu.size());
    // On a loaded machine the wall times are the load's; the GUI thread's CPU time is what a
    // zoom would take at least on free cores, and the difference without the paint is the
    // paint's share of it.
    std::printf("zoom GUI CPU   %9.1f ms (median; no paint %.1f ms, all threads %.1f ms)\n",
                medianMs(zoomGui), medianMs(reduceGui), medianMs(reduceCpu));
    return 0;
}
