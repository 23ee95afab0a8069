#include "ui/run_store.h"

#include "ui/chart/palette.h"

#include <algorithm>
#include <utility>

namespace curvedoctor::ui {

int RunStore::rowOfId(int id) const {
    for (int i = 0; i < count(); ++i)
        if (at(i).id == id) return i;
    return -1;
}

int RunStore::rowOfSource(const QString& source) const {
    for (int i = 0; i < count(); ++i)
        if (QString::fromStdString(at(i).run->source) == source) return i;
    return -1;
}

QString RunStore::uniqueName(const QString& wanted, int exceptRow) const {
    QString base = wanted.isEmpty() ? QStringLiteral("run") : wanted;
    auto taken = [&](const QString& n) {
        for (int i = 0; i < count(); ++i)
            if (i != exceptRow && at(i).name == n) return true;
        return false;
    };
    if (!taken(base)) return base;
    for (int k = 2;; ++k) {
        QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(k);
        if (!taken(candidate)) return candidate;
    }
}

int RunStore::add(core::RunPtr run, core::RunDiagnosis diagnosis) {
    RunEntry e;
    e.name = uniqueName(QString::fromStdString(run->name), -1);
    e.run = std::move(run);
    e.diagnosis = std::move(diagnosis);
    QList<QColor> taken;
    for (const RunEntry& other : m_entries) taken << other.color;
    e.color = runColorForName(e.name, taken);
    e.id = m_nextId++;
    m_entries.push_back(std::move(e));
    Q_EMIT runAdded(count() - 1);
    return count() - 1;
}

void RunStore::replace(int row, core::RunPtr run, core::RunDiagnosis diagnosis) {
    auto& e = m_entries.at(static_cast<std::size_t>(row));
    e.run = std::move(run);
    e.diagnosis = std::move(diagnosis);
    Q_EMIT runChanged(row);
}

namespace {

bool sameFindingKinds(const core::RunDiagnosis& a, const core::RunDiagnosis& b) {
    return std::equal(a.findings.begin(), a.findings.end(), b.findings.begin(), b.findings.end(),
                      [](const core::Finding& x, const core::Finding& y) {
                          return x.kind == y.kind && x.metric == y.metric &&
                                 x.severity == y.severity;
                      });
}

}  // namespace

void RunStore::update(const std::vector<RunUpdate>& updates) {
    QList<int> rows;
    QList<int> changed;
    for (const RunUpdate& u : updates) {
        if (u.row < 0 || u.row >= count()) continue;
        RunEntry& e = m_entries[static_cast<std::size_t>(u.row)];
        bool listed = false;
        if (u.run) {
            // New points of a followed run: its prepared curves are extended, not redone.
            m_curveCache->carryOver(e.run, u.run);
            e.run = u.run;
        }
        if (u.diagnosis) {
            listed = !sameFindingKinds(e.diagnosis, *u.diagnosis);
            e.diagnosis = *u.diagnosis;
        }
        if (u.gone && *u.gone != e.gone) {
            e.gone = *u.gone;
            listed = true;
        }
        if (!rows.contains(u.row)) rows << u.row;
        if (listed && !changed.contains(u.row)) changed << u.row;
    }
    if (!rows.isEmpty()) Q_EMIT runsUpdated(rows);
    if (!changed.isEmpty()) Q_EMIT findingsChanged(changed);
}

void RunStore::remove(int row) {
    if (row < 0 || row >= count()) return;
    Q_EMIT runAboutToBeRemoved(row);
    m_entries.erase(m_entries.begin() + row);
    Q_EMIT runRemoved(row);
}

void RunStore::clear() {
    m_entries.clear();
    Q_EMIT cleared();
}

void RunStore::setVisible(int row, bool visible) {
    auto& e = m_entries.at(static_cast<std::size_t>(row));
    if (e.visible == visible) return;
    e.visible = visible;
    Q_EMIT runChanged(row);
}

void RunStore::setAllVisible(const std::vector<bool>& visible) {
    bool changed = false;
    for (std::size_t i = 0; i < m_entries.size() && i < visible.size(); ++i)
        changed = std::exchange(m_entries[i].visible, visible[i]) != visible[i] || changed;
    if (changed) Q_EMIT shownChanged();
}

void RunStore::setFilteredOut(const std::vector<bool>& out) {
    bool changed = false;
    for (std::size_t i = 0; i < m_entries.size() && i < out.size(); ++i)
        changed = std::exchange(m_entries[i].filteredOut, out[i]) != out[i] || changed;
    if (changed) Q_EMIT shownChanged();
}

void RunStore::setColor(int row, const QColor& color) {
    auto& e = m_entries.at(static_cast<std::size_t>(row));
    if (e.color == color) return;
    e.color = color;
    Q_EMIT runChanged(row);
}

QString RunStore::rename(int row, const QString& name) {
    auto& e = m_entries.at(static_cast<std::size_t>(row));
    QString unique = uniqueName(name.trimmed(), row);
    if (unique != e.name) {
        e.name = unique;
        Q_EMIT runChanged(row);
    }
    return unique;
}

}  // namespace curvedoctor::ui
