#pragma once
/// \file run_filter_bar.h
/// Above the run list: filter by finding kind ("runs that diverged") and by a hyperparameter
/// value ("lr=0.001"), and show all / hide all / show only the current run. The name filter
/// stays in the run list's own box; all of them drive one RunFilter.

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;

namespace curvedoctor::ui {

class RunFilter;
class RunStore;

class RunFilterBar : public QWidget {
    Q_OBJECT
public:
    RunFilterBar(RunStore& store, RunFilter& filter, QWidget* parent = nullptr);

    [[nodiscard]] QComboBox* kindBox() const { return m_kind; }
    [[nodiscard]] QLineEdit* hyperparameterEdit() const { return m_hparam; }

public Q_SLOTS:
    /// The run "Show only" keeps (the run list's current run); 0: none.
    void setCurrentRun(int id);
    void showAll();
    void hideAll();
    /// Only the current run visible.
    void showOnlyCurrent();

private:
    void applyHyperparameter();

    RunStore& m_store;
    RunFilter& m_filter;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_hparam = nullptr;
    QAction* m_only = nullptr;
    int m_current = 0;
};

}  // namespace curvedoctor::ui
