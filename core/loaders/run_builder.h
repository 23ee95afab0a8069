#pragma once
/// \file run_builder.h
/// Builds a Run point by point for the loaders: finds a series by name quickly, keeps the
/// optional epoch and wall-time columns consistent with Series' rules, notices steps that repeat
/// or go back (keeping every point), and caps the number of warnings so a damaged file cannot
/// flood the user.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/run.h"

namespace curvedoctor::core {

class RunBuilder {
public:
    /// An epoch or wall time the log did not give.
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    RunBuilder() = default;
    /// Continues `existing`: points added go after its points (each series' step-order check
    /// continues from its last step), new series may appear, and finish() returns the longer run.
    /// Its warnings count towards the caps. Used to follow a log that grows.
    explicit RunBuilder(Run existing);
    RunBuilder(const RunBuilder&) = delete;
    RunBuilder& operator=(const RunBuilder&) = delete;

    /// Index of the series called `name`, created (empty) on first use. Indexes are stable.
    std::size_t series(std::string_view name);
    /// Name of the series at `index`.
    [[nodiscard]] const std::string& seriesName(std::size_t index) const {
        return m_slots[index].name;
    }

    /// Appends one point. `epoch` and `wallTime` are NaN when unknown. `line` (1-based, 0 when
    /// not a text position) and `byteOffset` (-1 when unknown) locate the point for warnings.
    void add(std::size_t index, std::int64_t step, double value, double epoch, double wallTime,
             std::int64_t line, std::int64_t byteOffset);

    /// Tables: starts a row at `step` (text line `line`) with the row's `epoch` and `wallTime`
    /// (NaN when unknown); addToRow() puts points on it. Series that have points on the same
    /// rows (a Lightning log's train metrics, on every row but the validation ones) share one
    /// step column, one epoch column and one wall-time column while the table loads (a 5-metric
    /// table costs 9.6 bytes per point instead of 16, 11.2 instead of 24 with epochs); a series
    /// that misses a row of its group goes on with columns of its own.
    void beginRow(std::int64_t step, std::int64_t line, double epoch = kUnknown,
                  double wallTime = kUnknown) {
        ++m_row;
        m_rowStep = step;
        m_rowLine = line;
        m_rowEpoch = epoch;
        m_rowWallTime = wallTime;
    }
    /// Appends one point on the current row (see beginRow()). Always inlined: called once per
    /// cell of a table, and the loaders' row loops are too big for the compiler to inline it.
    [[gnu::always_inline]] void addToRow(std::size_t index, double value) {
        Slot& slot = m_slots[index];
        if (slot.group != kNoGroup) {
            RowGroup& g = m_groups[slot.group];
            const std::size_t n = slot.data->values.size();
            // On every row of its group so far: the group's columns are its steps and axes.
            if (g.lastRow == m_row ? n + 1 == g.rows : n == g.rows) {
                if (g.lastRow != m_row) pushGroupRow(g);
                if (g.goesBack && n > 0) groupGoesBack(slot, g);
                slot.data->values.push_back(value);
                ++m_points;
                return;
            }
        }
        addOffGroup(slot, value);
    }
    /// True while two or more series share the columns of their rows: rows still save memory.
    [[nodiscard]] bool rowsShared() const;

    /// Reserves room in every series for `factor` times its current points (capped so that no
    /// series reserves more than `maxPoints`). Loaders call it once, early, with
    /// bytes total / bytes read: growing vectors point by point costs more than parsing.
    void expectGrowth(double factor, std::size_t maxPoints);

    /// Adds a warning. Each code lists at most `info(code).listed` per run (load_warning.h); the
    /// rest are counted and summarised by finish() in one line per code. `file` names the file
    /// inside a folder the warning is about (empty: the run's source).
    void warn(LoadWarningCode code, std::int64_t line, std::int64_t byteOffset, std::string message,
              std::string file = {});
    /// True when a warning of `code` would still be listed (false: only counted).
    [[nodiscard]] bool wouldList(LoadWarningCode code) const {
        return m_tally[static_cast<std::size_t>(code)].listed < info(code).listed;
    }
    /// Counts `n` warnings of `code` that are not listed (the loader kept no details of them).
    void countUnlisted(LoadWarningCode code, std::size_t n);
    /// Steps that repeat are expected (a step counter coarser than the logging, as text logs
    /// that count epochs, or a table's step column); only steps that go back are warned about.
    void allowRepeatedSteps() { m_repeatsAllowed = true; }
    /// Text put before every step-order warning, and its file: the event file inside a folder.
    void setContext(std::string context) { m_context = std::move(context); }
    [[nodiscard]] std::size_t pointCount() const { return m_points; }
    [[nodiscard]] std::size_t seriesCount() const { return m_slots.size(); }

    /// The run being built (name, hyperparameters and warnings may be set directly).
    [[nodiscard]] Run& run() { return m_run; }

    /// Finishes the run: drops epoch/wall-time columns that stayed all-NaN, adds the summary of
    /// warnings beyond the caps, assigns the metrics' roles (assignRoles) and hands the run over.
    /// The builder is empty afterwards.
    [[nodiscard]] Run finish();

private:
    static constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);
    struct Slot {
        std::string name;
        Series* data = nullptr;
        std::vector<std::int64_t>* steps = nullptr;  // data->steps, written directly,
        std::vector<double>* epochs = nullptr;       // and its epochs and wall times once
        std::vector<double>* wallTimes = nullptr;    // they start (none while in a group).
        std::int64_t lastStep = 0;
        std::size_t group = kNoGroup;  // its rows' columns, filled in by finish().
        bool fresh = false;            // no point yet: its first row decides its group.
    };
    // The rows that some series all have points on: their steps, and their epochs and wall
    // times from the first row that knew one (NaN before it; empty until then). Appended packed
    // (PackedColumn::append): steps and epochs that run in progressions cost nothing per row.
    struct RowGroup {
        StepColumn steps;
        PackedColumn<double> epochs;
        PackedColumn<double> wallTimes;
        std::size_t rows = 0;
        std::size_t epochsFrom = 0;     // the first row with a known epoch (rows: none yet),
        std::size_t wallTimesFrom = 0;  // and wall time.
        std::int64_t lastStep = 0;      // the steps of its last two rows.
        std::int64_t stepBefore = 0;
        std::int64_t lastRow = -1;  // the row its last entry is of.
        std::size_t members = 0;
        bool goesBack = false;  // its last entry's step is out of order after the one before.
    };
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    void checkOrder(Slot& slot, std::int64_t step, std::int64_t line, std::int64_t byteOffset);
    void pushValue(Slot& slot, double value, double epoch, double wallTime);
    void pushGroupRow(RowGroup& g);
    void groupGoesBack(Slot& slot, const RowGroup& g);
    void addOffGroup(Slot& slot, double value);
    void leaveGroup(Slot& slot);
    void shareGroupColumns();

    Run m_run;
    std::vector<Slot> m_slots;
    std::vector<RowGroup> m_groups;
    std::size_t m_freshGroup = kNoGroup;  // the group begun by the series new on its first row,
    std::int64_t m_freshGroupRow = -1;    // that row.
    std::int64_t m_row = -1;              // index of the current row.
    std::int64_t m_rowStep = 0;
    std::int64_t m_rowLine = 0;
    double m_rowEpoch = kUnknown;
    double m_rowWallTime = kUnknown;
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_index;
    std::string m_context;
    std::size_t m_points = 0;
    bool m_repeatsAllowed = false;
    std::int64_t m_lastOrderLine = -1;
    std::int64_t m_lastOrderOffset = -2;
    struct Tally {
        std::size_t listed = 0;
        std::size_t unlisted = 0;
    };
    std::vector<Tally> m_tally = std::vector<Tally>(loadWarningCodes().size());
};

}  // namespace curvedoctor::core
