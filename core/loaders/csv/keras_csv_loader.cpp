#include "core/loaders/csv/keras_csv_loader.h"

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"

namespace curvedoctor::core {

std::string_view KerasCsvLoader::id() const {
    return "keras_csv";
}

std::string_view KerasCsvLoader::description() const {
    return "Keras CSVLogger";
}

int KerasCsvLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    CsvHead head;
    if (!analyzeCsvHead(input.head, head) || !isNumericCsvTable(head)) return confidence::kNone;
    // CSVLogger writes "epoch" first, then the sorted log keys; a step column means another tool.
    if (head.header.size() < 2 || head.header.front() != "epoch") return confidence::kNone;
    if (findColumn(head.header, {"step", "global_step"}) >= 0) return confidence::kNone;
    return confidence::kLikely;
}

LoadResult KerasCsvLoader::load(const LoadInput& input) const {
    CsvTableSpec spec;
    spec.stepColumns = {"epoch"};
    spec.epochColumns = {"epoch"};
    spec.missingIsGap = true;
    return loadCsvTable(input, spec);
}

}  // namespace curvedoctor::core
