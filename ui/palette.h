#pragma once
/// \file palette.h
/// The one colour palette: run colours (colour-blind safe) and finding-kind colours.

#include <QColor>
#include <QString>

namespace curvedoctor::ui {

/// Run colour number `index`. The first 8 are Okabe & Ito's colour-blind-safe set (black
/// replaced by a dark grey-blue); beyond that Paul Tol's "muted" set continues, then the cycle
/// repeats. Chosen so that any two neighbours differ for deuteranopes and protanopes.
[[nodiscard]] QColor runColor(int index);
/// How many distinct run colours there are before they repeat.
[[nodiscard]] int runColorCount();

/// Colour of a finding kind's band (DESIGN.md section 4 ids). Unknown kinds get grey.
[[nodiscard]] QColor findingColor(const QString& kind);
/// Colour of a severity badge/icon: info blue, warning amber, error red.
[[nodiscard]] QColor severityColor(int severity);

}  // namespace curvedoctor::ui
