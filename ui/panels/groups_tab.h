#pragma once
/// \file groups_tab.h
/// The "Groups" tab: "Group by Name Pattern…" and "Remove All Groups" above the group charts
/// and findings (GroupPanel).

#include <QWidget>

namespace curvedoctor::ui {

class GroupController;
class GroupPanel;
class RunStore;
class ViewSettings;

class GroupsTab : public QWidget {
    Q_OBJECT
public:
    GroupsTab(GroupController& groups, RunStore& store, ViewSettings& settings,
              QWidget* parent = nullptr);

    [[nodiscard]] GroupPanel* groupPanel() const { return m_groupPanel; }

public Q_SLOTS:
    /// Asks for a regular expression over run names and groups the runs it matches.
    void groupByPatternDialog();

private:
    GroupController& m_groups;
    GroupPanel* m_groupPanel;
};

}  // namespace curvedoctor::ui
