#pragma once
/// \file diagnose.h
/// `curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::app {

/// Runs the diagnose command; `args` are the words after "diagnose". Exit status (exit_status.h):
/// 0 ran, 1 a finding at or above --fail-on, 2 a path failed to load (takes precedence), 64 bad
/// usage. Load errors go to `err`, one line each, and into the JSON "errors" array.
int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::app
