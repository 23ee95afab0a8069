#pragma once
/// \file report_page.h
/// The report's page: text, rules, legends and tables laid out top to bottom (report_renderer
/// fills it). With a null painter it only measures, so the page can be sized before drawing.

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QPainter>
#include <QPair>
#include <QRectF>
#include <QString>
#include <functional>
#include <limits>

namespace curvedoctor::ui::report {

// Page geometry in logical pixels, tuned so a 1600 px wide report pasted into a two-column
// paper at 2x still has legible 12-13 px table text.
inline constexpr qreal kMargin = 40.0;
inline constexpr qreal kCellPad = 6.0;

inline const QColor kInk(0x22, 0x22, 0x22);
inline const QColor kMuted(0x66, 0x66, 0x66);
inline const QColor kRule(0xCC, 0xCC, 0xCC);
inline const QColor kHeaderFill(0xF0, 0xF0, 0xF0);
inline const QColor kStripe(0xFA, 0xFA, 0xFA);

struct Cell {
    QString text;
    QColor swatch;   ///< a small colour square before the text (run, finding kind).
    QColor pill;     ///< text drawn white on a rounded badge of this colour (severity).
    QString detail;  ///< a second, smaller grey line.
    bool bold = false;
    bool numeric = false;  ///< right-aligned.
};

struct Column {
    QString title;
    qreal weight;
    bool numeric = false;
};

/// The application font at `px` pixels.
QFont makeFont(qreal px, bool bold = false);

/// Lays the page out top to bottom; with a null painter it only measures.
class Page {
public:
    Page(QPainter* painter, QPaintDevice* metrics, qreal width)
        : m_p(painter), m_metrics(metrics), m_width(width), m_y(kMargin) {}

    [[nodiscard]] qreal y() const { return m_y; }
    void advance(qreal dy) { m_y += dy; }
    [[nodiscard]] qreal contentWidth() const { return m_width - 2 * kMargin; }
    [[nodiscard]] QPainter* painter() const { return m_p; }

    /// Paged output (PDF): pages `pageHeight` logical pixels tall, stacked at y = k *
    /// pageHeight. A block that would cross a page's bottom margin starts the next page
    /// instead, and `newPage(k)` is called first (the PDF writer turns the page there).
    void setPaging(qreal pageHeight, std::function<void(int)> newPage) {
        m_pageHeight = pageHeight;
        m_newPage = std::move(newPage);
    }
    /// Makes room for a block `h` tall (see setPaging); does nothing on an endless page.
    /// Returns true when a new page was started.
    bool keep(qreal h);
    [[nodiscard]] bool paged() const { return m_pageHeight > 0.0; }
    /// Pages used so far (1 on an endless page).
    [[nodiscard]] int pageCount() const { return m_page + 1; }

    qreal textHeight(const QString& text, const QFont& font, qreal width) const {
        const QFontMetricsF fm(font, m_metrics);
        return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    /// `text` cut to one line of `width` with an ellipsis at the end.
    [[nodiscard]] QString elided(const QString& text, const QFont& font, qreal width) const {
        return QFontMetricsF(font, m_metrics).elidedText(text, Qt::ElideRight, width);
    }
    /// A wrapped paragraph across the content width.
    void paragraph(const QString& text, const QFont& font, const QColor& color, qreal after);
    /// A thin horizontal rule across the content width.
    void rule();
    /// Legend entries laid out in rows: a colour swatch (line sample) and a label.
    void legend(const QList<QPair<QColor, QString>>& entries, const QFont& font);
    /// A table with a shaded header; cells wrap. Returns the rectangle it took. Rows that would
    /// take it past `maxHeight` are left out and replaced by the one row `more(leftOut)` makes.
    QRectF table(const QList<Column>& cols, const QList<QList<Cell>>& rows, const QFont& font,
                 qreal maxHeight = std::numeric_limits<qreal>::infinity(),
                 const std::function<QList<Cell>(int)>& more = {});

private:
    QPainter* m_p;
    QPaintDevice* m_metrics;
    qreal m_width;
    qreal m_y;
    qreal m_pageHeight = 0.0;  ///< 0: one endless page
    int m_page = 0;
    std::function<void(int)> m_newPage;
};

}  // namespace curvedoctor::ui::report
