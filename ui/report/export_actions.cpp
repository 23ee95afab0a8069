#include "ui/report/export_actions.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSpinBox>
#include <QStatusBar>

#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/models/group_controller.h"
#include "ui/report/chart_export.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

std::vector<const RunEntry*> visibleRuns(const RunStore& store) {
    std::vector<const RunEntry*> out;
    for (const RunEntry& e : store.entries())
        if (e.shown()) out.push_back(&e);
    return out;
}

}  // namespace

ExportActions::ExportActions(const RunStore& store, const ViewSettings& settings,
                             const GroupController& groups, const ChartPanel& charts, QMenu& menu,
                             QMainWindow& window)
    : QObject(&window),
      m_store(store),
      m_settings(settings),
      m_groups(groups),
      m_charts(charts),
      m_window(window) {
    QAction* report =
        menu.addAction(tr("Export &Report…"), this, &ExportActions::exportReportDialog);
    report->setShortcut(QKeySequence(tr("Ctrl+E")));
    QAction* copy = menu.addAction(tr("&Copy Chart Image"), this, &ExportActions::copyChartImage);
    copy->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    menu.addAction(tr("Export &Chart as PNG or SVG…"), this, &ExportActions::exportChartDialog);
    // Shortcuts of a menu hidden until first shown must still work.
    for (QAction* a : {report, copy}) window.addAction(a);
}

bool ExportActions::exportReport(const QString& path, const ReportOptions& options, bool withGroups,
                                 QString* error) const {
    return saveReport(path, visibleRuns(m_store), m_settings, options, reportGroups(withGroups),
                      error);
}

void ExportActions::exportReportDialog() {
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
    groups->setEnabled(!m_groups.groups().isEmpty());
    groups->setChecked(!m_groups.groups().isEmpty());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Width:"), width);
    form->addRow(tr("Scale:"), scale);
    form->addRow(groups);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Report"), QStringLiteral("report.png"), tr("PNG image (*.png)"));
    if (path.isEmpty()) return;
    ReportOptions options;
    options.width = width->value();
    options.scale = scale->currentData().toDouble();
    startReportExport(path, options, groups->isChecked());
}

std::vector<ReportGroup> ExportActions::reportGroups(bool withGroups) const {
    std::vector<ReportGroup> groups;
    if (!withGroups) return groups;
    const auto inputs = m_groups.curveInputs();
    for (std::size_t i = 0; i < inputs.size(); ++i)
        groups.push_back({inputs[i], m_groups.groups()[static_cast<qsizetype>(i)].findings});
    return groups;
}

ReportExportJob* ExportActions::startReportExport(const QString& path, const ReportOptions& options,
                                                  bool withGroups) {
    if (m_export) m_export->cancel();
    // Drawn here, on the GUI thread, where the charts' shared Qt state lives; encoded and
    // written on a pool thread.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QImage page = renderReport(visibleRuns(m_store), m_settings, options, reportGroups(withGroups));
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
    connect(job, &ReportExportJob::finished, this,
            [this, job, progress](bool written, const QString& error) {
                progress->deleteLater();
                job->deleteLater();
                if (m_export == job) m_export = nullptr;
                if (written) {
                    m_window.statusBar()->showMessage(tr("Report written to %1").arg(job->path()),
                                                      5000);
                } else if (!error.isEmpty()) {
                    QMessageBox::warning(&m_window, tr("Export Report"), error);
                }
                // Q_EMIT expands to nothing, which clang-tidy takes for a misplaced statement.
                Q_EMIT reportExportFinished(written,  // NOLINT(readability-misleading-indentation)
                                            error);
            });
    job->start();
    return job;
}

QChart* ExportActions::chartOf(const QString& family) const {
    for (MetricChart* c : m_charts.charts())
        if (c->family() == family) return c;
    return nullptr;
}

QChart* ExportActions::pickChart(const QString& purpose) {
    const QList<QChartView*> views = m_charts.chartViews();
    if (views.isEmpty()) return nullptr;
    for (QChartView* v : views)
        if (v->hasFocus() || v->rect().contains(v->mapFromGlobal(QCursor::pos())))
            return v->chart();
    if (views.size() == 1) return views.front()->chart();
    QStringList names;
    for (QChartView* v : views) names << v->chart()->title();
    bool ok = false;
    const QString pick =
        QInputDialog::getItem(&m_window, purpose, tr("Chart:"), names, 0, false, &ok);
    return ok ? views.value(names.indexOf(pick))->chart() : nullptr;
}

void ExportActions::copyChartImage() {
    if (QChart* c = pickChart(tr("Copy Chart Image"))) copyChartToClipboard(*c, c->size());
}

void ExportActions::exportChartDialog() {
    QChart* c = pickChart(tr("Export Chart"));
    if (!c) return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Chart"), c->title() + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG vector image (*.svg)"), &filter);
    if (path.isEmpty()) return;
    QString error;
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ||
                     filter.contains(QStringLiteral("svg"));
    const bool ok = svg ? exportChartSvg(*c, path, c->size(), &error)
                        : exportChartPng(*c, path, c->size(), 2.0, &error);
    if (!ok) QMessageBox::warning(&m_window, tr("Export Chart"), error);
}

}  // namespace curvedoctor::ui
