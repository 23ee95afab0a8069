#include "ui/follow/follow_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <array>
#include <chrono>

#include "ui/follow/follow_controller.h"
#include "ui/panels/message_area.h"

namespace curvedoctor::ui {
namespace {

const QString kEnabledKey = QStringLiteral("follow/enabled");
const QString kPollKey = QStringLiteral("follow/pollMs");
// An announcement stays in the status bar this long.
constexpr int kStatusMs = 15000;
// The poll intervals offered (milliseconds; 0: inotify only).
constexpr std::array<int, 5> kPollChoices{0, 500, 1000, 2000, 5000};

}  // namespace

FollowActions::FollowActions(FollowController& follow, QMenu& menu, QStatusBar& status,
                             MessageArea& messages, const QIcon& icon, QObject* parent)
    : QObject(parent), m_follow(follow), m_status(status) {
    const QSettings settings;
    m_follow.setEnabled(settings.value(kEnabledKey, true).toBool());
    m_follow.setPollInterval(std::chrono::milliseconds(
        settings.value(kPollKey, static_cast<int>(m_follow.pollInterval().count())).toInt()));

    QAction* toggle = menu.addAction(tr("&Follow Changes"));
    toggle->setObjectName(QStringLiteral("followChangesAction"));
    toggle->setCheckable(true);
    toggle->setChecked(m_follow.isEnabled());
    toggle->setToolTip(tr("Show rows appended to open logs as they are written"));
    connect(toggle, &QAction::toggled, this, [this](bool on) {
        m_follow.setEnabled(on);
        QSettings().setValue(kEnabledKey, on);
    });

    QMenu* poll = menu.addMenu(tr("&Poll Interval"));
    poll->setToolTip(
        tr("How often followed files are looked at where the system does not "
           "report changes (network and FUSE mounts)"));
    auto* group = new QActionGroup(poll);
    for (const int ms : kPollChoices) {
        QAction* a = poll->addAction(ms == 0 ? tr("Off (local files only)")
                                             : tr("Every %1 s").arg(ms / 1000.0));
        a->setCheckable(true);
        a->setChecked(m_follow.pollInterval().count() == ms);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, ms] {
            m_follow.setPollInterval(std::chrono::milliseconds(ms));
            QSettings().setValue(kPollKey, ms);
        });
    }

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QStringLiteral("CurveDoctor"));
    }
    connect(&m_follow, &FollowController::message, &messages, [&messages](const QString& text) {
        messages.addMessage(MessageArea::Level::Warning, text);
    });
    connect(
        &m_follow, &FollowController::findingAppeared, this,
        [this](int, const QString&, const QString& text, bool error) { announce(text, error); });
}

void FollowActions::announce(const QString& text, bool error) {
    m_status.showMessage(tr("New finding: %1").arg(text), kStatusMs);
    if (m_tray == nullptr) return;
    m_tray->show();
    m_tray->showMessage(tr("CurveDoctor: new finding"), text,
                        error ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
}

}  // namespace curvedoctor::ui
