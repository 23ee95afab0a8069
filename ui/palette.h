#pragma once
// Temporary forwarding header for ui/cli_report.cpp, which the CLI move (to app/) owns: delete
// it once cli_report includes "ui/chart/palette.h".
#include "ui/chart/palette.h"  // IWYU pragma: export
