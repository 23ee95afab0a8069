#include "ui/session/run_memory.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <QSettings>
#include <QVariantMap>
#include <algorithm>

#include "ui/load_controller.h"
#include "ui/models/group_controller.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

const QString kGroup = QStringLiteral("runMemory");
const QString kGroupsKey = QStringLiteral("runMemory/groups");
const QString kRunPrefix = QStringLiteral("run-");
const QString kSavedAt = QStringLiteral("savedAt");

/// The key of a run within the group: QSettings keys treat '/' as a separator and may be
/// length-limited, so the path's hash.
QString runName(const std::string& source) {
    return kRunPrefix +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray::fromStdString(source), QCryptographicHash::Sha1)
                   .toHex());
}

QString runKey(const std::string& source) {
    return kGroup + QLatin1Char('/') + runName(source);
}

/// Leaves at most `limit` remembered runs: those saved longest ago go first (entries of
/// versions that did not record when count as oldest); `keep` (the open runs) stay.
void forgetOldest(QSettings& s, const QSet<QString>& keep, int limit) {
    s.beginGroup(kGroup);
    QList<std::pair<qint64, QString>> others;
    int runs = 0;
    for (const QString& key : s.childKeys()) {
        if (!key.startsWith(kRunPrefix)) continue;
        ++runs;
        if (!keep.contains(key))
            others.append({s.value(key).toMap().value(kSavedAt).toLongLong(), key});
    }
    if (runs > limit) {
        std::sort(others.begin(), others.end());
        for (qsizetype i = 0; i < others.size() && runs > limit; ++i, --runs)
            s.remove(others[i].second);
    }
    s.endGroup();
}

QString sourceOf(const RunEntry& e) {
    return QString::fromStdString(e.run->source);
}

}  // namespace

RunMemory::RunMemory(RunStore& store, GroupController& groups, LoadController& loader,
                     QObject* parent)
    : QObject(parent), m_store(store), m_groups(groups) {
    connect(&m_store, &RunStore::runAdded, this, &RunMemory::recall);
    // A group comes back when its last run is in: checked once loading is done.
    connect(&loader, &LoadController::busyChanged, this, [this](bool busy) {
        if (busy) return;
        recallGroups();
        m_saved.reset();  // read again for the next load: another window may have saved since
    });
}

void RunMemory::save() {
    m_saved.reset();
    QSettings s;
    QStringList open;
    QSet<QString> openKeys;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const RunEntry& e : m_store.entries()) {
        open << sourceOf(e);
        openKeys.insert(runName(e.run->source));
        s.setValue(runKey(e.run->source),
                   QVariantMap{{QStringLiteral("path"), sourceOf(e)},
                               {QStringLiteral("color"), e.color.name(QColor::HexRgb)},
                               {QStringLiteral("visible"), e.visible},
                               {kSavedAt, now}});
    }
    forgetOldest(s, openKeys, kMaxRuns);
    // The groups of this window, then the remembered ones of runs not open now.
    QVariantList groups;
    for (const RunGroup& g : m_groups.groups()) {
        QStringList paths;
        for (const int id : g.runIds)
            if (const int row = m_store.rowOfId(id); row >= 0) paths << sourceOf(m_store.at(row));
        groups << QVariantMap{{QStringLiteral("name"), g.name}, {QStringLiteral("paths"), paths}};
    }
    for (const QVariant& v : s.value(kGroupsKey).toList()) {
        const QStringList paths = v.toMap().value(QStringLiteral("paths")).toStringList();
        const bool touchesOpen = std::any_of(paths.begin(), paths.end(),
                                             [&](const QString& p) { return open.contains(p); });
        if (!touchesOpen && groups.size() < kMaxGroups) groups << v;
    }
    s.setValue(kGroupsKey, groups);
}

const QVariantMap* RunMemory::savedFor(const std::string& source) {
    if (!m_saved) {
        m_saved.emplace();
        QSettings s;
        s.beginGroup(kGroup);
        for (const QString& key : s.childKeys())
            if (key.startsWith(kRunPrefix)) m_saved->insert(key, s.value(key).toMap());
    }
    const auto it = m_saved->constFind(runName(source));
    return it != m_saved->constEnd() ? &it.value() : nullptr;
}

void RunMemory::recall(int row) {
    const RunEntry& e = m_store.at(row);
    const QVariantMap* saved = savedFor(e.run->source);
    if (!saved || saved->value(QStringLiteral("path")).toString() != sourceOf(e)) return;
    const QColor color(saved->value(QStringLiteral("color")).toString());
    if (color.isValid() && color != e.color) m_store.setColor(row, color);
    if (!saved->value(QStringLiteral("visible"), true).toBool()) m_store.setVisible(row, false);
}

void RunMemory::recallGroups() {
    for (const QVariant& v : QSettings().value(kGroupsKey).toList()) {
        const QVariantMap g = v.toMap();
        const QString name = g.value(QStringLiteral("name")).toString();
        QList<int> ids;
        bool allOpen = true;
        for (const QString& path : g.value(QStringLiteral("paths")).toStringList()) {
            const int row = m_store.rowOfSource(path);
            allOpen = allOpen && row >= 0;
            if (row >= 0) ids << m_store.at(row).id;
        }
        if (!allOpen || ids.isEmpty()) continue;  // a member is not open (yet)
        const bool made = std::any_of(
            m_groups.groups().begin(), m_groups.groups().end(), [&](const RunGroup& open) {
                return open.name == name && QSet<int>(open.runIds.begin(), open.runIds.end()) ==
                                                QSet<int>(ids.begin(), ids.end());
            });
        if (!made) m_groups.makeGroup(ids, name);
    }
}

}  // namespace curvedoctor::ui
