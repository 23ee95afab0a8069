#pragma once
/// \file csv_head.h
/// What the first bytes of a file say about it as a delimited table. Every CSV-family sniffer
/// starts here, so they agree on what a table is and never claim JSON, binary or prose.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/loaders/csv/csv_table.h"

namespace curvedoctor::core {

struct CsvHead {
    CsvDialect dialect;
    /// The first row's cells, trimmed and unquoted (BOM removed), whatever they hold.
    std::vector<std::string> header;
    /// True when no first-row cell is a number: the first row names the columns.
    bool headerIsText = false;
    /// Data rows (after the first) seen in the sample.
    std::size_t sampledRows = 0;
    /// Columns whose sampled data cells are numbers, gaps or missing markers, with at least one
    /// number (by index into `header`).
    std::vector<std::size_t> numericColumns;
    /// Share of the sampled cells, first row included, that are numbers (0..1).
    double numericCellShare = 0.0;
};

/// True when `head` has NUL bytes or many control characters: not text at all.
[[nodiscard]] bool looksBinary(std::string_view head);

/// True when the first non-blank character opens a JSON object or array.
[[nodiscard]] bool looksLikeJson(std::string_view head);

/// Reads the shape of a table from the first bytes of a file. Returns false when they are not a
/// consistent delimited table (binary, JSON, a single column, ragged lines).
[[nodiscard]] bool analyzeCsvHead(std::string_view head, CsvHead& out);

/// The strict test of the generic CSV sniffer: a consistent table whose first row is a text
/// header, with at least one data row and one numeric column. Whitespace-separated tables must
/// also be mostly numbers, so aligned prose is not mistaken for a table.
[[nodiscard]] bool isNumericCsvTable(const CsvHead& head);

/// Index of the header cell equal to one of `names` (ASCII case-insensitive), trying `names` in
/// order; -1 when none is present.
[[nodiscard]] int findColumn(const std::vector<std::string>& header,
                             const std::vector<std::string_view>& names);

/// ASCII case-insensitive equality.
[[nodiscard]] bool equalsNoCase(std::string_view a, std::string_view b);

/// True when `name` ends with `suffix` (ASCII case-insensitive).
[[nodiscard]] bool endsWithNoCase(std::string_view name, std::string_view suffix);

}  // namespace curvedoctor::core
