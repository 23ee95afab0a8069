#pragma once
/// \file cli_diagnose.h
/// `curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::core {

/// Exit statuses of the diagnose command.
inline constexpr int kDiagnoseOk = 0;
inline constexpr int kDiagnoseUsage = 1;
inline constexpr int kDiagnoseLoadError = 2;
inline constexpr int kDiagnoseFailOn = 3;

/// Runs the diagnose command; `args` are the words after "diagnose". Exit status: 0 fine,
/// 1 bad usage, 2 a path failed to load (takes precedence), 3 a finding at or above --fail-on.
/// Load errors go to `err`, one line each, and into the JSON "errors" array.
int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::core
