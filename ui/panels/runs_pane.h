#pragma once
/// \file runs_pane.h
/// The Runs dock: the filter bar (finding kind, hyperparameter, show all / hide all / show
/// only) above the run list, both driving one RunFilter together with the list's name filter.

#include <QWidget>

namespace curvedoctor::ui {

class RunFilter;
class RunFilterBar;
class RunListPanel;
class RunStore;

class RunsPane : public QWidget {
    Q_OBJECT
public:
    RunsPane(RunStore& store, RunFilter& filter, QWidget* parent = nullptr);

    [[nodiscard]] RunListPanel* runList() const { return m_list; }

private:
    RunFilterBar* m_bar = nullptr;
    RunListPanel* m_list = nullptr;
};

}  // namespace curvedoctor::ui
