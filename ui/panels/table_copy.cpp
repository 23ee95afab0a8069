#include "ui/panels/table_copy.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableView>
#include <algorithm>
#include <set>

namespace curvedoctor::ui {
namespace {

// Logical column indices in the order the header shows them, hidden ones left out.
QList<int> shownColumns(const QTableView& view) {
    QList<int> cols;
    const QHeaderView* h = view.horizontalHeader();
    for (int visual = 0; visual < h->count(); ++visual) {
        const int logical = h->logicalIndex(visual);
        if (!view.isColumnHidden(logical)) cols << logical;
    }
    return cols;
}

QString tsvCell(QString s) {
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}

QString csvCell(QString s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

template <class Cell>
QString rowsAsText(const QTableView& view, const QList<int>& rows, QChar sep, Cell cell) {
    const QAbstractItemModel* m = view.model();
    if (!m) return {};
    const QList<int> cols = shownColumns(view);
    QStringList lines;
    QStringList fields;
    for (int c : cols) fields << cell(m->headerData(c, Qt::Horizontal).toString());
    lines << fields.join(sep);
    for (int r : rows) {
        fields.clear();
        for (int c : cols) fields << cell(m->index(r, c).data().toString());
        lines << fields.join(sep);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace

QString selectionAsTsv(const QTableView& view) {
    if (!view.selectionModel()) return {};
    std::set<int> rows;
    for (const QModelIndex& i : view.selectionModel()->selectedIndexes()) rows.insert(i.row());
    if (rows.empty()) return {};
    return rowsAsText(view, QList<int>(rows.begin(), rows.end()), QLatin1Char('\t'), tsvCell);
}

QString tableAsCsv(const QTableView& view) {
    QList<int> rows;
    const int n = view.model() ? view.model()->rowCount() : 0;
    for (int r = 0; r < n; ++r) rows << r;
    return rowsAsText(view, rows, QLatin1Char(','), csvCell);
}

void installTableCopy(QTableView& view, const QString& csvName) {
    auto* copy = new QAction(QObject::tr("&Copy"), &view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, &view, [&view] {
        const QString tsv = selectionAsTsv(view);
        if (!tsv.isEmpty()) QGuiApplication::clipboard()->setText(tsv);
    });
    view.addAction(copy);
    view.setContextMenuPolicy(Qt::ActionsContextMenu);
    if (csvName.isEmpty()) return;
    auto* csv = new QAction(QObject::tr("Export as CSV…"), &view);
    QObject::connect(csv, &QAction::triggered, &view, [&view, csvName] {
        const QString path = QFileDialog::getSaveFileName(&view, QObject::tr("Export as CSV"),
                                                          csvName, QObject::tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        const QByteArray bytes = tableAsCsv(view).toUtf8();
        QSaveFile f(path);
        if (!(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit()))
            QMessageBox::warning(
                &view, QObject::tr("Export as CSV"),
                QObject::tr("%1: could not write the CSV (%2)").arg(path, f.errorString()));
    });
    view.addAction(csv);
}

}  // namespace curvedoctor::ui
