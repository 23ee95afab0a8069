#pragma once
/// \file session_view.h
/// Between a saved core::Session and the window's state: the view settings (smoothing, x-axis,
/// y options, layouts, chosen charts) in both directions, and the runs' colours, names and
/// visibility applied to RunStore entries by source path. Shared by the window's session
/// controller and `curvedoctor report --session`.

#include <QString>
#include <vector>

#include "core/session/session.h"

namespace curvedoctor::ui {

class ViewSettings;
struct RunEntry;

/// Copies the session's view choices into `settings` (unknown names keep the defaults).
void applyViewSettings(const core::Session& session, ViewSettings& settings);
/// The view choices of `settings` into `session` (runs, groups, filters and zoom untouched).
void captureViewSettings(const ViewSettings& settings, core::Session& session);

/// The session's record of the run loaded from `source`, or null.
[[nodiscard]] const core::SessionRun* sessionRunFor(const core::Session& session,
                                                    const std::string& source);
/// Colour, name and visibility from the session, for an entry the session lists (by source).
/// Returns false (entry untouched) for a run the session does not list.
bool applySessionRun(const core::Session& session, RunEntry& entry);

/// Paths of the session's runs that do not exist on disk.
[[nodiscard]] QStringList missingSessionPaths(const core::Session& session);
/// Every run path of the session.
[[nodiscard]] QStringList sessionPaths(const core::Session& session);

}  // namespace curvedoctor::ui
