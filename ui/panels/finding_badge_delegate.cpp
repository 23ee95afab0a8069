#include "ui/panels/finding_badge_delegate.h"

#include <QApplication>
#include <QPainter>

#include "ui/chart/palette.h"

namespace curvedoctor::ui {
namespace {
constexpr int kBadgeGap = 4;
constexpr int kBadgePadding = 5;
}  // namespace

FindingBadgeDelegate::FindingBadgeDelegate(int countsRole, QObject* parent)
    : QStyledItemDelegate(parent), m_countsRole(countsRole) {}

void FindingBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QList<int> counts = index.data(m_countsRole).value<QList<int>>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    int x = option.rect.left() + kBadgeGap;
    const int y = option.rect.center().y() - h / 2;
    bool any = false;
    for (int severity = 2; severity >= 0; --severity) {
        const int n = severity < counts.size() ? counts[severity] : 0;
        if (n <= 0) continue;
        any = true;
        const QString text = QString::number(n);
        const int w = std::max(h, fm.horizontalAdvance(text) + 2 * kBadgePadding);
        const QRect badge(x, y, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(severityColor(severity));
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
        x += w + kBadgeGap;
    }
    if (!any) {
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(kBadgeGap, 0, 0, 0),
                          Qt::AlignVCenter | Qt::AlignLeft, tr("ok"));
    }
    painter->restore();
}

QSize FindingBadgeDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    s.setWidth(3 * (fm.height() + 2 + kBadgeGap) + kBadgeGap);
    return s;
}

}  // namespace curvedoctor::ui
