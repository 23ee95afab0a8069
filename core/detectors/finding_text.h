#pragma once
/// \file finding_text.h
/// Shared wording for findings: numbers, "step 1200 (epoch 3)", and a Finding with its step
/// range and epochs filled in.

#include <cstdint>
#include <string>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

/// Four significant digits ("0.3127", "1.235e+04"); "NaN", "Inf", "-Inf" for non-finite.
[[nodiscard]] std::string formatNumber(double v);
/// A fraction as a whole percentage: 0.276 -> "28%".
[[nodiscard]] std::string formatPercent(double fraction);
/// "step 1200 (epoch 3)" or "step 1200" when the epoch is unknown.
[[nodiscard]] std::string describeStep(const RunView& view, std::int64_t step);

/// A finding of `kind` about `metric` over [beginStep, endStep], with epochs from the view.
[[nodiscard]] Finding makeFinding(const RunView& view, FindingKind kind, Severity severity,
                                  std::string metric, std::int64_t beginStep, std::int64_t endStep);

}  // namespace curvedoctor::core
