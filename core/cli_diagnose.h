#pragma once
/// \file cli_diagnose.h
/// `curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::core {

/// Runs the diagnose command; `args` are the words after "diagnose". Exit status: 0 fine,
/// 1 bad usage, 2 a path failed to load, 3 a finding at or above --fail-on.
int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::core
