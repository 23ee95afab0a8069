#pragma once
/// \file report.h
/// `curvedoctor report PATH... -o report.png [--smoothing W] [--width PX] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::app {

/// Writes the PNG report with no display (switches Qt to its offscreen platform itself).
/// Exit statuses as for diagnose (exit_status.h).
int runReport(int argc, char** argv, const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err);

}  // namespace curvedoctor::app
