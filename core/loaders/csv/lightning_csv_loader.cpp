#include "core/loaders/csv/lightning_csv_loader.h"

#include <filesystem>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"
#include "core/loaders/simple_yaml.h"

namespace curvedoctor::core {

std::string_view LightningCsvLoader::id() const {
    return "lightning_csv";
}

std::string_view LightningCsvLoader::description() const {
    return "PyTorch Lightning metrics.csv";
}

int LightningCsvLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    CsvHead head;
    if (!analyzeCsvHead(input.head, head) || !isNumericCsvTable(head)) return confidence::kNone;
    // CSVLogger sorts the columns, so epoch and step can be anywhere; both are always there.
    if (findColumn(head.header, {"epoch"}) < 0 || findColumn(head.header, {"step"}) < 0 ||
        head.header.size() < 3)
        return confidence::kNone;
    return input.fileName == "metrics.csv" ? confidence::kCertain : confidence::kLikely + 5;
}

LoadResult LightningCsvLoader::load(const LoadInput& input) const {
    CsvTableSpec spec;
    spec.stepColumns = {"step"};
    spec.epochColumns = {"epoch"};
    LoadResult result = loadCsvTable(input, spec);
    if (result.runs.empty()) return result;
    const std::filesystem::path yaml =
        std::filesystem::path(input.path).parent_path() / "hparams.yaml";
    result.runs.front().hyperparameters = readSimpleYamlFile(yaml.string());
    return result;
}

}  // namespace curvedoctor::core
