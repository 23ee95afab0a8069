#pragma once
// A MetricChart in a shown view of a fixed size, laid out, for the chart tests; and the run
// entry those tests hand it.
#include <QApplication>
#include <QImage>
#include <QSize>
#include <utility>

#include "ui/chart/chart_view.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"

namespace curvedoctor::ui::testing {

inline RunEntry entry(core::RunPtr run, int colorIndex, bool visible = true) {
    RunEntry e;
    e.name = QString::fromStdString(run->name);
    e.run = std::move(run);
    e.color = runColor(colorIndex);
    e.visible = visible;
    return e;
}

struct Shown {
    MetricChart* chart = new MetricChart;
    ChartView view{chart};
    explicit Shown(QSize size = {900, 420}) {
        view.resize(size);
        view.show();
        settle();
    }
    static void settle() {
        for (int i = 0; i < 3; ++i) QApplication::processEvents();
    }
    QImage image() { return view.grab().toImage(); }
    [[nodiscard]] QPoint toView(QPointF chartPos) const {
        return view.mapFromScene(chart->mapToScene(chartPos));
    }
};

}  // namespace curvedoctor::ui::testing
