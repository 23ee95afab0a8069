#include "ui/panels/message_area.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace curvedoctor::ui {
namespace {
/// Rows shown before the list scrolls: enough to see a batch of failures, small enough not to
/// push the charts away.
constexpr int kVisibleRows = 4;
}  // namespace

MessageArea::MessageArea(QWidget* parent)
    : QFrame(parent),
      m_list(new QListWidget(this)),
      m_dismiss(new QPushButton(tr("Dismiss"), this)),
      m_dismissAll(new QPushButton(tr("Dismiss all"), this)) {
    setObjectName(QStringLiteral("messageArea"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
        QStringLiteral("#messageArea { background: #FFF8E1; border: 1px solid #E6C200; "
                       "border-radius: 3px; } QListWidget { background: transparent; "
                       "border: none; }"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_dismissAll);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_dismiss, &QPushButton::clicked, this, &MessageArea::dismissSelected);
    connect(m_dismissAll, &QPushButton::clicked, this, &MessageArea::dismissAll);
    auto* del = new QShortcut(QKeySequence::Delete, m_list);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &MessageArea::dismissSelected);
    updateVisibility();
}

void MessageArea::addMessage(Level level, const QString& text, const QString& details,
                             const QString& aboutRun) {
    if (!m_list->findItems(text, Qt::MatchExactly).isEmpty()) return;
    const QStyle::StandardPixmap icon = level == Level::Error ? QStyle::SP_MessageBoxCritical
                                        : level == Level::Warning
                                            ? QStyle::SP_MessageBoxWarning
                                            : QStyle::SP_MessageBoxInformation;
    auto* item = new QListWidgetItem(style()->standardIcon(icon), text);
    item->setToolTip(details.isEmpty() ? text : details);
    item->setData(kAboutRunRole, aboutRun);
    m_list->addItem(item);
    m_list->scrollToBottom();
    updateVisibility();
    Q_EMIT countChanged(count());
}

int MessageArea::count() const {
    return m_list->count();
}

QStringList MessageArea::messages() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) out << m_list->item(i)->text();
    return out;
}

void MessageArea::dismissSelected() {
    const auto selected = m_list->selectedItems();
    if (selected.isEmpty()) return;
    qDeleteAll(selected);
    updateVisibility();
    Q_EMIT countChanged(count());
}

void MessageArea::dismissAll() {
    if (m_list->count() == 0) return;
    m_list->clear();
    updateVisibility();
    Q_EMIT countChanged(0);
}

void MessageArea::dismissAboutRun(const QString& source) {
    dismissWhere([&](const QString& about) { return about == source; });
}

void MessageArea::dismissAboutRuns() {
    dismissWhere([](const QString& about) { return !about.isEmpty(); });
}

void MessageArea::dismissWhere(const std::function<bool(const QString&)>& about) {
    bool removed = false;
    for (int i = m_list->count() - 1; i >= 0; --i)
        if (about(m_list->item(i)->data(kAboutRunRole).toString())) {
            delete m_list->takeItem(i);
            removed = true;
        }
    if (!removed) return;
    updateVisibility();
    Q_EMIT countChanged(count());
}

void MessageArea::updateVisibility() {
    const int rows = std::min(std::max(m_list->count(), 1), kVisibleRows);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
    m_dismiss->setVisible(m_list->count() > 1);
    m_dismissAll->setText(m_list->count() > 1 ? tr("Dismiss all") : tr("Dismiss"));
    setVisible(m_list->count() > 0);
}

}  // namespace curvedoctor::ui
