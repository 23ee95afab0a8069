#pragma once
/// \file follow_pace.h
/// How often the views redraw what followed runs added (issue #13): the charts, the side-by-side
/// grid and the comparison table all take new points at this pace. 100 runs growing 10 rows a
/// second must cost the window under 5% of a core; each redraw costs about as much per open
/// run, so the interval grows with the runs; one growing run is still drawn within 170 ms.

#include <QtGlobal>

namespace curvedoctor::ui {

/// At least this long between two redraws for new points of followed runs.
constexpr qint64 kFollowIntervalMs = 150;
/// ... plus this much per run in the store.
constexpr qint64 kFollowMsPerRun = 20;

/// The least time between two redraws for new points while `runs` runs are open.
[[nodiscard]] constexpr qint64 followRedrawIntervalMs(qint64 runs) {
    return kFollowIntervalMs + kFollowMsPerRun * runs;
}

}  // namespace curvedoctor::ui
