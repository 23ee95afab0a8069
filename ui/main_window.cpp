#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/chart/chart_panel.h"
#include "ui/chart/compare_view.h"
#include "ui/chart/finding_focus.h"
#include "ui/follow/follow_actions.h"
#include "ui/follow/follow_controller.h"
#include "ui/load_controller.h"
#include "ui/models/group_controller.h"
#include "ui/panels/comparison_tab.h"
#include "ui/panels/drop_overlay.h"
#include "ui/panels/findings_panel.h"
#include "ui/panels/groups_tab.h"
#include "ui/panels/load_status_widget.h"
#include "ui/panels/message_area.h"
#include "ui/panels/recent_menu.h"
#include "ui/panels/run_list_panel.h"
#include "ui/panels/runs_pane.h"
#include "ui/panels/settings_panel.h"
#include "ui/panels/shortcuts_dialog.h"
#include "ui/panels/welcome_page.h"
#include "ui/report/export_actions.h"
#include "ui/run_filter.h"
#include "ui/run_store.h"
#include "ui/run_summary.h"
#include "ui/session/run_memory.h"
#include "ui/session/session_controller.h"
#include "ui/view_settings.h"
#include "ui/window_geometry.h"

// Resources of a static library must be registered by name from outside any namespace.
static void initCurveDoctorResources() {
    Q_INIT_RESOURCE(resources);
}

namespace curvedoctor::ui {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kLastDirKey = QStringLiteral("window/lastDir");
/// Bumped when the dock layout changes incompatibly, so an old saved state is ignored.
constexpr int kStateVersion = 1;

/// Local files and folders among dragged URLs.
QStringList localPaths(const QMimeData* mime) {
    QStringList out;
    if (mime == nullptr || !mime->hasUrls()) return out;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) out << url.toLocalFile();
    return out;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_store(new RunStore(this)),
      m_settings(new ViewSettings(this)),
      m_loader(new LoadController(*m_store, this)),
      m_follow(new FollowController(*m_store, this)) {
    initCurveDoctorResources();
    setWindowTitle(QStringLiteral("CurveDoctor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hicolor/scalable/apps/curvedoctor.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_settings->load();

    m_messages = new MessageArea(this);
    m_welcome = new WelcomePage(this);
    // The chart area holds both compare layouts; the overlay is the viewer's ChartPanel.
    m_compare = new CompareView(*m_store, *m_settings, this);
    m_charts = m_compare->overlay();
    m_focus = new FindingFocus(*m_store, *m_settings, *m_charts, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_compare);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_messages);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    auto* runsPane = new RunsPane(*m_store, *new RunFilter(*m_store, this), this);
    m_runList = runsPane->runList();
    m_settingsPanel = new SettingsPanel(*m_store, *m_settings, this);
    m_findings = new FindingsPanel(*m_store, this);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->setTabBarAutoHide(true);
    m_bottomTabs->addTab(m_findings, tr("Findings"));

    createMenus();
    m_runsDock =
        addPanelDock(runsPane, tr("Runs"), QStringLiteral("runsDock"), Qt::LeftDockWidgetArea);
    m_viewDock = addPanelDock(m_settingsPanel, tr("View"), QStringLiteral("viewDock"),
                              Qt::LeftDockWidgetArea);
    m_findingsDock = addPanelDock(m_bottomTabs, tr("Findings"), QStringLiteral("findingsDock"),
                                  Qt::BottomDockWidgetArea);

    m_summary = new QLabel(this);
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(new LoadStatusWidget(*m_loader, this));
    m_dropOverlay = new DropOverlay(this);

    connectPanels();
    addCompareTabsAndExports();
    restoreLayout();
    updateSummary();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanelDock(QWidget* panel, const QString& title,
                                      const QString& objectName, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::addCompareTabsAndExports() {
    auto* groups = new GroupController(*m_store, this);
    m_bottomTabs->addTab(new ComparisonTab(*m_store, *m_settings, *groups), tr("Comparison"));
    m_bottomTabs->addTab(new GroupsTab(*groups, *m_store, *m_settings), tr("Groups"));
    new ExportActions(*m_store, *m_settings, *groups, *m_charts, *m_exportMenu, *this);
    m_memory = new RunMemory(*m_store, *groups, *m_loader, this);  // before the sessions
    new SessionController(
        {*m_store, *m_settings, *groups, *m_loader, *m_charts, *m_messages,
         *m_runList->filterEdit(), *findChild<QComboBox*>(QStringLiteral("findingKindFilter")),
         *findChild<QLineEdit*>(QStringLiteral("hyperparameterFilter"))},
        *m_fileMenu, m_exportMenu->menuAction(), *this);
}

void MainWindow::createMenus() {
    QMenu* file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFilesDialog);
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::openFolderDialog);
    m_recent = new RecentMenu(
        *file->addMenu(tr("Open &Recent")), [this](const QString& path) { openPaths({path}); },
        this);
    QAction* examples = file->addAction(tr("Open &Example Runs"), this,
                                        [this] { openPaths(WelcomePage::examplePaths()); });
    examples->setEnabled(!WelcomePage::examplePaths().isEmpty());
    file->addSeparator();
    // F5 once: on Linux QKeySequence::Refresh is F5 too, and a key bound twice to one action
    // is "Ambiguous shortcut overload" and does nothing.
    QList<QKeySequence> reloadKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!reloadKeys.contains(QKeySequence(Qt::Key_F5))) reloadKeys.prepend(Qt::Key_F5);
    file->addAction(tr("&Reload All"), this, &MainWindow::reload)->setShortcuts(reloadKeys);
    new FollowActions(*m_follow, *file, *statusBar(), *m_messages, windowIcon(), this);
    file->addAction(tr("&Close Run"), QKeySequence::Close, m_runList,
                    [this] { m_runList->closeSelected(); });
    file->addSeparator();
    m_exportMenu = file->addMenu(tr("&Export"));
    m_exportMenu->setObjectName(QStringLiteral("exportMenu"));
    // Hidden until an exporter adds an action (see eventFilter).
    m_exportMenu->menuAction()->setVisible(false);
    m_exportMenu->installEventFilter(this);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("&Reset Zoom"), QKeySequence(tr("Ctrl+0")), this,
                          [this] { m_charts->resetZoom(); });
    m_viewMenu->addSeparator();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this,
                    [this] { ShortcutsDialog(*this).exec(); });
    help->addAction(tr("&About CurveDoctor"), this, [this] {
        QMessageBox::about(
            this, tr("About CurveDoctor"),
            tr("<b>CurveDoctor %1</b><p>Training-curve viewer and doctor: plots train and "
               "validation curves with smoothing and marks what went wrong.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::connectPanels() {
    connect(m_welcome, &WelcomePage::openFilesRequested, this, &MainWindow::openFilesDialog);
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolderDialog);
    connect(m_welcome, &WelcomePage::openExamplesRequested, this,
            [this](const QStringList& paths) { openPaths(paths); });
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::showFinding);
    connect(m_charts, &ChartPanel::runListRequested, this, [this] {
        m_runsDock->show();
        m_runsDock->raise();
        m_runList->setFocus();
    });
    connect(m_runList, &RunListPanel::currentRunChanged, m_findings, &FindingsPanel::setCurrentRun);
    connect(m_loader, &LoadController::loadFailed, this,
            [this](const QString& source, const QString& message) {
                showLoadMessage(true, source, message);
            });
    connect(m_loader, &LoadController::loadWarned, this,
            [this](const QString& source, const QString& message) {
                showLoadMessage(false, source, message);
            });
    connect(m_loader, &LoadController::pathsOpened, m_recent, &RecentMenu::add);
    connect(m_loader, &LoadController::finished, this, [this](int, bool cancelled) {
        if (cancelled)
            m_messages->addMessage(MessageArea::Level::Info,
                                   tr("Loading cancelled; runs read before it are open."));
        updateSummary();
    });
    connect(m_loader, &LoadController::busyChanged, this, [this] { updateSummary(); });
    for (auto signal : {&RunStore::runAdded, &RunStore::runRemoved, &RunStore::runChanged})
        connect(m_store, signal, this, &MainWindow::updateSummary);
    connect(m_store, &RunStore::cleared, this, &MainWindow::updateSummary);
    connect(m_store, &RunStore::runsUpdated, this, &MainWindow::updateSummary);
    connect(m_store, &RunStore::cleared, m_messages, &MessageArea::dismissAboutRuns);
    connect(m_store, &RunStore::runAboutToBeRemoved, this, [this](int row) {
        m_messages->dismissAboutRun(QString::fromStdString(m_store->at(row).run->source));
    });
}

void MainWindow::showLoadMessage(bool failed, const QString& source, const QString& message) {
    // The file and its folder identify it in one line; the full path is in the tooltip.
    const QFileInfo info(source);
    const QString shortName = info.dir().dirName() + QLatin1Char('/') + info.fileName();
    m_messages->addMessage(failed ? MessageArea::Level::Error : MessageArea::Level::Warning,
                           tr("%1: %2").arg(shortName, message),
                           tr("%1:\n%2").arg(QDir::toNativeSeparators(source), message),
                           failed ? QString() : source);
}

void MainWindow::openPaths(const QStringList& paths) {
    QStringList clean;
    for (const QString& p : paths)
        if (!p.isEmpty()) clean << QFileInfo(p).absoluteFilePath();
    if (clean.isEmpty()) return;
    m_lastDir = QFileInfo(clean.front()).absolutePath();
    m_loader->open(clean);
    m_follow->follow(clean);
}

void MainWindow::openFilesDialog() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Training Logs"), m_lastDir,
        tr("Training logs (*.csv *.tsv *.txt *.log *.json *.jsonl *tfevents* metrics.json "
           "results.csv);;All files (*)"));
    openPaths(files);
}

void MainWindow::openFolderDialog() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Folder of Logs"), m_lastDir);
    if (!dir.isEmpty()) openPaths({dir});
}

void MainWindow::reload() {
    m_loader->reloadAll();
}

void MainWindow::showFinding(int runId, std::int64_t beginStep, std::int64_t endStep,
                             const QString& metric) {
    m_runList->selectRun(runId);
    m_focus->show(runId, beginStep, endStep, metric);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_exportMenu &&
        (event->type() == QEvent::ActionAdded || event->type() == QEvent::ActionRemoved))
        m_exportMenu->menuAction()->setVisible(!m_exportMenu->actions().isEmpty());
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::showsWelcome() const {
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    m_dropOverlay->showOver(paths.size() == 1
                                ? tr("Drop to open %1").arg(QFileInfo(paths.front()).fileName())
                                : tr("Drop to open %n items", nullptr, int(paths.size())));
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (!localPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event) {
    m_dropOverlay->hide();
    event->accept();
}

void MainWindow::dropEvent(QDropEvent* event) {
    m_dropOverlay->hide();
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_loader->cancel();
    saveLayout();
    m_settings->save();
    m_memory->save();
    event->accept();
}

void MainWindow::updateSummary() {
    const int runs = m_store->count();
    m_stack->setCurrentWidget(runs > 0 ? static_cast<QWidget*>(m_compare) : m_welcome);
    m_summary->setText(runSummaryText(*m_store, m_loader->isBusy()));
    if (runs == 0)
        setWindowTitle(QStringLiteral("CurveDoctor"));
    else
        setWindowTitle(runs == 1 ? tr("%1 – CurveDoctor").arg(m_store->at(0).name)
                                 : tr("%n runs – CurveDoctor", nullptr, runs));
}

void MainWindow::restoreLayout() {
    QSettings s;
    m_lastDir = s.value(kLastDirKey, QDir::homePath()).toString();
    if (!restoreGeometry(s.value(kGeometryKey).toByteArray())) resize(1400, 900);
    if (screen() != nullptr)
        setGeometry(clampedToScreen(geometry(), screen()->availableGeometry()));
    m_defaultDockSizesPending = !restoreState(s.value(kStateKey).toByteArray(), kStateVersion);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_defaultDockSizesPending) return;
    m_defaultDockSizesPending = false;
    // First start: the charts get most of the room, the findings a strip of about six rows.
    // Dock sizes only stick once the window has its real size, hence here and not earlier.
    resizeDocks({m_runsDock}, {380}, Qt::Horizontal);
    resizeDocks({m_runsDock, m_viewDock}, {360, 440}, Qt::Vertical);
    resizeDocks({m_findingsDock}, {240}, Qt::Vertical);
}

void MainWindow::saveLayout() const {
    QSettings s;
    s.setValue(kGeometryKey, saveGeometry());
    s.setValue(kStateKey, saveState(kStateVersion));
    s.setValue(kLastDirKey, m_lastDir);
}

}  // namespace curvedoctor::ui
