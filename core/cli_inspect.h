#pragma once
/// \file cli_inspect.h
/// `curvedoctor inspect PATH... [--json]`: what each run holds.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::core {

/// Runs the inspect command. `args` are the words after "inspect". Returns the exit status:
/// 0 all loaded, 2 when any path failed to load (the others are still reported), 64 (EX_USAGE) on bad usage.
int runInspect(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::core
