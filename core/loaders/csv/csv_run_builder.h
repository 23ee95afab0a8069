#pragma once
/// \file csv_run_builder.h
/// Turns a delimited table into a Run: one Series per metric column, keyed by a step column (or
/// the row index), with the epoch and wall-time columns kept beside each point. Every CSV-family
/// loader is this plus its own column conventions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/loader.h"
#include "core/loaders/csv/csv_table.h"

namespace curvedoctor::core {

/// The column conventions of one CSV-family format.
struct CsvTableSpec {
    /// Step column candidates, most preferred first (ASCII case-insensitive). Cells may be
    /// integers, integral floats (`50126.0`) or `3/50` fractions (the numerator is used).
    /// Without a step column the 0-based data row index is the step.
    std::vector<std::string_view> stepColumns;
    /// Epoch column candidates; the column's values become Series::epochs.
    std::vector<std::string_view> epochColumns;
    /// Wall-time column candidates (seconds or milliseconds since the Unix epoch; milliseconds
    /// are recognised by their size and converted to seconds).
    std::vector<std::string_view> wallTimeColumns;
    /// Keep the epoch column as a metric too (never the step column).
    bool epochIsMetric = false;
    /// Missing-value markers (`NA`, `null`, ...) are gaps instead of NaN values.
    bool missingIsGap = false;
    /// Columns that are not metrics (matched like stepColumns).
    std::vector<std::string_view> skipColumns;
    /// When non-empty the file has no header row: these name the columns, in order; an empty
    /// name skips that column. Fields past these are ignored, with a warning.
    std::vector<std::string> columnNames;
    /// Renames applied to header names (from, to), e.g. TensorBoard's `Value` to the tag.
    std::vector<std::pair<std::string, std::string>> renames;
    /// Forces the dialect instead of sniffing it.
    std::optional<CsvDialect> dialect;
};

/// Loads `input.bytes` as a table following `spec`. Never throws on bad input: cells that are
/// not numbers become warnings with their line number (capped, with a count of the rest), a row
/// without a usable step is skipped with a warning, and everything valid still loads. Empty cells
/// are gaps; `nan`/`inf` cells are kept as values; a last line without a line end (perhaps still
/// being written) is left out with a warning. The result holds one run (format, name and
/// source are left for the caller), or an error when not a single point could be read.
[[nodiscard]] LoadResult loadCsvTable(const LoadInput& input, const CsvTableSpec& spec);

}  // namespace curvedoctor::core
