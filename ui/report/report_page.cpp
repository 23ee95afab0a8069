#include "ui/report/report_page.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainterPath>
#include <algorithm>

namespace curvedoctor::ui::report {

QFont makeFont(qreal px, bool bold) {
    QFont f = QGuiApplication::font();
    f.setPixelSize(qRound(px));
    f.setBold(bold);
    // No ligatures: text copied out of a PDF report reads "fi", not U+FB01 (overﬁtting).
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

bool Page::keep(qreal h) {
    if (m_pageHeight <= 0.0) return false;
    const qreal top = m_page * m_pageHeight + kMargin;
    // A block taller than a page goes where it is (cut at the bottom): a new page would not
    // hold it either.
    if (m_y + h <= (m_page + 1) * m_pageHeight - kMargin || m_y <= top + 0.5 ||
        h > m_pageHeight - 2 * kMargin)
        return false;
    ++m_page;
    m_y = m_page * m_pageHeight + kMargin;
    if (m_newPage) m_newPage(m_page);
    return true;
}

void Page::paragraph(const QString& text, const QFont& font, const QColor& color, qreal after) {
    const qreal h = textHeight(text, font, contentWidth());
    keep(h);
    if (m_p) {
        m_p->setFont(font);
        m_p->setPen(color);
        m_p->drawText(QRectF(kMargin, m_y, contentWidth(), h), Qt::TextWordWrap, text);
    }
    m_y += h + after;
}

void Page::rule() {
    if (m_p) {
        m_p->setPen(QPen(kRule, 1.0));
        m_p->drawLine(QPointF(kMargin, m_y), QPointF(m_width - kMargin, m_y));
    }
    m_y += 1.0;
}

void Page::legend(const QList<QPair<QColor, QString>>& entries, const QFont& font) {
    const QFontMetricsF fm(font, m_metrics);
    const qreal rowH = fm.height() + 6;
    qreal x = kMargin;
    for (const auto& [color, label] : entries) {
        const qreal w = 28 + fm.horizontalAdvance(label) + 22;
        if (x + w > m_width - kMargin && x > kMargin) {
            x = kMargin;
            m_y += rowH;
        }
        if (x == kMargin) keep(rowH);
        if (m_p) {
            m_p->setPen(QPen(color, 3.0, Qt::SolidLine, Qt::RoundCap));
            m_p->drawLine(QPointF(x, m_y + rowH / 2), QPointF(x + 22, m_y + rowH / 2));
            m_p->setPen(kInk);
            m_p->setFont(font);
            m_p->drawText(QRectF(x + 28, m_y, w, rowH), Qt::AlignVCenter, label);
        }
        x += w;
    }
    m_y += rowH;
}

QRectF Page::table(const QList<Column>& cols, const QList<QList<Cell>>& rows, const QFont& font,
                   qreal maxHeight, const std::function<QList<Cell>(int)>& more) {
    const QFont headFont = [&] {
        QFont f = font;
        f.setBold(true);
        return f;
    }();
    QFont small = font;
    small.setPixelSize(std::max(9, font.pixelSize() - 2));
    qreal total = 0;
    for (const Column& c : cols) total += c.weight;
    QList<qreal> widths;
    for (const Column& c : cols) widths << contentWidth() * c.weight / total;

    auto cellTextWidth = [&](const Cell& c, qreal w) {
        return w - 2 * kCellPad - (c.swatch.isValid() ? 16 : 0) - (c.pill.isValid() ? 12 : 0);
    };
    auto rowHeight = [&](const QList<Cell>& cells, const QFont& f) {
        qreal h = 0;
        for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
            const Cell& c = cells[i];
            const qreal tw = cellTextWidth(c, widths[i]);
            qreal ch = textHeight(c.text.isEmpty() ? QStringLiteral(" ") : c.text,
                                  c.bold ? headFont : f, tw);
            if (!c.detail.isEmpty()) ch += QFontMetricsF(small, m_metrics).height() + 2;
            h = std::max(h, ch);
        }
        return h + 2 * kCellPad;
    };
    auto drawRow = [&](const QList<Cell>& cells, const QFont& f, qreal h, const QColor& fill) {
        if (!m_p) return;
        if (fill.isValid()) m_p->fillRect(QRectF(kMargin, m_y, contentWidth(), h), fill);
        qreal x = kMargin;
        for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
            const Cell& c = cells[i];
            qreal tx = x + kCellPad;
            const qreal tw = cellTextWidth(c, widths[i]);
            if (c.swatch.isValid()) {
                m_p->fillRect(QRectF(tx, m_y + kCellPad + 3, 10, 10), c.swatch);
                tx += 16;
            }
            const QFont& cf = c.bold ? headFont : f;
            const qreal th = textHeight(c.text, cf, tw);
            if (c.pill.isValid()) {
                const QFontMetricsF fm(cf, m_metrics);
                const QRectF pill(tx, m_y + kCellPad - 1, fm.horizontalAdvance(c.text) + 12,
                                  th + 2);
                QPainterPath path;
                path.addRoundedRect(pill, 4, 4);
                m_p->fillPath(path, c.pill);
                m_p->setPen(Qt::white);
                m_p->setFont(cf);
                m_p->drawText(pill, Qt::AlignCenter, c.text);
            } else {
                m_p->setPen(kInk);
                m_p->setFont(cf);
                const int align = (c.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::TextWordWrap;
                m_p->drawText(QRectF(tx, m_y + kCellPad, tw, th), align, c.text);
            }
            if (!c.detail.isEmpty()) {
                // One line, elided: a long metric name must not spill into the next column.
                const QFontMetricsF fm(small, m_metrics);
                const QString line = fm.elidedText(c.detail, Qt::ElideMiddle, tw);
                m_p->setPen(kMuted);
                m_p->setFont(small);
                m_p->drawText(QRectF(tx, m_y + kCellPad + th + 2, tw, fm.height()),
                              c.numeric ? Qt::AlignRight : Qt::AlignLeft, line);
            }
            x += widths[i];
        }
    };

    QList<Cell> head;
    for (const Column& c : cols) head << Cell{c.title, {}, {}, {}, true, c.numeric};
    const qreal hh = rowHeight(head, headFont);
    // On a new page the table goes on under its header again.
    auto keepRow = [&](qreal h) {
        if (!keep(h)) return;
        drawRow(head, headFont, hh, kHeaderFill);
        m_y += hh;
    };
    keep(hh + rowHeight(rows.isEmpty() ? head : rows.front(), font));
    const qreal top = m_y;
    drawRow(head, headFont, hh, kHeaderFill);
    if (m_p) {
        m_p->setPen(QPen(kRule, 1.0));
        m_p->drawLine(QPointF(kMargin, top), QPointF(kMargin + contentWidth(), top));
        m_p->drawLine(QPointF(kMargin, top + hh), QPointF(kMargin + contentWidth(), top + hh));
    }
    m_y += hh;
    // Room kept for the "and N more" row, measured on a typical one.
    const qreal noteH = more ? rowHeight(more(static_cast<int>(rows.size())), font) : 0.0;
    for (int r = 0; r < rows.size(); ++r) {
        const qreal h = rowHeight(rows[r], font);
        const bool last = r + 1 == rows.size();
        if (more && m_y + h + (last ? 0.0 : noteH) > top + maxHeight) {
            const QList<Cell> note = more(static_cast<int>(rows.size()) - r);
            const qreal nh = rowHeight(note, font);
            keepRow(nh);
            drawRow(note, font, nh, kHeaderFill);
            m_y += nh;
            break;
        }
        keepRow(h);
        drawRow(rows[r], font, h, r % 2 == 1 ? kStripe : QColor());
        m_y += h;
    }
    if (m_p) {
        m_p->setPen(QPen(kRule, 1.0));
        m_p->drawLine(QPointF(kMargin, m_y), QPointF(kMargin + contentWidth(), m_y));
    }
    return QRectF(kMargin, top, contentWidth(), m_y - top);
}

}  // namespace curvedoctor::ui::report
