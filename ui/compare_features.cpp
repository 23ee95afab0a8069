#include "ui/compare_features.h"

#include "ui/report_export_job.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QPushButton>
#include <QSpinBox>
#include <QCheckBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/chart_export.h"
#include "ui/chart_panel.h"
#include "ui/comparison_panel.h"
#include "ui/group_controller.h"
#include "ui/group_panel.h"
#include "ui/main_window.h"
#include "ui/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

std::vector<const RunEntry*> visibleRuns(const RunStore& store) {
    std::vector<const RunEntry*> out;
    for (const RunEntry& e : store.entries())
        if (e.visible) out.push_back(&e);
    return out;
}

}  // namespace

CompareFeatures::CompareFeatures(MainWindow& window)
    : QObject(&window),
      m_window(window),
      m_comparison(new ComparisonPanel(window.store(), window.viewSettings())),
      m_groups(new GroupController(window.store(), this)),
      m_groupPanel(new GroupPanel(*m_groups, window.store(), window.viewSettings())) {
    ViewSettings& settings = window.viewSettings();

    // Comparison tab: layout switch above the table.
    auto* comparisonTab = new QWidget;
    auto* layoutBox = new QComboBox;
    layoutBox->addItem(tr("Overlay: all runs in the same charts"), static_cast<int>(CompareLayout::Overlay));
    layoutBox->addItem(tr("Side by side: one column per run"), static_cast<int>(CompareLayout::SideBySide));
    layoutBox->setCurrentIndex(settings.compareLayout() == CompareLayout::SideBySide ? 1 : 0);
    connect(layoutBox, &QComboBox::currentIndexChanged, this, [layoutBox, &settings] {
        settings.setCompareLayout(static_cast<CompareLayout>(layoutBox->currentData().toInt()));
    });
    connect(&settings, &ViewSettings::changed, layoutBox, [layoutBox, &settings] {
        layoutBox->setCurrentIndex(settings.compareLayout() == CompareLayout::SideBySide ? 1 : 0);
    });
    auto* groupButton = new QPushButton(tr("Group Selected Runs"));
    connect(groupButton, &QPushButton::clicked, this, &CompareFeatures::groupSelectedRuns);
    auto* top = new QHBoxLayout;
    top->addWidget(layoutBox);
    top->addStretch();
    top->addWidget(groupButton);
    auto* cl = new QVBoxLayout(comparisonTab);
    cl->setContentsMargins(2, 2, 2, 2);
    cl->addLayout(top);
    cl->addWidget(m_comparison, 1);
    window.bottomTabs()->addTab(comparisonTab, tr("Comparison"));

    // Groups tab.
    auto* groupsTab = new QWidget;
    auto* byPattern = new QPushButton(tr("Group by Name Pattern…"));
    auto* clearGroups = new QPushButton(tr("Remove All Groups"));
    connect(byPattern, &QPushButton::clicked, this, &CompareFeatures::groupByPatternDialog);
    connect(clearGroups, &QPushButton::clicked, m_groups, &GroupController::clear);
    auto* gtop = new QHBoxLayout;
    gtop->addWidget(byPattern);
    gtop->addWidget(clearGroups);
    gtop->addStretch();
    auto* gl = new QVBoxLayout(groupsTab);
    gl->setContentsMargins(2, 2, 2, 2);
    gl->addLayout(gtop);
    gl->addWidget(m_groupPanel, 1);
    window.bottomTabs()->addTab(groupsTab, tr("Groups"));

    QMenu* menu = window.exportMenu();
    QAction* report = menu->addAction(tr("Export &Report…"), this, &CompareFeatures::exportReportDialog);
    report->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction* copy = menu->addAction(tr("&Copy Chart Image"), this, &CompareFeatures::copyChartImage);
    copy->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    menu->addAction(tr("Export &Chart as PNG or SVG…"), this, &CompareFeatures::exportChartDialog);
    // Shortcuts of a menu hidden until first shown must still work.
    for (QAction* a : {report, copy}) window.addAction(a);
    menu->menuAction()->setVisible(true);
}

bool CompareFeatures::exportReport(const QString& path, const ReportOptions& options,
                                   bool withGroups, QString* error) const {
    return saveReport(path, visibleRuns(m_window.store()), m_window.viewSettings(), options,
                      reportGroups(withGroups), error);
}

void CompareFeatures::exportReportDialog() {
    QDialog dialog(&m_window);
    dialog.setWindowTitle(tr("Export Report"));
    auto* width = new QSpinBox;
    width->setRange(800, 4000);
    width->setSingleStep(100);
    width->setValue(ReportOptions{}.width);
    width->setSuffix(tr(" px"));
    auto* scale = new QComboBox;
    scale->addItem(tr("1x (screen)"), 1.0);
    scale->addItem(tr("2x (HiDPI, print)"), 2.0);
    scale->addItem(tr("3x (poster)"), 3.0);
    scale->setCurrentIndex(1);
    auto* groups = new QCheckBox(tr("Draw the groups (mean and band) instead of single runs"));
    groups->setEnabled(!m_groups->groups().isEmpty());
    groups->setChecked(!m_groups->groups().isEmpty());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Width:"), width);
    form->addRow(tr("Scale:"), scale);
    form->addRow(groups);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Export Report"),
                                                      QStringLiteral("report.png"), tr("PNG image (*.png)"));
    if (path.isEmpty()) return;
    ReportOptions options;
    options.width = width->value();
    options.scale = scale->currentData().toDouble();
    startReportExport(path, options, groups->isChecked());
}

std::vector<ReportGroup> CompareFeatures::reportGroups(bool withGroups) const {
    std::vector<ReportGroup> groups;
    if (!withGroups) return groups;
    const auto inputs = m_groups->curveInputs();
    for (std::size_t i = 0; i < inputs.size(); ++i)
        groups.push_back({inputs[i], m_groups->groups()[static_cast<qsizetype>(i)].findings});
    return groups;
}

ReportExportJob* CompareFeatures::startReportExport(const QString& path, const ReportOptions& options,
                                                    bool withGroups) {
    if (m_export) m_export->cancel();
    // Drawn here, on the GUI thread, where the charts' shared Qt state lives; encoded and
    // written on a pool thread.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QImage page = renderReport(visibleRuns(m_window.store()), m_window.viewSettings(), options,
                               reportGroups(withGroups));
    QApplication::restoreOverrideCursor();
    auto* job = new ReportExportJob(path, std::move(page), this);
    m_export = job;
    // A busy bar with Cancel, shown only if writing takes longer than half a second.
    auto* progress = new QProgressDialog(tr("Writing the report…"), tr("Cancel"), 0, 0, &m_window);
    progress->setWindowTitle(tr("Export Report"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, job, &ReportExportJob::cancel);
    connect(job, &ReportExportJob::finished, this, [this, job, progress](bool written, const QString& error) {
        progress->deleteLater();
        job->deleteLater();
        if (m_export == job) m_export = nullptr;
        if (written) {
            m_window.statusBar()->showMessage(tr("Report written to %1").arg(job->path()), 5000);
        } else if (!error.isEmpty()) {
            QMessageBox::warning(&m_window, tr("Export Report"), error);
        }
        Q_EMIT reportExportFinished(written, error);
    });
    job->start();
    return job;
}

QChart* CompareFeatures::chartOf(const QString& family) const {
    for (MetricChart* c : m_window.chartPanel()->charts())
        if (c->family() == family) return c;
    return nullptr;
}

QChart* CompareFeatures::pickChart(const QString& purpose) {
    const QList<QChartView*> views = m_window.chartPanel()->chartViews();
    if (views.isEmpty()) return nullptr;
    for (QChartView* v : views)
        if (v->hasFocus() || v->rect().contains(v->mapFromGlobal(QCursor::pos()))) return v->chart();
    if (views.size() == 1) return views.front()->chart();
    QStringList names;
    for (QChartView* v : views) names << v->chart()->title();
    bool ok = false;
    const QString pick = QInputDialog::getItem(&m_window, purpose, tr("Chart:"), names, 0, false, &ok);
    return ok ? views.value(names.indexOf(pick))->chart() : nullptr;
}

void CompareFeatures::copyChartImage() {
    if (QChart* c = pickChart(tr("Copy Chart Image"))) copyChartToClipboard(*c, c->size());
}

void CompareFeatures::exportChartDialog() {
    QChart* c = pickChart(tr("Export Chart"));
    if (!c) return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Chart"), c->title() + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG vector image (*.svg)"), &filter);
    if (path.isEmpty()) return;
    QString error;
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) || filter.contains(QStringLiteral("svg"));
    const bool ok = svg ? exportChartSvg(*c, path, c->size(), &error) : exportChartPng(*c, path, c->size(), 2.0, &error);
    if (!ok) QMessageBox::warning(&m_window, tr("Export Chart"), error);
}

void CompareFeatures::groupSelectedRuns() {
    const QList<int> ids = m_comparison->selectedRunIds();
    if (ids.size() < 2) {
        QMessageBox::information(&m_window, tr("Group Runs"),
                                 tr("Select two or more runs in the comparison table first."));
        return;
    }
    m_groups->makeGroup(ids);
}

void CompareFeatures::groupByPatternDialog() {
    bool ok = false;
    const QString pattern = QInputDialog::getText(&m_window, tr("Group by Name Pattern"),
                                                  tr("Regular expression over run names:"),
                                                  QLineEdit::Normal, QString(), &ok);
    if (!ok || pattern.isEmpty()) return;
    QString error;
    if (m_groups->makeGroupFromRegex(pattern, {}, &error) == 0)
        QMessageBox::warning(&m_window, tr("Group by Name Pattern"), error);
}

}  // namespace curvedoctor::ui
