#include "ui/panels/load_status_widget.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

#include "ui/load_controller.h"

namespace curvedoctor::ui {

LoadStatusWidget::LoadStatusWidget(LoadController& controller, QWidget* parent)
    : QWidget(parent), m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this)) {
    m_progress->setRange(0, 1000);
    m_progress->setFixedWidth(180);
    m_progress->setFormat(tr("Loading… %p%"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading; runs already read are kept"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    setVisible(controller.isBusy());
    connect(&controller, &LoadController::busyChanged, this, &QWidget::setVisible);
    connect(&controller, &LoadController::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_cancel, &QToolButton::clicked, &controller, &LoadController::cancel);
}

}  // namespace curvedoctor::ui
