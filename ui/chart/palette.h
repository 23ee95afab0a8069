#pragma once
/// \file palette.h
/// The one colour palette: run colours (colour-blind safe) and finding-kind colours.

#include <QColor>
#include <QList>
#include <QString>

#include "core/finding_kind.h"

namespace curvedoctor::ui {

/// Run colour number `index`. The first 8 are Okabe & Ito's colour-blind-safe set (black
/// replaced by a dark grey-blue); beyond that Paul Tol's "muted" set continues, then the cycle
/// repeats. Chosen so that any two neighbours differ for deuteranopes and protanopes.
[[nodiscard]] QColor runColor(int index);
/// The colour of a run named `name`: the same in every session, from a hash of the name into
/// the palette. When that colour is `taken` by an open run, the next free one in the palette
/// (so a few runs never share a colour); only when all are taken do colours repeat.
[[nodiscard]] QColor runColorForName(const QString& name, const QList<QColor>& taken);
/// How many distinct run colours there are before they repeat.
[[nodiscard]] int runColorCount();

/// Colour of a finding kind's band and badge, from core's FindingKind table.
[[nodiscard]] QColor findingColor(core::FindingKind kind);
/// The kind's stable id ("overfitting"), the name the viewer shows for it.
[[nodiscard]] QString findingKindId(core::FindingKind kind);
/// Colour of a severity badge/icon: info blue, warning amber, error red.
[[nodiscard]] QColor severityColor(int severity);

}  // namespace curvedoctor::ui
