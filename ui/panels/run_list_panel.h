#pragma once
/// \file run_list_panel.h
/// The run list: swatch, visibility checkbox, editable name, format and finding badges per run,
/// a regular-expression filter over names, and actions to recolour and close runs.

#include <QRegularExpression>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace curvedoctor::ui {

class RunListModel;
class RunStore;

class RunListPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunListPanel(RunStore& store, QWidget* parent = nullptr);

    [[nodiscard]] RunListModel* model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    /// Id of the current run, or 0.
    [[nodiscard]] int currentRunId() const;

public Q_SLOTS:
    /// Makes the run with this id current (clearing the filter if it hides it).
    void selectRun(int id);
    /// Asks for a new colour for the current run.
    void chooseColor();
    /// Closes the selected runs.
    void closeSelected();

Q_SIGNALS:
    void currentRunChanged(int id);
    /// The name filter changed to this valid expression (the RunFilter follows it).
    void nameFilterChanged(const QRegularExpression& pattern);

private:
    void applyFilter(const QString& pattern);
    /// Fits the format and findings columns to their rows soon (once for a burst of changes).
    void scheduleFit();
    void fitColumns();
    /// Widens the format column to the formats of the proxy's rows first..last (the findings
    /// column's badges have a fixed width).
    void widenFormatColumn(int first, int last);
    void showContextMenu(const QPoint& pos);

    RunStore& m_store;
    RunListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_view = nullptr;
    QToolButton* m_colorButton = nullptr;
    QToolButton* m_closeButton = nullptr;
    QTimer m_fitTimer;
};

}  // namespace curvedoctor::ui
