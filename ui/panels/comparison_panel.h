#pragma once
/// \file comparison_panel.h
/// The comparison table with a regular-expression filter over run names. Follows the
/// RunStore (visible runs only) and the ViewSettings' smoothing; sortable by any column.

#include <QList>
#include <QRegularExpression>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace curvedoctor::ui {

class ComparisonTableModel;
class RunStore;
class ViewSettings;

class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    ComparisonPanel(RunStore& store, ViewSettings& settings, QWidget* parent = nullptr);

    /// The table's models; a refill still waiting for its batch of added runs runs first.
    [[nodiscard]] ComparisonTableModel* model() const;
    [[nodiscard]] QSortFilterProxyModel* proxy() const;
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    /// RunEntry ids of the selected rows (for "Group selected runs").
    [[nodiscard]] QList<int> selectedRunIds() const;
    /// RunEntry ids of the rows the filter lets through.
    [[nodiscard]] QList<int> filteredRunIds() const;

public Q_SLOTS:
    void refresh();
    /// Sets the name filter (case-insensitive regex). An invalid pattern filters nothing and
    /// marks the field red.
    void setNameFilter(const QString& pattern);

Q_SIGNALS:
    /// The valid filter in use (empty pattern: all runs), for panels that follow it.
    void nameFilterChanged(const QRegularExpression& filter);
    /// A row was double-clicked.
    void runActivated(int runId);

private:
    void settle() const;
    RunStore& m_store;
    ViewSettings& m_settings;
    ComparisonTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QTimer m_refill;  ///< coalesces a batch of added runs into one refresh
};

}  // namespace curvedoctor::ui
