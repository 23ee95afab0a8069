#pragma once
/// \file run_store.h
/// The runs open in a window, with their diagnosis and how each is shown. Panels read it and
/// listen to its signals; only the main window and its controllers change it.

#include <QColor>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/finding.h"
#include "core/plot/curve_cache.h"
#include "core/run.h"

namespace curvedoctor::ui {

struct RunEntry {
    core::RunPtr run;              ///< immutable, shared with worker threads.
    core::RunDiagnosis diagnosis;  ///< computed once per load, off the GUI thread.
    QString name;                  ///< unique among open runs; user may rename.
    QColor color;
    bool visible = true;
    int id = 0;  ///< stable across removals of other runs.
    /// Left out by the window's run filter (name, finding kind, hyperparameter); see RunFilter.
    bool filteredOut = false;
    /// Its file was deleted while followed: `run` is what was loaded before.
    bool gone = false;
    /// Drawn, compared, reported: visible and not filtered out.
    [[nodiscard]] bool shown() const { return visible && !filteredOut; }
};

class RunStore : public QObject {
    Q_OBJECT
public:
    explicit RunStore(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] int count() const { return static_cast<int>(m_entries.size()); }
    [[nodiscard]] const RunEntry& at(int row) const {
        return m_entries.at(static_cast<std::size_t>(row));
    }
    [[nodiscard]] const std::vector<RunEntry>& entries() const { return m_entries; }
    /// Row of the run with this id, or -1.
    [[nodiscard]] int rowOfId(int id) const;
    /// Row of the run loaded from this source path, or -1.
    [[nodiscard]] int rowOfSource(const QString& source) const;

    /// Adds a run with the next palette colour and a name made unique ("run", "run (2)").
    /// Returns its row. Emits runAdded.
    int add(core::RunPtr run, core::RunDiagnosis diagnosis);
    /// Replaces the run at `row` (reload), keeping its colour, name and visibility.
    void replace(int row, core::RunPtr run, core::RunDiagnosis diagnosis);
    /// What following a run changed: new data, a new diagnosis, or its file gone.
    struct RunUpdate {
        int row = -1;
        core::RunPtr run;                             ///< null: the run is unchanged
        std::optional<core::RunDiagnosis> diagnosis;  ///< empty: unchanged
        std::optional<bool> gone;                     ///< empty: unchanged
    };
    /// Applies a batch of updates of followed runs. Emits runsUpdated once for the batch, and
    /// findingsChanged once for the rows whose findings (kind, metric, severity) or gone mark
    /// changed: panels that list findings refresh when there is something new to list, not on
    /// each appended row, and nothing that runChanged rebuilds at once runs per batch.
    void update(const std::vector<RunUpdate>& updates);
    /// Draws attention to the run at `row` (a finding newly appeared while it was followed):
    /// emits runAnnounced; the run list flashes its badge.
    void announce(int row) { Q_EMIT runAnnounced(row); }
    /// No more runs are on their way: the last load job ended and none waits behind it
    /// (LoadController). Emits loadEnded.
    void endLoad() { Q_EMIT loadEnded(); }
    void remove(int row);
    void clear();

    void setVisible(int row, bool visible);
    /// Visibility of every run at once (`visible[row]`); emits shownChanged once.
    void setAllVisible(const std::vector<bool>& visible);
    /// Which runs the filter leaves out (`out[row]`); emits shownChanged once if any changed.
    void setFilteredOut(const std::vector<bool>& out);
    void setColor(int row, const QColor& color);
    /// Renames; a name already used by another run gets a suffix. Returns the name given.
    QString rename(int row, const QString& name);

    /// The smoothed curves and decimation indices of these runs, shared by every view of the
    /// window (charts, side-by-side grid, group charts) so one smoothing change smooths each
    /// series once.
    [[nodiscard]] std::shared_ptr<core::CurveCache> curveCache() const { return m_curveCache; }

Q_SIGNALS:
    void runAdded(int row);
    void runAboutToBeRemoved(int row);
    void runRemoved(int row);
    /// Colour, name or visibility changed, or the run was reloaded.
    void runChanged(int row);
    void cleared();
    void runAnnounced(int row);
    /// Loading is over until the next open or reload (see endLoad()).
    void loadEnded();
    /// New points (or a diagnosis with moved step ranges) in these rows, from following them.
    void runsUpdated(const QList<int>& rows);
    /// Followed runs whose findings or gone mark changed (see update()).
    void findingsChanged(const QList<int>& rows);
    /// Visibility or filtering of several runs changed at once (show all, a new filter).
    void shownChanged();

private:
    [[nodiscard]] QString uniqueName(const QString& wanted, int exceptRow) const;
    std::vector<RunEntry> m_entries;
    int m_nextId = 1;
    std::shared_ptr<core::CurveCache> m_curveCache = std::make_shared<core::CurveCache>();
};

}  // namespace curvedoctor::ui
