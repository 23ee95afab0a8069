#pragma once
/// \file main_window.h
/// The main window: composes the panels (run list, charts, findings, view settings, the
/// comparison and groups tabs, the export actions), each given what it needs in its
/// constructor, routes signals between them, and owns the menus, drag-and-drop and what
/// persists across restarts. It hands out none of its parts: a test finds them as children
/// (`findChild<ChartPanel*>()`; the export menu and the bottom tabs by object name).

#include <QMainWindow>
#include <QStringList>
#include <cstdint>

class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace curvedoctor::ui {

class ChartPanel;
class CompareView;
class DropOverlay;
class FindingFocus;
class FindingsPanel;
class FollowController;
class LoadController;
class MessageArea;
class RecentMenu;
class RunListPanel;
class RunMemory;
class RunStore;
class SettingsPanel;
class ViewSettings;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads files and folders in the background (see LoadController).
    void openPaths(const QStringList& paths);

    /// The background loader, for `--screenshot` (gui_main waits until it is idle).
    [[nodiscard]] LoadController& loadController() const { return *m_loader; }
    /// True while the welcome page is shown instead of the charts.
    [[nodiscard]] bool showsWelcome() const;

public Q_SLOTS:
    void openFilesDialog();
    void openFolderDialog();
    void reload();
    /// Shows a finding on the charts (see FindingFocus) and selects its run.
    void showFinding(int runId, std::int64_t beginStep, std::int64_t endStep,
                     const QString& metric = {});

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createMenus();
    /// The Comparison and Groups tabs beside the findings, and the File > Export actions.
    void addCompareTabsAndExports();
    QDockWidget* addPanelDock(QWidget* panel, const QString& title, const QString& objectName,
                              Qt::DockWidgetArea area);
    void connectPanels();
    /// An error (file not loaded) or a warning (loaded with problems) in the message area.
    void showLoadMessage(bool failed, const QString& source, const QString& message);
    void updateSummary();
    void restoreLayout();
    void saveLayout() const;

    RunStore* m_store = nullptr;
    RunMemory* m_memory = nullptr;
    ViewSettings* m_settings = nullptr;
    LoadController* m_loader = nullptr;
    FollowController* m_follow = nullptr;
    MessageArea* m_messages = nullptr;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    ChartPanel* m_charts = nullptr;
    FindingFocus* m_focus = nullptr;
    CompareView* m_compare = nullptr;
    RunListPanel* m_runList = nullptr;
    SettingsPanel* m_settingsPanel = nullptr;
    FindingsPanel* m_findings = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QDockWidget* m_viewDock = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    DropOverlay* m_dropOverlay = nullptr;
    QLabel* m_summary = nullptr;
    QMenu* m_fileMenu = nullptr;
    RecentMenu* m_recent = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QString m_lastDir;
    bool m_defaultDockSizesPending = false;
};

}  // namespace curvedoctor::ui
