#pragma once
/// \file table_copy.h
/// Tables give their contents away as text: Ctrl+C (the platform's Copy) copies the selected
/// rows as TSV for a spreadsheet, and a table can be written whole as CSV. Text is what the
/// table shows (its display role), columns in the order on screen, hidden columns left out.

#include <QString>

class QAbstractItemView;
class QTableView;
class QWidget;

namespace curvedoctor::ui {

/// The selected cells' rows as TSV: a header row, then each row that has a selected cell, in
/// view order, with every shown column. Tabs and line breaks inside a cell become spaces.
/// Empty when nothing is selected.
[[nodiscard]] QString selectionAsTsv(const QTableView& view);
/// The whole table (every row of its model, header first) as CSV (RFC 4180 quoting).
[[nodiscard]] QString tableAsCsv(const QTableView& view);

/// Adds Copy (Ctrl+C, while the table has focus) and, with `csvName` given, "Export as CSV…"
/// (a save dialog suggesting `csvName`) to the table's context menu.
void installTableCopy(QTableView& view, const QString& csvName = {});

}  // namespace curvedoctor::ui
