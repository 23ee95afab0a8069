#include "core/loaders/csv/generic_csv_loader.h"

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"

namespace curvedoctor::core {

std::string_view GenericCsvLoader::id() const {
    return "csv";
}

std::string_view GenericCsvLoader::description() const {
    return "CSV/TSV table";
}

int GenericCsvLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || looksBinary(input.head) || looksLikeJson(input.head))
        return confidence::kNone;
    CsvHead head;
    if (analyzeCsvHead(input.head, head) && isNumericCsvTable(head)) return confidence::kGeneric;
    const std::string_view name = input.fileName;
    if (endsWithNoCase(name, ".csv") || endsWithNoCase(name, ".tsv")) return confidence::kNameOnly;
    return confidence::kNone;
}

LoadResult GenericCsvLoader::load(const LoadInput& input) const {
    CsvTableSpec spec;
    spec.stepColumns = {"step", "global_step", "iteration", "iter", "steps", "epoch"};
    spec.epochColumns = {"epoch"};
    spec.wallTimeColumns = {"wall_time", "walltime", "wall time", "timestamp"};
    return loadCsvTable(input, spec);
}

}  // namespace curvedoctor::core
