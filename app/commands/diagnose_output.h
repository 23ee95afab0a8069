#pragma once
/// \file diagnose_output.h
/// How `diagnose` prints one finding, shared by its one-shot and --follow modes.

#include <ostream>
#include <string>
#include <vector>

#include "app/output/json_writer.h"
#include "core/finding.h"
#include "core/severity.h"

namespace curvedoctor::app {

/// " (epochs 3-7)" or "" when the finding has no epochs.
[[nodiscard]] std::string epochRange(const core::Finding& f);
/// The finding's three text lines (severity, kind, metric, steps; message; advice).
void printFinding(const core::Finding& f, std::ostream& out);
/// The finding's fields (kind, severity, metric, steps, epochs, message, advice, evidence)
/// inside an object the caller opened.
void writeFindingFields(JsonWriter& j, const core::Finding& f);
/// 0 info, 1 warning, 2 error.
[[nodiscard]] int severityRank(core::Severity s);

/// `diagnose --follow`: see diagnose_follow.cpp. `args` are the words after "diagnose".
int runDiagnoseFollow(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::app
