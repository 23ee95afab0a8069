#pragma once
/// \file load_warning.h
/// What a loader noticed but could recover from, typed: every kind of load warning is defined
/// once, with a stable id (the `code` in `inspect --json`), a default text for people and how
/// many of it a run lists before the rest are only counted (core/loaders/run_builder.h caps them).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace curvedoctor::core {

enum class LoadWarningCode : std::uint8_t {
    Other,
    StepOrder,         ///< steps repeat or go back.
    NoStep,            ///< a row, line or entry without a usable step.
    FractionalStep,    ///< steps rounded to whole numbers.
    NotANumber,        ///< a cell or value that is not a number.
    TextColumn,        ///< a column that holds only text.
    DuplicateColumn,   ///< a column name given twice.
    ExtraFields,       ///< a row with more fields than the header.
    UnreadableRecord,  ///< a line or record that cannot be read.
    CutShort,          ///< the last line or record is incomplete (still being written?).
    ChangedWhileRead,  ///< the file changed while it was read.
    UnfinishedEpoch,   ///< an epoch with progress updates only.
    Traceback,         ///< a Python traceback in the log.
    NoValues,          ///< nothing numeric to plot.
    FileSkipped,       ///< a file of a folder left out.
    Assumption,        ///< a value the log did not give was assumed.
};

struct LoadWarningInfo {
    LoadWarningCode code;
    std::string_view id;           ///< stable JSON id, snake_case: "step_order", ...
    std::string_view defaultText;  ///< what it means, for people.
    std::size_t listed;            ///< listed per run; the rest are counted in one line.
    std::string_view more;         ///< that line, after the count: "more places where ...".
};

/// Every code, in enum order (`loadWarningCodes()[i].code == LoadWarningCode(i)`).
[[nodiscard]] std::span<const LoadWarningInfo> loadWarningCodes();
/// The table row of `code`.
[[nodiscard]] const LoadWarningInfo& info(LoadWarningCode code);
/// The stable JSON id of `code`.
[[nodiscard]] std::string_view toString(LoadWarningCode code);
/// The code whose id is `id`; nullopt for an unknown id.
[[nodiscard]] std::optional<LoadWarningCode> loadWarningCodeFromId(std::string_view id);

/// Why a folder walk left a file out (core/folder_walker.cpp), typed like the warning codes.
enum class SkipReason : std::uint8_t {
    Empty,          ///< the file has no bytes.
    Binary,         ///< its first bytes hold NUL bytes: not text.
    NoTrainingLog,  ///< text, but no loader recognised a training log in it.
};

struct SkipReasonInfo {
    SkipReason reason;
    std::string_view id;    ///< stable snake_case id: "empty", "binary", "no_training_log".
    std::string_view text;  ///< for people, after the file's name: "a.csv (empty)".
};

/// The table row of `reason`.
[[nodiscard]] const SkipReasonInfo& info(SkipReason reason);

/// A file a folder walk left out: the folder as opened, the file's path inside it (with '/'),
/// and why.
struct SkippedFile {
    std::string folder;
    std::string file;
    SkipReason reason = SkipReason::NoTrainingLog;
};

/// Something a loader noticed but could recover from. `line` is 1-based (0 = not a text
/// position); `byteOffset` is -1 when it does not apply; `file` names the file inside a folder
/// the warning is about (empty: the run's source itself).
struct LoadWarning {
    std::int64_t line = 0;
    std::int64_t byteOffset = -1;
    std::string message;
    LoadWarningCode code = LoadWarningCode::Other;
    std::string file;
};

}  // namespace curvedoctor::core
