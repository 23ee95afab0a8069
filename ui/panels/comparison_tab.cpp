#include "ui/panels/comparison_tab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/models/comparison_table_model.h"
#include "ui/models/group_controller.h"
#include "ui/panels/comparison_panel.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

ComparisonTab::ComparisonTab(RunStore& store, ViewSettings& settings, GroupController& groups,
                             QWidget* parent)
    : QWidget(parent),
      m_settings(settings),
      m_groups(groups),
      m_comparison(new ComparisonPanel(store, settings)),
      m_layoutBox(new QComboBox) {
    m_layoutBox->addItem(tr("Overlay: all runs in the same charts"),
                         static_cast<int>(CompareLayout::Overlay));
    m_layoutBox->addItem(tr("Side by side: one column per run"),
                         static_cast<int>(CompareLayout::SideBySide));
    syncLayoutBox();
    connect(m_layoutBox, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setCompareLayout(static_cast<CompareLayout>(m_layoutBox->currentData().toInt()));
    });
    connect(&m_settings, &ViewSettings::compareLayoutChanged, this, &ComparisonTab::syncLayoutBox);
    auto* differences = new QCheckBox(tr("Differences only"));
    differences->setObjectName(QStringLiteral("differencesOnly"));
    differences->setToolTip(tr("Hide the hyperparameters that are the same in every run"));
    connect(differences, &QCheckBox::toggled, this,
            [this](bool on) { m_comparison->model()->setDifferencesOnly(on); });
    auto* groupButton = new QPushButton(tr("Group Selected Runs"));
    connect(groupButton, &QPushButton::clicked, this, &ComparisonTab::groupSelectedRuns);

    auto* top = new QHBoxLayout;
    top->addWidget(m_layoutBox);
    top->addWidget(differences);
    top->addStretch();
    top->addWidget(groupButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_comparison, 1);
}

void ComparisonTab::syncLayoutBox() {
    m_layoutBox->setCurrentIndex(m_settings.compareLayout() == CompareLayout::SideBySide ? 1 : 0);
}

void ComparisonTab::groupSelectedRuns() {
    const QList<int> ids = m_comparison->selectedRunIds();
    if (ids.size() < 2) {
        QMessageBox::information(this, tr("Group Runs"),
                                 tr("Select two or more runs in the comparison table first."));
        return;
    }
    m_groups.makeGroup(ids);
}

}  // namespace curvedoctor::ui
