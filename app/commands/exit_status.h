#pragma once
/// \file exit_status.h
/// The exit statuses every command shares, so a pipeline treats inspect, diagnose and report
/// alike.

namespace curvedoctor::app {

inline constexpr int kExitOk = 0;
/// A finding at or above --fail-on (issue #4: "1 when --fail-on is given and a finding ... was
/// found").
inline constexpr int kExitFailOn = 1;
/// A path could not be loaded; the others were still used. Takes precedence over kExitFailOn.
inline constexpr int kExitLoadError = 2;
/// Bad usage: EX_USAGE from sysexits.h, so it never looks like a diagnosis result.
inline constexpr int kExitUsage = 64;

}  // namespace curvedoctor::app
