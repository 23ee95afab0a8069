#pragma once
/// \file value_format.h
/// How the comparison table and the report print numbers: 4 significant digits, steps as
/// integers with thin grouping, "–" for a missing value.

#include <QString>
#include <cstdint>
#include <optional>

namespace curvedoctor::ui {

/// 4 significant digits ("0.4968", "1.235e+04"); "–" when missing, "NaN"/"inf" as such;
/// magnitudes below 1e-30 (arithmetic residue such as "6.918e-168") as "0".
[[nodiscard]] QString formatValue(std::optional<double> v);
/// An integer step with a thin space every three digits ("100 000"); "–" when missing.
[[nodiscard]] QString formatStep(std::optional<std::int64_t> step);
/// An epoch: a whole one as a step is ("23 780", never "2.378e+04": Lightning counts tens of
/// thousands of short epochs), a fraction with up to two decimals ("2.5", "0.33").
[[nodiscard]] QString formatEpoch(std::optional<double> epoch);

}  // namespace curvedoctor::ui
