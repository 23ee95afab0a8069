#pragma once
/// \file hover_table.h
/// The table a chart shows under the pointer: every visible run's raw and smoothed value at
/// the crosshair's x, nearest to the pointer first, the first kMaxRows rows and "N more".
/// Pinned with a click (it stays while the pointer moves on); copied as TSV with Ctrl+C.

#include <QFrame>
#include <QString>

#include "ui/chart/metric_chart.h"

class QLabel;

namespace curvedoctor::ui {

class HoverTable : public QFrame {
    Q_OBJECT
public:
    explicit HoverTable(QWidget* parent = nullptr);

    static constexpr int kMaxRows = 12;
    /// Rows shown at most: kMaxRows, fewer in a short chart (at least 3).
    void setMaxRows(int rows);
    [[nodiscard]] int maxRows() const { return m_maxRows; }

    /// New rows; `xTitle` names the x unit ("step", "epoch"...). Empty rows hide the table.
    void setRows(HoverRows rows, const QString& xTitle);
    [[nodiscard]] const HoverRows& rows() const { return m_rows; }
    /// Rows shown (at most maxRows()), and how many more there are.
    [[nodiscard]] int shownRowCount() const;
    [[nodiscard]] int moreCount() const;
    /// The text shown (rich text).
    [[nodiscard]] QString html() const;
    /// All rows (not only those shown) as tab-separated values with a header line.
    [[nodiscard]] QString toTsv() const;

    void setPinned(bool pinned);
    [[nodiscard]] bool isPinned() const { return m_pinned; }

private:
    QLabel* m_label = nullptr;
    HoverRows m_rows;
    QString m_xTitle;
    bool m_pinned = false;
    int m_maxRows = kMaxRows;
};

}  // namespace curvedoctor::ui
