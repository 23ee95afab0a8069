#include "ui/panels/recent_menu.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <utility>

namespace curvedoctor::ui {
namespace {
const QString kRecentKey = QStringLiteral("recent/paths");
}  // namespace

RecentMenu::RecentMenu(QMenu& menu, std::function<void(const QString&)> open, QObject* parent)
    : QObject(parent), m_menu(menu), m_open(std::move(open)) {
    rebuild();
}

QStringList RecentMenu::paths() {
    return QSettings().value(kRecentKey).toStringList();
}

void RecentMenu::add(const QStringList& opened) {
    QStringList recent = paths();
    for (const QString& p : opened) {
        recent.removeAll(p);
        recent.prepend(p);
    }
    while (recent.size() > kMaxRecent) recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    rebuild();
}

void RecentMenu::rebuild() {
    m_menu.clear();
    const QStringList recent = paths();
    for (int i = 0; i < recent.size(); ++i) {
        const QString& path = recent[i];
        const QString label =
            QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path));
        QAction* a = m_menu.addAction(label, this, [this, path] { m_open(path); });
        a->setEnabled(QFileInfo::exists(path));
    }
    if (!recent.isEmpty()) {
        m_menu.addSeparator();
        m_menu.addAction(tr("Clear Recent"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuild();
        });
    }
    m_menu.setEnabled(!recent.isEmpty());
}

}  // namespace curvedoctor::ui
