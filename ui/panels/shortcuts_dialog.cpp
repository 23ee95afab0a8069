#include "ui/panels/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace curvedoctor::ui {

QList<ShortcutRow> shortcutRows(const QWidget& window) {
    QList<ShortcutRow> rows;
    for (const QAction* a : window.findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        keys.removeDuplicates();
        QString text = a->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        text.replace(QStringLiteral("&&"), QStringLiteral("&"));
        if (text.endsWith(QChar(0x2026))) text.chop(1);
        if (text.endsWith(QStringLiteral("..."))) text.chop(3);
        const ShortcutRow row{text, keys.join(QStringLiteral(", "))};
        const bool listed = std::any_of(rows.begin(), rows.end(), [&](const ShortcutRow& r) {
            return r.action == row.action && r.keys == row.keys;
        });
        if (!listed) rows << row;
    }
    std::sort(rows.begin(), rows.end(), [](const ShortcutRow& a, const ShortcutRow& b) {
        return QString::localeAwareCompare(a.action, b.action) < 0;
    });
    return rows;
}

ShortcutsDialog::ShortcutsDialog(QWidget& window) : QDialog(&window) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<ShortcutRow> rows = shortcutRows(window);
    auto* table = new QTableWidget(static_cast<int>(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].action));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].keys));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(440, 420);
}

}  // namespace curvedoctor::ui
