#pragma once
/// \file plain_rows.h
/// The dense-row fast path of the CSV reader: many consecutive lines of plain decimals parsed
/// in one call, column by column into a block, with no per-cell bookkeeping.
///
/// A "plain row" is one line holding exactly `fields` plain decimals (parsePlainDecimal's
/// spelling: `[-]digits[.digits][(e|E)[+|-]digits]`, no blanks, quotes, `+`, nan or inf) separated
/// by one delimiter character and ended by `\n` or `\r\n`. Every value is bit-identical to
/// std::from_chars. Anything else stops the block; the caller reads that line the slow way.

#include <cstddef>

namespace curvedoctor::core {

/// How many plain rows a call parsed, and where the first unparsed byte is.
struct PlainRowsResult {
    std::size_t rows = 0;
    const char* next = nullptr;
};

/// The widest row the fast path reads; wider tables take the slow path.
inline constexpr std::size_t kPlainRowsMaxFields = 64;

/// Bytes that must follow `begin` before the fast path parses anything: it reads whole vectors
/// past the last field, so it leaves the final stretch of a buffer to the slow path.
inline constexpr std::ptrdiff_t kPlainRowsTail = 192;

/// Parses up to `maxRows` plain rows from `begin`. Row r's field j goes to out[j * stride + r]
/// (column-major, so each column of the block is contiguous). Stops before the first line that
/// is not a plain row, at `maxRows`, or when fewer than kPlainRowsTail bytes remain.
/// Uses AVX2 where the processor has it, else a portable scalar loop with the same results.
[[nodiscard]] PlainRowsResult parsePlainRows(const char* begin, const char* end, char delimiter,
                                             std::size_t fields, double* out, std::size_t stride,
                                             std::size_t maxRows);

namespace plain_rows_detail {
/// The two implementations behind parsePlainRows, for tests that compare them. The vector one
/// returns rows == 0 and next == nullptr when the processor lacks AVX2.
PlainRowsResult parseScalar(const char* begin, const char* end, char delimiter, std::size_t fields,
                            double* out, std::size_t stride, std::size_t maxRows);
PlainRowsResult parseVector(const char* begin, const char* end, char delimiter, std::size_t fields,
                            double* out, std::size_t stride, std::size_t maxRows);
/// True when this processor runs the vector implementation.
bool vectorAvailable();
}  // namespace plain_rows_detail

}  // namespace curvedoctor::core
