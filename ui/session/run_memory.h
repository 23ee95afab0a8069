#pragma once
/// \file run_memory.h
/// What the window remembers about runs between launches, keyed by each run's source path in
/// the application's QSettings: its colour, whether it was hidden, and the groups it was in.
/// save() records the open runs (the window calls it when it closes); a run opened again
/// gets its colour and visibility back as it arrives, and a remembered group is made again
/// when loading ends with all its runs open.

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <optional>
#include <string>

namespace curvedoctor::ui {

class GroupController;
class LoadController;
class RunStore;

class RunMemory : public QObject {
    Q_OBJECT
public:
    /// Groups are recalled each time `loader` becomes idle; a window constructs this before
    /// anything else that reacts to that (SessionController), which then has the last word.
    RunMemory(RunStore& store, GroupController& groups, LoadController& loader,
              QObject* parent = nullptr);

    /// Records every open run's colour and visibility and the current groups.
    void save();
    /// At most this many groups are remembered (the newest).
    static constexpr int kMaxGroups = 100;
    /// At most this many runs are remembered: the open ones, then the most recently saved.
    static constexpr int kMaxRuns = 5000;

private:
    void recall(int row);
    void recallGroups();
    /// The remembered entry of `source`, or null. The remembered runs are read from the
    /// settings once and kept until loading ends (a QSettings lookup per arriving run cost
    /// about 7 ms each with 1,000 runs remembered: seconds for a sweep).
    const QVariantMap* savedFor(const std::string& source);

    RunStore& m_store;
    GroupController& m_groups;
    std::optional<QHash<QString, QVariantMap>> m_saved;  ///< by settings key, while loading
};

}  // namespace curvedoctor::ui
