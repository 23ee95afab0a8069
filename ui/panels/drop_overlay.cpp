#include "ui/panels/drop_overlay.h"

#include <QPainter>
#include <QPainterPath>

namespace curvedoctor::ui {

DropOverlay::DropOverlay(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("dropOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    hide();
}

void DropOverlay::showOver(const QString& text) {
    m_text = text;
    setGeometry(parentWidget()->rect());
    raise();
    show();
    update();
}

void DropOverlay::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor accent = palette().color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlpha(40);
    const QRectF r = QRectF(rect()).adjusted(8, 8, -8, -8);
    QPen pen(accent, 3, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(fill);
    p.drawRoundedRect(r, 12, 12);
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    font.setBold(true);
    p.setFont(font);
    const QRectF label = p.fontMetrics().boundingRect(m_text).adjusted(-24, -14, 24, 14);
    QRectF box(QPointF(0, 0), label.size());
    box.moveCenter(r.center());
    p.setPen(Qt::NoPen);
    p.setBrush(accent);
    p.drawRoundedRect(box, 10, 10);
    p.setPen(palette().color(QPalette::HighlightedText));
    p.drawText(box, Qt::AlignCenter, m_text);
}

}  // namespace curvedoctor::ui
