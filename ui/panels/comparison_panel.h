#pragma once
/// \file comparison_panel.h
/// The comparison table with a regular-expression filter over run names. Follows the
/// RunStore (visible runs only) and the ViewSettings' smoothing; sortable by any column.

#include <QElapsedTimer>
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
    /// Times the table was recomputed since construction (tests).
    [[nodiscard]] int refreshCount() const { return m_refreshes; }

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

protected:
    void showEvent(QShowEvent* event) override;

private:
    void settle() const;
    /// New points of followed runs: recomputed at the follow pace (follow_pace.h) when shown;
    /// hidden, only marked stale and recomputed when shown or read.
    void onRunsUpdated();
    RunStore& m_store;
    ViewSettings& m_settings;
    ComparisonTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QTimer m_refill;  ///< coalesces a batch of added runs (or of new points) into one refresh
    QElapsedTimer m_sinceRefresh;
    bool m_stale = false;  ///< followed runs grew while the table was hidden
    int m_refreshes = 0;
};

}  // namespace curvedoctor::ui
