#include "ui/session/run_memory.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSettings>
#include <QVariantMap>
#include <algorithm>

#include "ui/load_controller.h"
#include "ui/models/group_controller.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

const QString kGroupsKey = QStringLiteral("runMemory/groups");

/// QSettings keys treat '/' as a separator and may be length-limited: the path's hash.
QString runKey(const std::string& source) {
    return QStringLiteral("runMemory/run-") +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray::fromStdString(source), QCryptographicHash::Sha1)
                   .toHex());
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
        if (!busy) recallGroups();
    });
}

void RunMemory::save() const {
    QSettings s;
    QStringList open;
    for (const RunEntry& e : m_store.entries()) {
        open << sourceOf(e);
        s.setValue(runKey(e.run->source),
                   QVariantMap{{QStringLiteral("path"), sourceOf(e)},
                               {QStringLiteral("color"), e.color.name(QColor::HexRgb)},
                               {QStringLiteral("visible"), e.visible}});
    }
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

void RunMemory::recall(int row) {
    const RunEntry& e = m_store.at(row);
    const QVariantMap saved = QSettings().value(runKey(e.run->source)).toMap();
    if (saved.value(QStringLiteral("path")).toString() != sourceOf(e)) return;
    const QColor color(saved.value(QStringLiteral("color")).toString());
    if (color.isValid() && color != e.color) m_store.setColor(row, color);
    if (!saved.value(QStringLiteral("visible"), true).toBool()) m_store.setVisible(row, false);
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
