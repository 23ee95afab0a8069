#pragma once
/// \file shortcuts_dialog.h
/// Help > Keyboard Shortcuts: every shortcut of the window's actions, read from the actions
/// themselves when the dialog opens, so the list cannot go stale when an action is added or
/// its shortcut changes.

#include <QDialog>
#include <QList>
#include <QString>

namespace curvedoctor::ui {

struct ShortcutRow {
    QString action;  ///< the action's text without '&' and the trailing "…"
    QString keys;    ///< its shortcuts in the platform's notation, ", "-separated
};

/// The shortcuts of every QAction below `window` (menus, panels, charts), sorted by action.
[[nodiscard]] QList<ShortcutRow> shortcutRows(const QWidget& window);

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    /// Lists the shortcuts of `window`'s actions.
    explicit ShortcutsDialog(QWidget& window);
};

}  // namespace curvedoctor::ui
