#include "core/load_warning.h"

#include <array>

namespace curvedoctor::core {
namespace {

using C = LoadWarningCode;
constexpr std::size_t kListed = 20;

constexpr std::array<LoadWarningInfo, 16> kTable{{
    {C::Other, "other", "the loader recovered from a problem", kListed,
     "more warnings like the ones above"},
    {C::StepOrder, "step_order", "steps repeat or go back; every point is kept", 5,
     "more places where steps repeat or go back; every point is kept"},
    {C::NoStep, "no_step", "a row without a usable step is skipped", kListed,
     "more rows without a usable step skipped (not listed)"},
    {C::FractionalStep, "fractional_step", "fractional steps are rounded", kListed,
     "more warnings like the ones above"},
    {C::NotANumber, "not_a_number", "a value that is not a number is skipped", kListed,
     "more non-numeric cells skipped (not listed)"},
    {C::TextColumn, "text_column", "a column holds text, not numbers; not loaded", kListed,
     "more columns of text not loaded"},
    {C::DuplicateColumn, "duplicate_column", "a column name appears more than once", kListed,
     "more duplicate column names renamed"},
    {C::ExtraFields, "extra_fields", "a row has more fields than the header; extra fields ignored",
     kListed, "more rows with extra fields (not listed)"},
    {C::UnreadableRecord, "unreadable_record", "a line or record that cannot be read is skipped",
     kListed, "more unreadable lines or records skipped (not listed)"},
    {C::CutShort, "cut_short", "the last line or record is cut short (still being written?)",
     kListed, "more cut-short records"},
    {C::ChangedWhileRead, "changed_while_read", "the file changed while it was read", kListed,
     "more files changed while they were read"},
    {C::UnfinishedEpoch, "unfinished_epoch", "an epoch did not finish; skipped", kListed,
     "more unfinished epochs skipped"},
    {C::Traceback, "traceback", "the log holds a Python traceback", kListed, "more tracebacks"},
    {C::NoValues, "no_values", "no numeric values to plot", kListed, "more files without values"},
    {C::FileSkipped, "file_skipped", "a file of the folder is left out", kListed,
     "more files left out (not listed)"},
    {C::Assumption, "assumption", "a value the log did not give was assumed", kListed,
     "more assumptions"},
}};

static_assert([] {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].code) != i) return false;
    return true;
}());

constexpr std::array<SkipReasonInfo, 3> kSkipReasons{{
    {SkipReason::Empty, "empty", "empty"},
    {SkipReason::Binary, "binary", "binary, not text"},
    {SkipReason::NoTrainingLog, "no_training_log", "no training log found"},
}};

static_assert([] {
    for (std::size_t i = 0; i < kSkipReasons.size(); ++i)
        if (static_cast<std::size_t>(kSkipReasons[i].reason) != i) return false;
    return true;
}());

}  // namespace

std::span<const LoadWarningInfo> loadWarningCodes() {
    return kTable;
}

const LoadWarningInfo& info(LoadWarningCode code) {
    return kTable[static_cast<std::size_t>(code)];
}

const SkipReasonInfo& info(SkipReason reason) {
    return kSkipReasons[static_cast<std::size_t>(reason)];
}

std::string_view toString(LoadWarningCode code) {
    return info(code).id;
}

std::optional<LoadWarningCode> loadWarningCodeFromId(std::string_view id) {
    for (const auto& row : kTable)
        if (row.id == id) return row.code;
    return std::nullopt;
}

}  // namespace curvedoctor::core
