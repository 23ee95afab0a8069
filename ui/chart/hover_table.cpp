#include "ui/chart/hover_table.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/chart/chart_axes.h"

namespace curvedoctor::ui {

HoverTable::HoverTable(QWidget* parent) : QFrame(parent), m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("hoverTable"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFrameShape(QFrame::Box);
    m_label->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_label);
    setPinned(false);
    hide();
}

void HoverTable::setPinned(bool pinned) {
    m_pinned = pinned;
    if (!m_rows.rows.empty()) {
        m_label->setText(html());
        adjustSize();
    }
    // A style sheet replaces the palette's background, so it paints its own.
    setStyleSheet(pinned ? QStringLiteral("QFrame#hoverTable { border: 2px solid #1E88E5; "
                                          "background: rgba(255, 255, 255, 240); }")
                         : QStringLiteral("QFrame#hoverTable { border: 1px solid #b8bec6; "
                                          "background: rgba(255, 255, 255, 240); }"));
}

void HoverTable::setMaxRows(int rows) {
    m_maxRows = std::clamp(rows, 3, kMaxRows);
}

int HoverTable::shownRowCount() const {
    return std::min(m_maxRows, static_cast<int>(m_rows.rows.size()));
}

int HoverTable::moreCount() const {
    return static_cast<int>(m_rows.rows.size()) - shownRowCount();
}

void HoverTable::setRows(HoverRows rows, const QString& xTitle) {
    m_rows = std::move(rows);
    m_xTitle = xTitle;
    if (m_rows.rows.empty()) {
        hide();
        return;
    }
    m_label->setText(html());
    adjustSize();
    show();
}

QString HoverTable::html() const {
    QString out =
        QStringLiteral(
            "<table cellspacing=0 cellpadding=1><tr style='color:#5a626c'><td></td><td>run</td>"
            "<td>metric</td><td align=right>&nbsp;%1</td><td align=right>&nbsp;smoothed</td>"
            "<td align=right>&nbsp;raw</td></tr>")
            .arg(m_xTitle.toHtmlEscaped());
    for (int i = 0; i < shownRowCount(); ++i) {
        const HoverRow& r = m_rows.rows[static_cast<std::size_t>(i)];
        out += QStringLiteral(
                   "<tr><td style='color:%1'>&#9632;</td><td>%2</td><td>%3</td>"
                   "<td align=right>&nbsp;%4</td><td align=right>&nbsp;<b>%5</b></td>"
                   "<td align=right>&nbsp;%6</td></tr>")
                   .arg(r.color.name(), r.run.toHtmlEscaped(), r.metric.toHtmlEscaped(),
                        m_xTitle == QStringLiteral("step") ? QString::number(r.step)
                                                           : formatValue(r.x),
                        formatValue(r.smoothed), formatValue(r.raw));
    }
    out += QStringLiteral("</table>");
    if (moreCount() > 0)
        out += QStringLiteral("<div style='color:#5a626c'>%1 more (Ctrl+C copies all)</div>")
                   .arg(moreCount());
    if (m_pinned)
        out += QStringLiteral("<div style='color:#1E88E5'>pinned: click to release</div>");
    return out;
}

QString HoverTable::toTsv() const {
    QString out = QStringLiteral("run\tmetric\tstep\t%1\tsmoothed\traw\n").arg(m_xTitle);
    for (const HoverRow& r : m_rows.rows)
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                   .arg(r.run, r.metric)
                   .arg(r.step)
                   .arg(r.x, 0, 'g', 10)
                   .arg(r.smoothed, 0, 'g', 10)
                   .arg(r.raw, 0, 'g', 10);
    return out;
}

}  // namespace curvedoctor::ui
