#pragma once
// Temporary forwarding header for ui/cli_report.cpp, which the CLI move (to app/) owns: delete
// it once cli_report includes "ui/report/report_renderer.h".
#include "ui/report/report_renderer.h"  // IWYU pragma: export
