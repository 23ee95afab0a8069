#pragma once
/// \file eisel_lemire.h
/// The Eisel-Lemire conversion of a decimal `w * 10^q` to the nearest double, as fast_float (and
/// so GCC 12's std::from_chars) does it: one or two 64x128-bit products with a table of powers of
/// five. The CSV reader's fast path for what Clinger's exact multiplication cannot take: Python
/// prints floats with up to 17 significant digits (`0.12600809335708618`, over 2^53) and small
/// values with exponents past 10^-22 (`7.239714605589143e-09`).
///
/// Reference: Daniel Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
/// Experience 51(8), 2021; Noble Mushtak and Daniel Lemire, "Fast number parsing without
/// fallback", 2023 (why no fallback is needed inside the table's range).

#include <cstdint>

namespace curvedoctor::core {

/// Sets `out` to the double nearest `w * 10^q` (ties to even), negated when `negative`, exactly
/// as std::from_chars would, and returns true; false (nothing set) when `w` is 0, `q` is outside
/// [-64, 64], or the result is subnormal or infinite: the caller then uses std::from_chars.
/// `w` must be the exact decimal mantissa (at most 19 digits, no digit dropped).
[[nodiscard]] bool eiselLemire(std::uint64_t w, int q, bool negative, double& out);

}  // namespace curvedoctor::core
