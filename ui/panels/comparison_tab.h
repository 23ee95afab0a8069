#pragma once
/// \file comparison_tab.h
/// The "Comparison" tab: the overlay/side-by-side switch, "Differences only" (hyperparameters
/// the same in every run hidden) and "Group Selected Runs" above the comparison table
/// (ComparisonPanel).

#include <QWidget>

class QComboBox;

namespace curvedoctor::ui {

class ComparisonPanel;
class GroupController;
class RunStore;
class ViewSettings;

class ComparisonTab : public QWidget {
    Q_OBJECT
public:
    /// `groups` receives the groups made from the table's selection.
    ComparisonTab(RunStore& store, ViewSettings& settings, GroupController& groups,
                  QWidget* parent = nullptr);

    [[nodiscard]] ComparisonPanel* comparisonPanel() const { return m_comparison; }

public Q_SLOTS:
    /// Groups the runs selected in the table; asks for two or more first.
    void groupSelectedRuns();

private:
    void syncLayoutBox();

    ViewSettings& m_settings;
    GroupController& m_groups;
    ComparisonPanel* m_comparison;
    QComboBox* m_layoutBox;
};

}  // namespace curvedoctor::ui
