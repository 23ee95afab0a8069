#include "core/loaders/plain_rows.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_decimal.h"

namespace curvedoctor::core {
namespace {

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

// The first byte after a line end at `e` ('\n' or "\r\n"), or nullptr for any other ending
// ("\r\r\n" and a lone '\r' are left to the slow path, which knows them).
const char* afterLineEnd(const char* e) {
    if (*e == '\n') return e + 1;
    if (*e == '\r' && e[1] == '\n') return e + 2;
    return nullptr;
}

}  // namespace

namespace plain_rows_detail {

PlainRowsResult parseScalar(const char* begin, const char* end, char delimiter, std::size_t fields,
                            double* out, std::size_t stride, std::size_t maxRows) {
    PlainRowsResult result{0, begin};
    if (fields == 0 || fields > kPlainRowsMaxFields) return result;
    maxRows = std::min(maxRows, stride);
    const char* limit = end - kPlainRowsTail;
    std::array<const char*, kPlainRowsMaxFields> ends;
    const char* row = begin;
    while (result.rows < maxRows && row < limit) {
        std::size_t found = 0;
        for (const char* p = row; found < fields && p < limit; ++p) {
            if (*p == delimiter || isLineEnd(*p)) ends[found++] = p;
        }
        if (found < fields) break;
        bool ok = true;
        for (std::size_t j = 0; j + 1 < fields; ++j) ok &= *ends[j] == delimiter;
        const char* next = afterLineEnd(ends[fields - 1]);
        if (!ok || next == nullptr) break;
        const char* start = row;
        for (std::size_t j = 0; j < fields; ++j) {
            ok &= parsePlainDecimal(start, out[j * stride + result.rows]) == ends[j];
            start = ends[j] + 1;
        }
        if (!ok) break;
        row = next;
        ++result.rows;
    }
    result.next = row;
    return result;
}

}  // namespace plain_rows_detail

PlainRowsResult parsePlainRows(const char* begin, const char* end, char delimiter,
                               std::size_t fields, double* out, std::size_t stride,
                               std::size_t maxRows) {
    if (plain_rows_detail::vectorAvailable())
        return plain_rows_detail::parseVector(begin, end, delimiter, fields, out, stride, maxRows);
    return plain_rows_detail::parseScalar(begin, end, delimiter, fields, out, stride, maxRows);
}

}  // namespace curvedoctor::core
