#pragma once
// Temporary forwarding header for ui/cli_report.cpp, which the CLI move (to app/) owns: delete
// it once cli_report includes "ui/report/pool_thread.h".
#include "ui/report/pool_thread.h"  // IWYU pragma: export
