#pragma once
/// \file diff.h
/// `curvedoctor diff RUN_A RUN_B [--json]`: the hyperparameters that differ between two runs.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::app {

/// Runs the diff command. `args` are the words after "diff". Each of the two paths must hold
/// exactly one run (a log file or one run's folder). Returns kExitOk when both loaded (whether
/// or not they differ), kExitLoadError when a path could not be loaded, kExitUsage on bad usage
/// (also when a path holds no run or several).
int runDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::app
