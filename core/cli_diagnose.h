#pragma once
/// \file cli_diagnose.h
/// `curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::core {

/// Exit statuses of the diagnose command.
inline constexpr int kDiagnoseOk = 0;
/// A finding at or above --fail-on (issue #4: "1 when --fail-on is given and a finding ... was found").
inline constexpr int kDiagnoseFailOn = 1;
inline constexpr int kDiagnoseLoadError = 2;
/// Bad usage: EX_USAGE from sysexits.h, so it never looks like a diagnosis result.
inline constexpr int kDiagnoseUsage = 64;

/// Runs the diagnose command; `args` are the words after "diagnose". Exit status: 0 ran,
/// 1 a finding at or above --fail-on, 2 a path failed to load (takes precedence), 64 bad usage.
/// Load errors go to `err`, one line each, and into the JSON "errors" array.
int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::core
