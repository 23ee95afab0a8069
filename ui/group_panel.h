#pragma once
/// \file group_panel.h
/// Shows the GroupController's groups: one GroupChart per metric family (mean line and a
/// min..max or +/-1 std band per group) and the group findings underneath.

#include <QList>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QVBoxLayout;

namespace curvedoctor::ui {

class GroupChart;
class GroupController;
class RunStore;
class ViewSettings;

class GroupPanel : public QWidget {
    Q_OBJECT
public:
    GroupPanel(GroupController& groups, RunStore& store, ViewSettings& settings,
               QWidget* parent = nullptr);

    [[nodiscard]] QList<GroupChart*> charts() const { return m_charts; }
    [[nodiscard]] QComboBox* bandSelector() const { return m_band; }

public Q_SLOTS:
    void rebuild();

private:
    GroupController& m_groups;
    RunStore& m_store;
    ViewSettings& m_settings;
    QComboBox* m_band;
    QVBoxLayout* m_chartsLayout;
    QLabel* m_findings;
    QList<GroupChart*> m_charts;
    QList<QChartView*> m_views;
};

}  // namespace curvedoctor::ui
