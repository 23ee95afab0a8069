#pragma once
/// \file session.h
/// A saved session (`.cdsession`): the runs open in a window and how they are shown, as a small
/// JSON document. Qt-free so it is read and written by the window and by `report --session`
/// alike. The view's choices that belong to the window (x-axis, layouts, smoothing kind) are
/// kept here as their names ("step", "tiled", "ema"); the window maps them, and an unknown name
/// falls back to its default, so a session stays readable when a choice is added.
///
/// Paths are stored relative to the session file's folder when they lie below it (a session
/// moves with its logs), absolute otherwise; readSession() gives them back absolute.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace curvedoctor::core {

struct SessionRun {
    std::string path;   ///< the run's source file (absolute in memory)
    std::string name;   ///< the name shown (the user may have renamed it)
    std::string color;  ///< "#rrggbb"; empty: the palette's next colour
    bool visible = true;

    bool operator==(const SessionRun&) const = default;
};

struct SessionGroup {
    std::string name;
    std::vector<std::string> paths;  ///< members, by their SessionRun::path

    bool operator==(const SessionGroup&) const = default;
};

struct Session {
    /// Written into every session; a file with a larger version is refused (see readSession).
    static constexpr int kFormatVersion = 1;

    std::vector<SessionRun> runs;
    std::vector<SessionGroup> groups;
    // Filters: the run list's name expression, a finding kind's name, "key=value".
    std::string nameFilter;
    std::string findingFilter;
    std::string hyperparameterFilter;
    // View.
    std::string smoothingKind = "ema";
    double smoothingWeight = 0.6;
    std::string xAxis = "step";
    bool logY = false;
    bool showRaw = true;
    std::string chartLayout = "stacked";
    std::string compareLayout = "overlay";
    std::vector<std::string> charts;  ///< metric families charted besides the default ones
    /// The x-range shown (in the x-axis unit); none when not zoomed.
    std::optional<std::pair<double, double>> zoomX;

    bool operator==(const Session&) const = default;
};

/// The session as JSON text; paths below `sessionDir` (the folder the file goes to) are
/// written relative to it.
[[nodiscard]] std::string writeSession(const Session& session, const std::string& sessionDir);

struct SessionReadResult {
    std::optional<Session> session;
    /// Why nothing was read (bad JSON with its byte offset, not a session, a newer version).
    std::string error;
};

/// Reads a session's JSON text; relative paths are resolved against `sessionDir`. Unknown
/// members are skipped; a member of the wrong type is an error.
[[nodiscard]] SessionReadResult readSession(std::string_view text, const std::string& sessionDir);

/// Reads the file at `path` (see readSession); errors name the file.
[[nodiscard]] SessionReadResult readSessionFile(const std::string& path);

}  // namespace curvedoctor::core
