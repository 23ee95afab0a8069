#include "core/loaders/csv/yolov5_results_loader.h"

#include <algorithm>
#include <string>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"

namespace curvedoctor::core {
namespace {

// Column order of YOLOv5 v5.0 train.py's results.txt line (see the class comment); names follow
// the TensorBoard tags the same train.py logs. "" marks columns that are not metrics.
const std::vector<std::string> kColumns{"epoch",
                                        "",  // GPU memory, "2.19G"
                                        "train/box_loss",
                                        "train/obj_loss",
                                        "train/cls_loss",
                                        "train/total_loss",
                                        "",
                                        "",  // label count and image size of the last batch
                                        "metrics/precision",
                                        "metrics/recall",
                                        "metrics/mAP_0.5",
                                        "metrics/mAP_0.5:0.95",
                                        "val/box_loss",
                                        "val/obj_loss",
                                        "val/cls_loss"};

constexpr std::size_t kMinFields = 10;  // enough to tell the layout from a two-column table.

}  // namespace

std::string_view Yolov5ResultsLoader::id() const {
    return "yolov5_txt";
}

std::string_view Yolov5ResultsLoader::description() const {
    return "YOLOv5 results.txt";
}

int Yolov5ResultsLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    CsvHead head;
    if (!analyzeCsvHead(input.head, head) || !head.dialect.whitespace) return confidence::kNone;
    if (head.header.size() < kMinFields) return confidence::kNone;
    // No header: the first line is already data, starting with an "epoch/last" fraction.
    std::int64_t epoch = 0;
    if (!parseEpochFraction(head.header.front(), epoch)) return confidence::kNone;
    if (head.numericCellShare < 0.5) return confidence::kNone;
    return input.fileName.rfind("results", 0) == 0 ? confidence::kCertain : confidence::kLikely;
}

LoadResult Yolov5ResultsLoader::load(const LoadInput& input) const {
    CsvTableSpec spec;
    spec.dialect = CsvDialect{' ', true};
    spec.columnNames = kColumns;
    spec.stepColumns = {"epoch"};
    spec.epochColumns = {"epoch"};
    return loadCsvTable(input, spec);
}

}  // namespace curvedoctor::core
