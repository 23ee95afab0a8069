#pragma once
/// \file main_window.h
/// The main window: composes the panels (run list, charts, findings, view settings), routes
/// signals between them, and owns the menus, drag-and-drop and what persists across restarts.
/// Room for later panels: bottomTabs() takes more tabs next to the findings; exportMenu() is
/// hidden until someone adds an export action to it.

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
class CompareFeatures;
class CompareView;
class DropOverlay;
class FindingsPanel;
class LoadController;
class MessageArea;
class RunListPanel;
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
    /// Most recent first; at most kMaxRecent, persisted.
    [[nodiscard]] QStringList recentPaths() const;
    static constexpr int kMaxRecent = 10;

    [[nodiscard]] RunStore& store() const { return *m_store; }
    [[nodiscard]] ViewSettings& viewSettings() const { return *m_settings; }
    [[nodiscard]] LoadController& loadController() const { return *m_loader; }
    [[nodiscard]] ChartPanel* chartPanel() const { return m_charts; }
    /// The chart area: overlay (chartPanel()) or side by side, per ViewSettings::compareLayout.
    [[nodiscard]] CompareView* compareView() const { return m_compare; }
    /// Comparison and groups tabs, report and chart export actions.
    [[nodiscard]] CompareFeatures* compareFeatures() const { return m_compareFeatures; }
    [[nodiscard]] RunListPanel* runListPanel() const { return m_runList; }
    [[nodiscard]] FindingsPanel* findingsPanel() const { return m_findings; }
    [[nodiscard]] SettingsPanel* settingsPanel() const { return m_settingsPanel; }
    [[nodiscard]] MessageArea* messageArea() const { return m_messages; }
    [[nodiscard]] WelcomePage* welcomePage() const { return m_welcome; }
    [[nodiscard]] DropOverlay* dropOverlay() const { return m_dropOverlay; }
    /// True while the welcome page is shown instead of the charts.
    [[nodiscard]] bool showsWelcome() const;
    [[nodiscard]] QMenu* exportMenu() const { return m_exportMenu; }
    [[nodiscard]] QTabWidget* bottomTabs() const { return m_bottomTabs; }

public Q_SLOTS:
    void openFilesDialog();
    void openFolderDialog();
    void reload();
    void showFinding(int runId, std::int64_t beginStep, std::int64_t endStep);

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
    QDockWidget* addPanelDock(QWidget* panel, const QString& title, const QString& objectName,
                              Qt::DockWidgetArea area);
    void connectPanels();
    void addRecent(const QStringList& paths);
    /// An error (file not loaded) or a warning (loaded with problems) in the message area.
    void showLoadMessage(bool failed, const QString& source, const QString& message);
    void rebuildRecentMenu();
    void updateSummary();
    void restoreLayout();
    void saveLayout() const;

    RunStore* m_store = nullptr;
    ViewSettings* m_settings = nullptr;
    LoadController* m_loader = nullptr;
    MessageArea* m_messages = nullptr;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    ChartPanel* m_charts = nullptr;
    CompareView* m_compare = nullptr;
    CompareFeatures* m_compareFeatures = nullptr;
    RunListPanel* m_runList = nullptr;
    SettingsPanel* m_settingsPanel = nullptr;
    FindingsPanel* m_findings = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QDockWidget* m_viewDock = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    DropOverlay* m_dropOverlay = nullptr;
    QLabel* m_summary = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QString m_lastDir;
    bool m_defaultDockSizesPending = false;
};

}  // namespace curvedoctor::ui
