#pragma once
/// \file recent_menu.h
/// File > Open Recent: the paths opened last (most recent first, at most kMaxRecent),
/// persisted in QSettings. Paths that no longer exist stay listed, disabled.

#include <QObject>
#include <QStringList>
#include <functional>

class QMenu;

namespace curvedoctor::ui {

class RecentMenu : public QObject {
    Q_OBJECT
public:
    /// Fills `menu` (owned by the caller); choosing an entry calls `open` with its path.
    RecentMenu(QMenu& menu, std::function<void(const QString&)> open, QObject* parent);

    static constexpr int kMaxRecent = 10;
    /// Most recent first, as persisted.
    [[nodiscard]] static QStringList paths();
    /// Moves `opened` to the front (the first of them first) and trims to kMaxRecent.
    void add(const QStringList& opened);

private:
    void rebuild();

    QMenu& m_menu;
    std::function<void(const QString&)> m_open;
};

}  // namespace curvedoctor::ui
