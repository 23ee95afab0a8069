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
#include <QSaveFile>
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
    menu.addAction(tr("Export &Chart as PNG, SVG or PDF…"), this,
                   &ExportActions::exportChartDialog);
    menu.addAction(tr("Export Chart &Data as CSV…"), this, &ExportActions::exportChartDataDialog);
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
    auto* format = new QComboBox;
    format->addItem(tr("PNG image"), static_cast<int>(ReportFormat::Png));
    format->addItem(tr("SVG vector image"), static_cast<int>(ReportFormat::Svg));
    format->addItem(tr("PDF document (print pages)"), static_cast<int>(ReportFormat::Pdf));
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
    auto* paper = new QComboBox;
    paper->addItem(tr("A4"), static_cast<int>(QPageSize::A4));
    paper->addItem(tr("Letter"), static_cast<int>(QPageSize::Letter));
    auto* landscape = new QCheckBox(tr("Landscape"));
    auto* groups = new QCheckBox(tr("Draw the groups (mean and band) instead of single runs"));
    groups->setEnabled(!m_groups.groups().isEmpty());
    groups->setChecked(!m_groups.groups().isEmpty());
    // Width and scale size a PNG (an SVG takes the width); a PDF takes its paper's width.
    const auto follow = [=] {
        const auto f = static_cast<ReportFormat>(format->currentData().toInt());
        width->setEnabled(f != ReportFormat::Pdf);
        scale->setEnabled(f == ReportFormat::Png);
        paper->setEnabled(f == ReportFormat::Pdf);
        landscape->setEnabled(f == ReportFormat::Pdf);
    };
    connect(format, &QComboBox::currentIndexChanged, &dialog, follow);
    follow();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Format:"), format);
    form->addRow(tr("Width:"), width);
    form->addRow(tr("Scale:"), scale);
    form->addRow(tr("Paper:"), paper);
    form->addRow(landscape);
    form->addRow(groups);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    ReportOptions options;
    options.format = static_cast<ReportFormat>(format->currentData().toInt());
    options.width = width->value();
    options.scale = scale->currentData().toDouble();
    options.paper = static_cast<QPageSize::PageSizeId>(paper->currentData().toInt());
    options.landscape = landscape->isChecked();
    const QString ext = reportFormatName(options.format).toLower();
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Report"), QStringLiteral("report.") + ext,
        tr("%1 (*.%2)").arg(format->currentText(), ext));
    if (path.isEmpty()) return;
    startReportExport(path, options, groups->isChecked());
}

std::vector<ReportGroup> ExportActions::reportGroups(bool withGroups) const {
    std::vector<ReportGroup> groups;
    if (!withGroups) return groups;
    // The report shows what the charts show: a hidden or filtered-out member is not in its
    // group's mean and band, and a group with no member shown is left out.
    for (const RunGroup& g : m_groups.groups()) {
        ReportGroup out{{g.name, g.color, {}}, g.findings};
        for (int id : g.runIds)
            if (const int row = m_store.rowOfId(id); row >= 0 && m_store.at(row).shown())
                out.curves.runs.push_back(m_store.at(row).run);
        if (!out.curves.runs.empty()) groups.push_back(std::move(out));
    }
    return groups;
}

ReportExportJob* ExportActions::startReportExport(const QString& path, const ReportOptions& options,
                                                  bool withGroups) {
    if (m_export) m_export->cancel();
    if (options.format != ReportFormat::Png) {
        // A vector file is written while it is drawn, and drawing needs the GUI thread.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        QString error;
        const bool written = exportReport(path, options, withGroups, &error);
        QApplication::restoreOverrideCursor();
        if (written)
            m_window.statusBar()->showMessage(tr("Report written to %1").arg(path), 5000);
        else
            QMessageBox::warning(&m_window, tr("Export Report"), error);
        Q_EMIT reportExportFinished(written, error);
        return nullptr;
    }
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
    for (QChartView* v : views) names << chartTitle(*v->chart());
    bool ok = false;
    const QString pick =
        QInputDialog::getItem(&m_window, purpose, tr("Chart:"), names, 0, false, &ok);
    return ok ? views.value(names.indexOf(pick))->chart() : nullptr;
}

void ExportActions::copyChartImage() {
    if (QChart* c = pickChart(tr("Copy Chart Image"))) copyChartToClipboard(*c, c->size());
}

bool ExportActions::exportChartData(const QChart& chart, const QString& path, QString* error) {
    const auto* metric = qobject_cast<const MetricChart*>(&chart);
    const QByteArray bytes = metric ? metric->dataCsv().toUtf8() : QByteArray();
    QSaveFile file(path);
    if (!bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
        file.commit())
        return true;
    if (error)
        *error = QStringLiteral("%1: could not write the chart's data (%2)")
                     .arg(path, metric ? file.errorString() : tr("not a metric chart"));
    return false;
}

void ExportActions::exportChartDataDialog() {
    QChart* c = pickChart(tr("Export Chart Data"));
    if (!c) return;
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Chart Data"), suggestedChartFileName(*c, QStringLiteral("csv")),
        tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportChartData(*c, path, &error))
        QMessageBox::warning(&m_window, tr("Export Chart Data"), error);
}

void ExportActions::exportChartDialog() {
    QChart* c = pickChart(tr("Export Chart"));
    if (!c) return;
    QString filter;
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG vector image (*.svg)"),
                  pdf = tr("PDF document (*.pdf)");
    const QString path = QFileDialog::getSaveFileName(
        &m_window, tr("Export Chart"), suggestedChartFileName(*c, QStringLiteral("png")),
        QStringList{png, svg, pdf}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) return;
    // The name's extension decides; a name without one takes the chosen filter's.
    auto format = reportFormatOf(path);
    if (!format)
        format = filter == svg   ? ReportFormat::Svg
                 : filter == pdf ? ReportFormat::Pdf
                                 : ReportFormat::Png;
    QString error;
    bool ok = false;
    switch (*format) {
        case ReportFormat::Svg:
            ok = exportChartSvg(*c, path, c->size(), &error);
            break;
        case ReportFormat::Pdf:
            ok = exportChartPdf(*c, path, c->size(), &error);
            break;
        case ReportFormat::Png:
            ok = exportChartPng(*c, path, c->size(), 2.0, &error);
            break;
    }
    if (!ok) QMessageBox::warning(&m_window, tr("Export Chart"), error);
}

}  // namespace curvedoctor::ui
