#include "ui/chart/compare_view.h"

#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/chart/chart_panel.h"
#include "ui/chart/side_by_side_view.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

CompareView::CompareView(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent),
      m_settings(settings),
      m_stack(new QStackedWidget(this)),
      m_overlay(new ChartPanel(store, settings)),
      m_sideBySide(new SideBySideView(store, settings)) {
    m_stack->addWidget(m_overlay);
    m_stack->addWidget(m_sideBySide);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    connect(&m_settings, &ViewSettings::compareLayoutChanged, this, &CompareView::follow);
    follow();
}

QWidget* CompareView::currentPage() const {
    return m_stack->currentWidget();
}

void CompareView::follow() {
    const bool side = m_settings.compareLayout() == CompareLayout::SideBySide;
    m_stack->setCurrentWidget(side ? static_cast<QWidget*>(m_sideBySide) : m_overlay);
}

}  // namespace curvedoctor::ui
