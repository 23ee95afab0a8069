#include "ui/models/group_controller.h"

#include <QRegularExpression>

#include "core/diagnosis.h"
#include "ui/chart/palette.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {

GroupController::GroupController(RunStore& store, QObject* parent)
    : QObject(parent), m_store(store) {
    connect(&m_store, &RunStore::runRemoved, this, &GroupController::onRunRemoved);
    connect(&m_store, &RunStore::runChanged, this, [this](int row) {
        // A reloaded member changes its group's findings.
        const int id = m_store.at(row).id;
        bool changed = false;
        for (RunGroup& g : m_groups)
            if (g.runIds.contains(id)) {
                diagnose(g);
                changed = true;
            }
        if (changed) Q_EMIT groupsChanged();
    });
    connect(&m_store, &RunStore::cleared, this, &GroupController::clear);
}

const RunGroup* GroupController::group(int id) const {
    for (const RunGroup& g : m_groups)
        if (g.id == id) return &g;
    return nullptr;
}

void GroupController::diagnose(RunGroup& g) const {
    std::vector<const core::Run*> runs;
    for (int id : g.runIds)
        if (const int row = m_store.rowOfId(id); row >= 0)
            runs.push_back(m_store.at(row).run.get());
    g.findings = core::diagnoseGroup(runs);
}

int GroupController::makeGroup(const QList<int>& runIds, const QString& name) {
    RunGroup g;
    for (const RunEntry& e : m_store.entries())  // store order, duplicates dropped
        if (runIds.contains(e.id)) g.runIds << e.id;
    if (g.runIds.isEmpty()) return 0;
    g.id = m_nextId++;
    g.name = name.isEmpty() ? tr("group %1").arg(g.id) : name;
    // Groups take the run palette from its far end so they stand apart from the first runs.
    g.color = runColor(runColorCount() - g.id);
    diagnose(g);
    m_groups << g;
    Q_EMIT groupsChanged();
    return g.id;
}

int GroupController::makeGroupFromRegex(const QString& pattern, const QString& name,
                                        QString* error) {
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid()) {
        if (error) *error = tr("invalid pattern: %1").arg(re.errorString());
        return 0;
    }
    QList<int> ids;
    for (const RunEntry& e : m_store.entries())
        if (re.match(e.name).hasMatch()) ids << e.id;
    if (ids.isEmpty()) {
        if (error) *error = tr("no run name matches '%1'").arg(pattern);
        return 0;
    }
    return makeGroup(ids, name.isEmpty() ? pattern : name);
}

void GroupController::removeGroup(int id) {
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups[i].id == id) {
            m_groups.removeAt(i);
            Q_EMIT groupsChanged();
            return;
        }
}

void GroupController::clear() {
    if (m_groups.isEmpty()) return;
    m_groups.clear();
    Q_EMIT groupsChanged();
}

void GroupController::onRunRemoved() {
    bool changed = false;
    for (auto i = m_groups.size() - 1; i >= 0; --i) {
        RunGroup& g = m_groups[i];
        const auto before = g.runIds.size();
        g.runIds.removeIf([this](int id) { return m_store.rowOfId(id) < 0; });
        if (g.runIds.size() == before) continue;
        changed = true;
        if (g.runIds.isEmpty()) {
            m_groups.removeAt(i);
        } else {
            diagnose(g);
        }
    }
    if (changed) Q_EMIT groupsChanged();
}

std::vector<GroupCurveInput> GroupController::curveInputs() const {
    std::vector<GroupCurveInput> out;
    for (const RunGroup& g : m_groups) {
        GroupCurveInput in{g.name, g.color, {}};
        for (int id : g.runIds)
            if (const int row = m_store.rowOfId(id); row >= 0)
                in.runs.push_back(m_store.at(row).run);
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace curvedoctor::ui
