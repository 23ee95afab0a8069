#pragma once
/// \file session_controller.h
/// File > Open Session / Save Session / Recent Sessions: a `.cdsession` file (core::Session)
/// holds the open runs by path with their colours, names and visibility, the groups, the run
/// filters, the view settings, the x zoom and the chosen charts. Opening one replaces the open
/// runs: the view is set at once, the logs load in the background and each run gets its saved
/// look when loading is done. Files the session names that are gone are listed in one message;
/// the rest opens.

#include <QObject>
#include <QStringList>
#include <optional>

#include "core/session/session.h"

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QWidget;

namespace curvedoctor::ui {

class ChartPanel;
class GroupController;
class LoadController;
class MessageArea;
class RunStore;
class ViewSettings;

/// What a session reads and sets in the window.
struct SessionParts {
    RunStore& store;
    ViewSettings& settings;
    GroupController& groups;
    LoadController& loader;
    ChartPanel& charts;
    MessageArea& messages;
    QLineEdit& nameFilter;     ///< the run list's name expression
    QComboBox& findingFilter;  ///< item data: a core::FindingKind as int, -1 for any
    QLineEdit& hyperparameterFilter;
};

class SessionController : public QObject {
    Q_OBJECT
public:
    /// Adds the session actions to `fileMenu` before `before` (appended when null); `window`
    /// parents the file dialogs.
    SessionController(const SessionParts& parts, QMenu& fileMenu, QAction* before, QWidget& window);

    /// The window's state as a session.
    [[nodiscard]] core::Session capture() const;
    /// Writes capture() to `file`; false with `error` set when it cannot be written.
    bool save(const QString& file, QString* error = nullptr);
    /// Opens a session file; false (and an error message in the window) when it cannot be
    /// read. The runs load in the background; their saved look follows when loading ends.
    bool open(const QString& file);
    /// Most recent first, at most kMaxRecent, persisted.
    [[nodiscard]] static QStringList recentSessions();
    static constexpr int kMaxRecent = 10;

Q_SIGNALS:
    /// A session was opened and applied to its loaded runs.
    void sessionApplied();

private:
    void applyPending();
    void applyFilters(const core::Session& session);
    void addRecent(const QString& file);
    void rebuildRecentMenu();
    void saveDialog();
    void openDialog();

    SessionParts m_parts;
    QWidget& m_window;
    QMenu* m_recentMenu = nullptr;
    std::optional<core::Session> m_pending;
};

}  // namespace curvedoctor::ui
