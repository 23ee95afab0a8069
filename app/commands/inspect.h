#pragma once
/// \file inspect.h
/// `curvedoctor inspect PATH... [--json]`: what each run holds.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::app {

/// Runs the inspect command. `args` are the words after "inspect". Returns the exit status:
/// kExitOk all loaded, kExitLoadError when any path failed to load (the others are still
/// reported), kExitUsage on bad usage (exit_status.h).
int runInspect(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::app
