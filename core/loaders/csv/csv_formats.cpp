#include "core/loaders/csv/csv_formats.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_run_builder.h"
#include "core/loaders/simple_yaml.h"

namespace curvedoctor::core {
namespace {

/// How a format's first lines are recognised. Every condition that is set must hold.
struct CsvSniffSpec {
    /// The first lines must form a table with a text header and a numeric column.
    bool numericTable = true;
    /// No header: whitespace-separated, the first cell an `e/N` epoch fraction, mostly numbers.
    bool headerless = false;
    /// The header, exactly (TensorBoard's export).
    std::vector<std::string_view> exactHeader;
    /// The first header cell is one of these (ASCII case-insensitive).
    std::vector<std::string_view> firstColumn;
    /// Columns that must all be present, and columns none of which may be.
    std::vector<std::string_view> required;
    std::vector<std::string_view> forbidden;
    /// For each prefix, some column starts with it.
    std::vector<std::string_view> prefixes;
    std::size_t minColumns = 0;
    /// Confidence when the content matches, and when the file name also starts with `fileName`.
    int confidence = confidence::kLikely;
    std::string_view fileName;
    int namedConfidence = confidence::kCertain;
    /// A text file named `.csv`/`.tsv` that matches nothing is still claimed, weakly, so that
    /// the load error explains what is wrong with it.
    bool claimByName = false;
};

/// One CSV-family format: data only.
struct CsvFormat {
    std::string_view id;
    std::string_view description;
    CsvSniffSpec sniff;
    CsvTableSpec table;
    /// A YAML file beside the log that holds the run's hyperparameters.
    std::string_view hyperparameterFile;
    /// The file is a TensorBoard export: the metric and the run are named from the file name.
    bool tensorboardExportName = false;
};

const std::vector<std::string_view> kGenericSteps{"step", "global_step", "iteration",
                                                  "iter", "steps",       "epoch"};

CsvFormat tensorboardFormat() {
    CsvFormat f{"tensorboard_csv", "TensorBoard scalar CSV export", {}, {}, {}, true};
    f.sniff.numericTable = false;
    f.sniff.exactHeader = {"Wall time", "Step", "Value"};
    f.sniff.confidence = confidence::kCertain;
    f.table.stepColumns = {"Step"};
    f.table.wallTimeColumns = {"Wall time"};
    return f;
}

CsvFormat ultralyticsFormat() {
    CsvFormat f{"ultralytics_csv", "Ultralytics results.csv", {}, {}, "args.yaml"};
    f.sniff.firstColumn = {"epoch"};
    // Every Ultralytics task logs train/*_loss and metrics/* columns.
    f.sniff.prefixes = {"train/", "metrics/"};
    f.sniff.confidence = confidence::kCertain;
    f.table.stepColumns = {"epoch"};
    f.table.epochColumns = {"epoch"};
    return f;
}

CsvFormat yolov5Format() {
    CsvFormat f{"yolov5_txt", "YOLOv5 results.txt", {}, {}, {}, false};
    f.sniff.numericTable = false;
    f.sniff.headerless = true;
    f.sniff.minColumns = 10;  // enough to tell the layout from a two-column table.
    f.sniff.fileName = "results";
    // YOLOv5 v5.0 train.py writes `'%10s' * 2 + '%10.4g' * 6` then `'%10.4g' * 7` per epoch;
    // names follow the TensorBoard tags the same train.py logs. "" marks columns that are not
    // metrics: GPU memory ("2.19G"), the label count and image size of the last batch.
    f.table.columnNames = {"epoch",
                           "",
                           "train/box_loss",
                           "train/obj_loss",
                           "train/cls_loss",
                           "train/total_loss",
                           "",
                           "",
                           "metrics/precision",
                           "metrics/recall",
                           "metrics/mAP_0.5",
                           "metrics/mAP_0.5:0.95",
                           "val/box_loss",
                           "val/obj_loss",
                           "val/cls_loss"};
    f.table.dialect = CsvDialect{' ', true};
    f.table.stepColumns = {"epoch"};
    f.table.epochColumns = {"epoch"};
    return f;
}

CsvFormat timmFormat() {
    CsvFormat f{"timm_csv", "timm summary.csv", {}, {}, "args.yaml"};
    f.sniff.firstColumn = {"epoch"};
    f.sniff.prefixes = {"train_", "eval_"};
    f.sniff.forbidden = {"step", "global_step"};
    f.sniff.confidence = confidence::kLikely + 3;  // a Keras CSVLogger table with train_/eval_.
    f.sniff.fileName = "summary.csv";
    f.table.stepColumns = {"epoch"};
    f.table.epochColumns = {"epoch"};
    return f;
}

CsvFormat lightningFormat() {
    CsvFormat f{"lightning_csv", "PyTorch Lightning metrics.csv", {}, {}, "hparams.yaml"};
    // CSVLogger sorts the columns, so epoch and step can be anywhere; both are always there.
    f.sniff.required = {"epoch", "step"};
    f.sniff.minColumns = 3;
    f.sniff.confidence = confidence::kLikely + 5;
    f.sniff.fileName = "metrics.csv";
    f.table.stepColumns = {"step"};
    f.table.epochColumns = {"epoch"};
    return f;
}

CsvFormat kerasFormat() {
    CsvFormat f{"keras_csv", "Keras CSVLogger", {}, {}, {}, false};
    // CSVLogger writes "epoch" first, then the sorted log keys; a step column means another tool.
    f.sniff.firstColumn = {"epoch"};
    f.sniff.forbidden = {"step", "global_step"};
    f.sniff.minColumns = 2;
    f.table.stepColumns = {"epoch"};
    f.table.epochColumns = {"epoch"};
    f.table.missingIsGap = true;  // CSVLogger's `NA`: a key missing from that epoch's logs.
    return f;
}

CsvFormat pandasFormat() {
    CsvFormat f{"pandas_csv", "pandas DataFrame CSV", {}, {}, {}, false};
    // `to_csv` writes the index as a first column without a name; read back and written again,
    // the name is `Unnamed: 0`.
    f.sniff.firstColumn = {"", "Unnamed: 0"};
    f.table.stepColumns = {"Unnamed: 0"};
    f.table.epochColumns = {"epoch"};
    return f;
}

CsvFormat genericFormat() {
    CsvFormat f{"csv", "CSV/TSV table", {}, {}, {}, false};
    f.sniff.confidence = confidence::kGeneric;
    f.sniff.claimByName = true;
    f.table.stepColumns = kGenericSteps;
    f.table.epochColumns = {"epoch"};
    f.table.wallTimeColumns = {"wall_time", "walltime", "wall time", "timestamp"};
    return f;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool headMatches(const CsvSniffSpec& s, const CsvHead& head) {
    const std::vector<std::string>& h = head.header;
    if (s.numericTable && !isNumericCsvTable(head)) return false;
    if (s.headerless) {
        std::int64_t epoch = 0;
        if (!head.dialect.whitespace || h.empty() || !parseEpochFraction(h.front(), epoch) ||
            head.numericCellShare < 0.5)
            return false;
    }
    if (!s.exactHeader.empty() &&
        !std::equal(h.begin(), h.end(), s.exactHeader.begin(), s.exactHeader.end()))
        return false;
    if (h.size() < s.minColumns) return false;
    if (!s.firstColumn.empty() && (h.empty() || findColumn({h.front()}, s.firstColumn) != 0))
        return false;
    for (const std::string_view name : s.required)
        if (findColumn(h, {name}) < 0) return false;
    if (!s.forbidden.empty() && findColumn(h, s.forbidden) >= 0) return false;
    return std::all_of(s.prefixes.begin(), s.prefixes.end(), [&](std::string_view prefix) {
        return std::any_of(h.begin(), h.end(),
                           [&](const std::string& name) { return startsWith(name, prefix); });
    });
}

// "run-foo-tag-train_loss.csv" -> {"foo", "train_loss"}; "loss.csv" -> {"", "loss"}.
std::pair<std::string, std::string> tensorboardExportName(const std::string& path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    const auto tagAt = stem.rfind("-tag-");
    if (tagAt == std::string::npos) return {"", stem};
    std::string run = stem.substr(0, tagAt);
    if (startsWith(run, "run-") || startsWith(run, "run_")) run = run.substr(4);
    std::string tag = stem.substr(tagAt + 5);
    if (tag.empty()) tag = stem;
    return {run, tag};
}

// The registry asks each of the eight CSV formats in turn about the same head: it is analysed
// once per thread and head, not once per format (the analysis is a function of the bytes alone).
const CsvHead* analyzedHead(std::string_view head) {
    struct Memo {
        std::string bytes;
        bool valid = false;
        bool table = false;
        CsvHead head;
    };
    thread_local Memo memo;
    if (!memo.valid || memo.bytes != head) {
        memo.valid = false;
        memo.table = analyzeCsvHead(head, memo.head);
        memo.bytes.assign(head);
        memo.valid = true;
    }
    return memo.table ? &memo.head : nullptr;
}

class CsvFormatLoader final : public Loader {
public:
    explicit CsvFormatLoader(CsvFormat format) : m_f(std::move(format)) {}

    [[nodiscard]] std::string_view id() const override { return m_f.id; }
    [[nodiscard]] std::string_view description() const override { return m_f.description; }

    [[nodiscard]] int sniff(const SniffInput& input) const override {
        if (input.isDirectory) return confidence::kNone;
        const CsvSniffSpec& s = m_f.sniff;
        const CsvHead* head = analyzedHead(input.head);
        if (head != nullptr && headMatches(s, *head)) {
            const bool named = !s.fileName.empty() && startsWith(input.fileName, s.fileName);
            return named ? s.namedConfidence : s.confidence;
        }
        if (s.claimByName && !looksBinary(input.head) && !looksLikeJson(input.head) &&
            (endsWithNoCase(input.fileName, ".csv") || endsWithNoCase(input.fileName, ".tsv")))
            return confidence::kNameOnly;
        return confidence::kNone;
    }

    [[nodiscard]] bool streams() const override { return true; }

    [[nodiscard]] LoadResult load(const LoadInput& input) const override {
        if (!m_f.tensorboardExportName)
            return withHyperparameters(input, loadCsvTable(input, m_f.table));
        const auto [run, tag] = tensorboardExportName(input.path);
        CsvTableSpec spec = m_f.table;
        spec.renames = {{"Value", tag}};
        LoadResult result = loadCsvTable(input, spec);
        if (!result.runs.empty() && !run.empty() && run != ".") result.runs.front().name = run;
        return result;
    }

private:
    LoadResult withHyperparameters(const LoadInput& input, LoadResult result) const {
        if (result.runs.empty() || m_f.hyperparameterFile.empty() || !input.readBeside)
            return result;
        const std::filesystem::path yaml =
            std::filesystem::path(input.path).parent_path() / m_f.hyperparameterFile;
        result.runs.front().hyperparameters = readSimpleYamlFile(yaml.string());
        return result;
    }

    CsvFormat m_f;
};

}  // namespace

std::unique_ptr<Loader> makeTensorboardCsvLoader() {
    return std::make_unique<CsvFormatLoader>(tensorboardFormat());
}
std::unique_ptr<Loader> makeUltralyticsCsvLoader() {
    return std::make_unique<CsvFormatLoader>(ultralyticsFormat());
}
std::unique_ptr<Loader> makeYolov5ResultsLoader() {
    return std::make_unique<CsvFormatLoader>(yolov5Format());
}
std::unique_ptr<Loader> makeTimmSummaryLoader() {
    return std::make_unique<CsvFormatLoader>(timmFormat());
}
std::unique_ptr<Loader> makeLightningCsvLoader() {
    return std::make_unique<CsvFormatLoader>(lightningFormat());
}
std::unique_ptr<Loader> makeKerasCsvLoader() {
    return std::make_unique<CsvFormatLoader>(kerasFormat());
}
std::unique_ptr<Loader> makePandasCsvLoader() {
    return std::make_unique<CsvFormatLoader>(pandasFormat());
}
std::unique_ptr<Loader> makeGenericCsvLoader() {
    return std::make_unique<CsvFormatLoader>(genericFormat());
}

}  // namespace curvedoctor::core
