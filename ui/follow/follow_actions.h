#pragma once
/// \file follow_actions.h
/// The window's controls and voice for following runs (FollowController): File > Follow
/// Changes (on by default) and File > Poll Interval (the stat poll for network and FUSE mounts,
/// default 1 s), both persisted under "follow/" in QSettings; and the announcement of a finding
/// that newly appeared: a status bar message naming the run and the kind, and a desktop
/// notification (QSystemTrayIcon::showMessage) where the desktop has a tray. The follower's
/// messages go to the window's message area.

#include <QObject>

class QIcon;
class QMenu;
class QStatusBar;
class QSystemTrayIcon;

namespace curvedoctor::ui {

class FollowController;
class MessageArea;

class FollowActions : public QObject {
    Q_OBJECT
public:
    /// Adds the actions to `menu`; announcements go to `status` (and the tray, with `icon`),
    /// the follower's messages (a file deleted, truncated, unreadable) to `messages`.
    FollowActions(FollowController& follow, QMenu& menu, QStatusBar& status, MessageArea& messages,
                  const QIcon& icon, QObject* parent = nullptr);

private:
    void announce(const QString& text, bool error);

    FollowController& m_follow;
    QStatusBar& m_status;
    QSystemTrayIcon* m_tray = nullptr;
};

}  // namespace curvedoctor::ui
