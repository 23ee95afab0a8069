#include "ui/panels/findings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/findings_model.h"
#include "ui/panels/table_copy.h"

namespace curvedoctor::ui {

/// Keeps findings at or above a severity and, when set, of one run.
class FindingsFilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinSeverity(int s) {
        m_minSeverity = s;
        invalidateFilter();
    }
    void setRunId(int id) {
        m_runId = id;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (i.data(FindingsModel::SeverityRole).toInt() < m_minSeverity) return false;
        return m_runId == 0 || i.data(FindingsModel::RunIdRole).toInt() == m_runId;
    }
    bool lessThan(const QModelIndex& a, const QModelIndex& b) const override {
        if (a.column() == FindingsModel::SeverityColumn)
            return a.data(FindingsModel::SeverityRole).toInt() <
                   b.data(FindingsModel::SeverityRole).toInt();
        if (a.column() == FindingsModel::RangeColumn)
            return a.data(FindingsModel::BeginStepRole).toLongLong() <
                   b.data(FindingsModel::BeginStepRole).toLongLong();
        return QSortFilterProxyModel::lessThan(a, b);
    }

private:
    int m_minSeverity = 0;
    int m_runId = 0;
};

FindingsPanel::FindingsPanel(RunStore& store, QWidget* parent)
    : QWidget(parent),
      m_model(new FindingsModel(store, this)),
      m_proxy(new FindingsFilterProxy(this)),
      m_view(new QTableView(this)),
      m_severity(new QComboBox(this)),
      m_currentOnly(new QCheckBox(tr("Current run only"), this)),
      m_summary(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // the doctor's order until the user sorts
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    installTableCopy(*m_view, QStringLiteral("findings.csv"));
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(FindingsModel::SeverityColumn, 84);
    header->resizeSection(FindingsModel::KindColumn, 165);
    header->resizeSection(FindingsModel::RunColumn, 120);
    header->resizeSection(FindingsModel::RangeColumn, 235);
    header->resizeSection(FindingsModel::MessageColumn, 480);
    m_severity->addItem(tr("All findings"), 0);
    m_severity->addItem(tr("Warnings and errors"), 1);
    m_severity->addItem(tr("Errors only"), 2);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_currentOnly);
    bar->addWidget(m_severity);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinSeverity(m_severity->currentData().toInt());
        updateSummary();
    });
    connect(m_currentOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setRunId(on ? m_currentRun : 0);
        updateSummary();
    });
    connect(m_view, &QTableView::clicked, this, &FindingsPanel::activate);
    connect(m_view, &QTableView::activated, this, &FindingsPanel::activate);
    connect(m_model, &FindingsModel::modelReset, this, &FindingsPanel::updateSummary);
    // An added run's findings are inserted, not reset (FindingsModel::addRun).
    connect(m_model, &FindingsModel::rowsInserted, this, &FindingsPanel::updateSummary);
    updateSummary();
}

void FindingsPanel::setCurrentRun(int id) {
    m_currentRun = id;
    if (m_currentOnly->isChecked()) m_proxy->setRunId(id);
    updateSummary();
}

void FindingsPanel::activate(const QModelIndex& proxyIndex) {
    if (!proxyIndex.isValid()) return;
    const QModelIndex i = proxyIndex.siblingAtColumn(0);
    Q_EMIT findingActivated(i.data(FindingsModel::RunIdRole).toInt(),
                            i.data(FindingsModel::BeginStepRole).toLongLong(),
                            i.data(FindingsModel::EndStepRole).toLongLong(),
                            i.data(FindingsModel::MetricRole).toString());
}

void FindingsPanel::updateSummary() {
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_summary->setText(tr("No findings."));
    else if (shown == total)
        m_summary->setText(
            tr("%n finding(s). Click one to zoom the charts to it.", nullptr, total));
    else
        m_summary->setText(tr("%1 of %n finding(s) shown.", nullptr, total).arg(shown));
}

}  // namespace curvedoctor::ui
