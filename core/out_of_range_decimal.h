#pragma once
/// \file out_of_range_decimal.h
/// One rule, shared by the CSV and JSON readers, for decimal literals beyond a double's range:
/// they read as Python's float() reads them (`1e999` is inf, `-1e999` is -inf, `1e-999` is 0),
/// because the logs we read were written by Python, which reads its own output back that way.

#include <string_view>

namespace curvedoctor::core {

/// The value of `literal`, a decimal that std::from_chars matched but reported as
/// std::errc::result_out_of_range (which leaves no value): +-infinity when its magnitude is too
/// large for a double, +-0 when too small. `literal` is exactly the matched text: an optional
/// sign, digits with an optional point, an optional exponent of any length.
[[nodiscard]] double outOfRangeDecimal(std::string_view literal);

}  // namespace curvedoctor::core
