#include "ui/panels/run_list_panel.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/models/run_list_model.h"
#include "ui/panels/finding_badge_delegate.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

constexpr int kSizedRows = 100;

}  // namespace

RunListPanel::RunListPanel(RunStore& store, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_model(new RunListModel(store, this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this)),
      m_colorButton(new QToolButton(this)),
      m_closeButton(new QToolButton(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(RunListModel::NameColumn);
    m_filter->setPlaceholderText(tr("Filter runs (regular expression)"));
    m_filter->setClearButtonEnabled(true);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);  // "keras_01/…_log.csv" keeps both ends
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(
        RunListModel::FindingsColumn,
        new FindingBadgeDelegate(RunListModel::SeverityCountsRole, m_view));
    m_view->header()->setStretchLastSection(false);
    // Column widths from the first rows only: with a sweep's 1,000 runs, sizing to every row
    // on each insert costs more than the list itself.
    m_view->header()->setResizeContentsPrecision(kSizedRows);
    m_view->header()->setSectionResizeMode(RunListModel::NameColumn, QHeaderView::Stretch);
    // The format and findings columns are fitted to their rows when rows come or go, and the
    // format column widened to a changed row's format (the badges' width is fixed), not sized
    // to contents: a followed logdir's batches change rows' findings every few seconds, and
    // ResizeToContents measured every sized row's text again for each (a tenth of the
    // window's GUI thread while following 100 runs).
    m_view->header()->setSectionResizeMode(RunListModel::FormatColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(RunListModel::FindingsColumn, QHeaderView::Interactive);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &RunListPanel::scheduleFit);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunListPanel::scheduleFit);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &RunListPanel::scheduleFit);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight,
                   const QList<int>& roles) {
                if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                    widenFormatColumn(topLeft.row(), bottomRight.row());
            });
    m_fitTimer.setSingleShot(true);
    m_fitTimer.setInterval(0);
    connect(&m_fitTimer, &QTimer::timeout, this, &RunListPanel::fitColumns);
    m_colorButton->setText(tr("Colour…"));
    m_colorButton->setToolTip(tr("Change the colour of the current run"));
    m_closeButton->setText(tr("Close"));
    m_closeButton->setToolTip(tr("Close the selected runs"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_colorButton);
    buttons->addWidget(m_closeButton);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &RunListPanel::applyFilter);
    connect(m_colorButton, &QToolButton::clicked, this, &RunListPanel::chooseColor);
    connect(m_closeButton, &QToolButton::clicked, this, &RunListPanel::closeSelected);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &RunListPanel::showContextMenu);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != RunListModel::NameColumn) chooseColor();
    });
    auto* del = new QShortcut(QKeySequence::Delete, m_view);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &RunListPanel::closeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentRunChanged(currentRunId()); });
}

void RunListPanel::scheduleFit() {
    m_fitTimer.start();
}

void RunListPanel::fitColumns() {
    // Measures the first kSizedRows rows (the header's resizeContentsPrecision).
    m_view->resizeColumnToContents(RunListModel::FormatColumn);
    m_view->resizeColumnToContents(RunListModel::FindingsColumn);
}

void RunListPanel::widenFormatColumn(int first, int last) {
    if (m_fitTimer.isActive()) return;  // a fit of the columns is coming
    constexpr int kColumn = RunListModel::FormatColumn;
    const int before = m_view->header()->sectionSize(kColumn);
    int width = before;
    for (int row = first; row <= std::min(last, first + kSizedRows - 1); ++row)
        width = std::max(width, m_view->sizeHintForIndex(m_proxy->index(row, kColumn)).width());
    if (width > before) m_view->header()->resizeSection(kColumn, width);
}

int RunListPanel::currentRunId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RunListModel::RunIdRole).toInt() : 0;
}

void RunListPanel::selectRun(int id) {
    const int row = m_store.rowOfId(id);
    if (row < 0) return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, RunListModel::NameColumn));
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(row, RunListModel::NameColumn));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void RunListPanel::chooseColor() {
    const int row = m_store.rowOfId(currentRunId());
    if (row < 0) return;
    const QColor chosen = QColorDialog::getColor(m_store.at(row).color, this,
                                                 tr("Colour of %1").arg(m_store.at(row).name));
    // The run may have been closed while the dialog was open.
    const int rowNow = m_store.rowOfId(currentRunId());
    if (chosen.isValid() && rowNow >= 0) m_store.setColor(rowNow, chosen);
}

void RunListPanel::closeSelected() {
    std::vector<int> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        ids.push_back(index.data(RunListModel::RunIdRole).toInt());
    if (ids.empty() && currentRunId() != 0) ids.push_back(currentRunId());
    for (int id : ids) m_store.remove(m_store.rowOfId(id));
}

void RunListPanel::applyFilter(const QString& pattern) {
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    // An unfinished expression ("run[") leaves the last valid filter in place and says so.
    if (!re.isValid()) {
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #C62828; }"));
        m_filter->setToolTip(tr("Invalid regular expression: %1").arg(re.errorString()));
        return;
    }
    m_filter->setStyleSheet({});
    m_filter->setToolTip({});
    m_proxy->setFilterRegularExpression(re);
    Q_EMIT nameFilterChanged(re);
}

void RunListPanel::showContextMenu(const QPoint& pos) {
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid()) return;
    QMenu menu(this);
    menu.addAction(tr("Change colour…"), this, &RunListPanel::chooseColor);
    menu.addAction(tr("Rename"), this, [this, index] {
        m_view->edit(index.siblingAtColumn(RunListModel::NameColumn));
    });
    const int id = index.data(RunListModel::RunIdRole).toInt();
    menu.addAction(tr("Show Only This Run"), this, [this, id] {
        for (int row = 0; row < m_store.count(); ++row)
            m_store.setVisible(row, m_store.at(row).id == id);
    });
    menu.addAction(tr("Show All Runs"), this, [this] {
        for (int row = 0; row < m_store.count(); ++row) m_store.setVisible(row, true);
    });
    menu.addSeparator();
    menu.addAction(tr("Close"), this, &RunListPanel::closeSelected);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

}  // namespace curvedoctor::ui
