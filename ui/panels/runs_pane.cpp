#include "ui/panels/runs_pane.h"

#include <QVBoxLayout>

#include "ui/panels/run_filter_bar.h"
#include "ui/panels/run_list_panel.h"
#include "ui/run_filter.h"

namespace curvedoctor::ui {

RunsPane::RunsPane(RunStore& store, RunFilter& filter, QWidget* parent)
    : QWidget(parent),
      m_bar(new RunFilterBar(store, filter, this)),
      m_list(new RunListPanel(store, this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_list, 1);
    connect(m_list, &RunListPanel::nameFilterChanged, &filter, &RunFilter::setNamePattern);
    connect(m_list, &RunListPanel::currentRunChanged, m_bar, &RunFilterBar::setCurrentRun);
}

}  // namespace curvedoctor::ui
