#include "ui/panels/groups_tab.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/models/group_controller.h"
#include "ui/panels/group_panel.h"

namespace curvedoctor::ui {

GroupsTab::GroupsTab(GroupController& groups, RunStore& store, ViewSettings& settings,
                     QWidget* parent)
    : QWidget(parent), m_groups(groups), m_groupPanel(new GroupPanel(groups, store, settings)) {
    auto* byPattern = new QPushButton(tr("Group by Name Pattern…"));
    auto* clearGroups = new QPushButton(tr("Remove All Groups"));
    connect(byPattern, &QPushButton::clicked, this, &GroupsTab::groupByPatternDialog);
    connect(clearGroups, &QPushButton::clicked, &m_groups, &GroupController::clear);
    auto* top = new QHBoxLayout;
    top->addWidget(byPattern);
    top->addWidget(clearGroups);
    top->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_groupPanel, 1);
}

void GroupsTab::groupByPatternDialog() {
    bool ok = false;
    const QString pattern = QInputDialog::getText(this, tr("Group by Name Pattern"),
                                                  tr("Regular expression over run names:"),
                                                  QLineEdit::Normal, QString(), &ok);
    if (!ok || pattern.isEmpty()) return;
    QString error;
    if (m_groups.makeGroupFromRegex(pattern, {}, &error) == 0)
        QMessageBox::warning(this, tr("Group by Name Pattern"), error);
}

}  // namespace curvedoctor::ui
