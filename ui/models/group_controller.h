#pragma once
/// \file group_controller.h
/// Run groups (repeated seeds of one configuration): made from selected runs or a name regex,
/// kept in step with the RunStore (a removed run leaves its groups; an emptied group goes),
/// each with the doctor's group findings (core::diagnoseGroup: hard_to_converge).

#include <QColor>
#include <QList>
#include <QObject>
#include <QString>
#include <vector>

#include "core/finding.h"
#include "ui/chart/group_chart.h"

namespace curvedoctor::ui {

class RunStore;

struct RunGroup {
    int id = 0;
    QString name;
    QColor color;
    QList<int> runIds;  ///< RunEntry ids, in store order.
    std::vector<core::Finding> findings;
};

class GroupController : public QObject {
    Q_OBJECT
public:
    explicit GroupController(RunStore& store, QObject* parent = nullptr);

    [[nodiscard]] const QList<RunGroup>& groups() const { return m_groups; }
    /// Group by id, or null.
    [[nodiscard]] const RunGroup* group(int id) const;

    /// Makes a group of these runs (unknown ids are ignored). Fewer than one known run: no
    /// group, returns 0. Otherwise returns the new group's id. An empty name becomes
    /// "group N".
    int makeGroup(const QList<int>& runIds, const QString& name = {});
    /// Makes a group of every run whose name matches `pattern` (case-insensitive, anywhere
    /// in the name). Returns 0 and sets `error` when the pattern is invalid or matches nothing.
    int makeGroupFromRegex(const QString& pattern, const QString& name = {},
                           QString* error = nullptr);
    void removeGroup(int id);
    void clear();

    /// The groups as the group chart and the report take them.
    [[nodiscard]] std::vector<GroupCurveInput> curveInputs() const;

Q_SIGNALS:
    void groupsChanged();

private:
    void onRunRemoved();
    void diagnose(RunGroup& g) const;

    RunStore& m_store;
    QList<RunGroup> m_groups;
    int m_nextId = 1;
};

}  // namespace curvedoctor::ui
