#include "core/loaders/csv/ultralytics_csv_loader.h"

#include <algorithm>
#include <filesystem>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"
#include "core/loaders/simple_yaml.h"

namespace curvedoctor::core {

std::string_view UltralyticsCsvLoader::id() const {
    return "ultralytics_csv";
}

std::string_view UltralyticsCsvLoader::description() const {
    return "Ultralytics results.csv";
}

int UltralyticsCsvLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    CsvHead head;
    if (!analyzeCsvHead(input.head, head) || !isNumericCsvTable(head)) return confidence::kNone;
    if (head.header.empty() || !equalsNoCase(head.header.front(), "epoch"))
        return confidence::kNone;
    // Every Ultralytics task logs train/*_loss and metrics/* columns.
    const auto has = [&](std::string_view prefix) {
        return std::any_of(head.header.begin(), head.header.end(),
                           [&](const std::string& h) { return h.rfind(prefix, 0) == 0; });
    };
    return has("train/") && has("metrics/") ? confidence::kCertain : confidence::kNone;
}

LoadResult UltralyticsCsvLoader::load(const LoadInput& input) const {
    CsvTableSpec spec;
    spec.stepColumns = {"epoch"};
    spec.epochColumns = {"epoch"};
    LoadResult result = loadCsvTable(input, spec);
    if (result.runs.empty()) return result;
    const std::filesystem::path yaml =
        std::filesystem::path(input.path).parent_path() / "args.yaml";
    result.runs.front().hyperparameters = readSimpleYamlFile(yaml.string());
    return result;
}

}  // namespace curvedoctor::core
