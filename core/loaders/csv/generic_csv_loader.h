#pragma once
/// \file generic_csv_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// Generic CSV/TSV table: delimiter sniffed (comma, tab, semicolon, pipe, whitespace runs), a
/// header row naming the columns, every numeric column a metric. The step is the first column
/// named step, global_step, iteration, iter or steps (any case), else epoch, else the row index
/// (0-based). An `epoch` column is kept as Series::epochs, a wall_time/walltime/timestamp column
/// as Series::wallTimes. Empty cells are gaps; nan/inf cells are values; `NA`/`null` cells are
/// NaN values. Claims a file only when its first lines form a consistent table with a text
/// header and a numeric column (confidence::kGeneric), or, by a .csv/.tsv name, a text file
/// that is not JSON (confidence::kNameOnly, so the load error explains what is wrong).
class GenericCsvLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
