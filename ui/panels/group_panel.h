#pragma once
/// \file group_panel.h
/// Shows the GroupController's groups: one GroupChart per metric family (mean line and a
/// min..max or +/-1 std band per group) and the group findings underneath. A chart is kept per
/// family and only refilled on a change: its view is never deleted while the family is shown.

#include <QHash>
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
    QList<GroupChart*> m_charts;                 ///< shown, top to bottom
    QHash<QString, QChartView*> m_viewByFamily;  ///< views are kept per family and reused
};

}  // namespace curvedoctor::ui
