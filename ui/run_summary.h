#pragma once
/// \file run_summary.h
/// The one-line summary of the open runs in the window's status bar.

#include <QString>

namespace curvedoctor::ui {

class RunStore;

/// "3 runs · 12 metrics · 4,500 points · 1 error, 0 warnings, 2 notes" ("no findings" when
/// none); with no run, what to do next (or "Loading…" while `loading`).
[[nodiscard]] QString runSummaryText(const RunStore& store, bool loading);

}  // namespace curvedoctor::ui
