#include "ui/panels/comparison_panel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/follow/follow_pace.h"
#include "ui/models/comparison_table_model.h"
#include "ui/panels/table_copy.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

constexpr int kSizedRows = 100;

}  // namespace

ComparisonPanel::ComparisonPanel(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_settings(settings),
      m_model(new ComparisonTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComparisonTableModel::SortRole);
    m_proxy->setFilterKeyColumn(ComparisonTableModel::Run);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // the store's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    installTableCopy(*m_view, QStringLiteral("comparison.csv"));
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Column widths from the first rows only: measuring all of a 1,000-run sweep's rows on
    // every change costs more than the table itself.
    m_view->horizontalHeader()->setResizeContentsPrecision(kSizedRows);
    m_filter->setPlaceholderText(tr("Filter runs by name (regular expression)"));
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, &ComparisonPanel::setNameFilter);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
        Q_EMIT runActivated(i.data(ComparisonTableModel::RunIdRole).toInt());
    });
    // A sweep adds its runs by the hundred in one go: the table is recomputed once after them
    // (a zero-timer), not once per run.
    m_refill.setSingleShot(true);
    connect(&m_refill, &QTimer::timeout, this, &ComparisonPanel::refresh);
    connect(&m_store, &RunStore::runAdded, this, [this] { m_refill.start(0); });
    connect(&m_store, &RunStore::runRemoved, this, &ComparisonPanel::refresh);
    connect(&m_store, &RunStore::runChanged, this, &ComparisonPanel::refresh);
    connect(&m_store, &RunStore::cleared, this, &ComparisonPanel::refresh);
    connect(&m_store, &RunStore::runsUpdated, this, &ComparisonPanel::onRunsUpdated);
    connect(&m_store, &RunStore::shownChanged, this, &ComparisonPanel::refresh);
    // The table's values are smoothed; nothing else of the view settings shows in it.
    connect(&m_settings, &ViewSettings::smoothingChanged, this, &ComparisonPanel::refresh);
    refresh();
}

ComparisonTableModel* ComparisonPanel::model() const {
    settle();
    return m_model;
}

QSortFilterProxyModel* ComparisonPanel::proxy() const {
    settle();
    return m_proxy;
}

void ComparisonPanel::settle() const {
    // The table is a cache of the store: reading it settles a pending batch first.
    if (m_refill.isActive() || m_stale) const_cast<ComparisonPanel*>(this)->refresh();
}

void ComparisonPanel::onRunsUpdated() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_refill.isActive()) return;
    const qint64 gap = followRedrawIntervalMs(m_store.count());
    const qint64 since = m_sinceRefresh.isValid() ? m_sinceRefresh.elapsed() : gap;
    m_refill.start(static_cast<int>(std::max<qint64>(0, gap - since)));
}

void ComparisonPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) refresh();
}

void ComparisonPanel::refresh() {
    m_refill.stop();
    m_stale = false;
    ++m_refreshes;
    m_sinceRefresh.start();
    std::vector<const RunEntry*> runs;
    for (const RunEntry& e : m_store.entries())
        if (e.shown()) runs.push_back(&e);
    m_model->setRuns(runs, m_settings.smoothing(), m_store.curveCache().get());
}

void ComparisonPanel::setNameFilter(const QString& pattern) {
    if (m_filter->text() != pattern) {
        m_filter->setText(pattern);  // comes back here through textChanged
        return;
    }
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    const bool valid = re.isValid();
    m_filter->setStyleSheet(valid ? QString() : QStringLiteral("QLineEdit { color: #c62828; }"));
    m_filter->setToolTip(valid ? QString() : re.errorString());
    if (!valid) return;
    m_proxy->setFilterRegularExpression(re);
    Q_EMIT nameFilterChanged(re);
}

QList<int> ComparisonPanel::selectedRunIds() const {
    QList<int> ids;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        ids << i.data(ComparisonTableModel::RunIdRole).toInt();
    return ids;
}

QList<int> ComparisonPanel::filteredRunIds() const {
    QList<int> ids;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        ids << m_proxy->index(r, 0).data(ComparisonTableModel::RunIdRole).toInt();
    return ids;
}

}  // namespace curvedoctor::ui
