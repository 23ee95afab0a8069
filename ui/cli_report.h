#pragma once
/// \file cli_report.h
/// `curvedoctor report PATH... -o report.png [--smoothing W] [--width PX] [--group]`.

#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::ui {

/// Writes the PNG report with no display (switches Qt to its offscreen platform itself).
/// Exit codes as for diagnose.
int runReport(int argc, char** argv, const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err);

}  // namespace curvedoctor::ui
