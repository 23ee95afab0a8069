#include "core/loaders/csv/tensorboard_csv_loader.h"

#include <filesystem>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"

namespace curvedoctor::core {
namespace {

struct ExportName {
    std::string run;  // empty when the name does not follow the pattern.
    std::string tag;
};

// "run-foo-tag-train_loss.csv" -> {"foo", "train_loss"}; "loss.csv" -> {"", "loss"}.
ExportName parseExportName(const std::string& path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    const auto tagAt = stem.rfind("-tag-");
    if (tagAt == std::string::npos) return {"", stem};
    std::string run = stem.substr(0, tagAt);
    if (run.rfind("run-", 0) == 0 || run.rfind("run_", 0) == 0) run = run.substr(4);
    std::string tag = stem.substr(tagAt + 5);
    if (tag.empty()) tag = stem;
    return {run, tag};
}

}  // namespace

std::string_view TensorboardCsvLoader::id() const {
    return "tensorboard_csv";
}

std::string_view TensorboardCsvLoader::description() const {
    return "TensorBoard scalar CSV export";
}

int TensorboardCsvLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    CsvHead head;
    if (!analyzeCsvHead(input.head, head) || head.header.size() != 3) return confidence::kNone;
    return head.header[0] == "Wall time" && head.header[1] == "Step" && head.header[2] == "Value"
               ? confidence::kCertain
               : confidence::kNone;
}

LoadResult TensorboardCsvLoader::load(const LoadInput& input) const {
    const ExportName name = parseExportName(input.path);
    CsvTableSpec spec;
    spec.stepColumns = {"Step"};
    spec.wallTimeColumns = {"Wall time"};
    spec.renames = {{"Value", name.tag}};
    LoadResult result = loadCsvTable(input, spec);
    if (!result.runs.empty() && !name.run.empty() && name.run != ".")
        result.runs.front().name = name.run;
    return result;
}

}  // namespace curvedoctor::core
