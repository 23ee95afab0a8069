// File > Open Recent: order, the cap, re-opening, entries for paths that are gone.
#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QTemporaryDir>

#include "ui/panels/recent_menu.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

QStringList entryPaths(const QMenu& menu) {
    QStringList out;
    for (QAction* a : menu.actions())
        if (!a->isSeparator() && a->text() != QStringLiteral("Clear Recent"))
            out << a->text().section(QLatin1Char(' '), 1);
    return out;
}

TEST(RecentMenu, NewestFirstCappedAndReopenedPathsMoveToTheFront) {
    testing::SettingsSandbox sandbox;
    QMenu menu;
    QStringList opened;
    RecentMenu recent(
        menu, [&](const QString& p) { opened << p; }, nullptr);
    EXPECT_FALSE(menu.isEnabled());  // nothing opened yet

    QStringList all;
    for (int i = 0; i < RecentMenu::kMaxRecent + 2; ++i) all << QStringLiteral("/runs/r%1").arg(i);
    for (const QString& p : all) recent.add({p});
    QStringList expected;
    for (int i = all.size() - 1; expected.size() < RecentMenu::kMaxRecent; --i) expected << all[i];
    EXPECT_EQ(RecentMenu::paths(), expected);
    EXPECT_EQ(entryPaths(menu), expected);

    recent.add({all[5]});  // opened again: first, not twice
    EXPECT_EQ(RecentMenu::paths().front(), all[5]);
    EXPECT_EQ(RecentMenu::paths().count(all[5]), 1);
    EXPECT_EQ(RecentMenu::paths().size(), RecentMenu::kMaxRecent);
}

TEST(RecentMenu, AGonePathIsListedDisabledAndAnExistingOneOpens) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    QMenu menu;
    QStringList opened;
    RecentMenu recent(
        menu, [&](const QString& p) { opened << p; }, nullptr);
    recent.add({QStringLiteral("/no/such/run.csv"), dir.path()});
    ASSERT_TRUE(menu.isEnabled());
    const QList<QAction*> actions = menu.actions();
    ASSERT_GE(actions.size(), 2);
    EXPECT_TRUE(actions[0]->isEnabled());  // dir.path(), added last
    EXPECT_FALSE(actions[1]->isEnabled());
    actions[0]->trigger();
    EXPECT_EQ(opened, QStringList{dir.path()});

    for (QAction* a : actions)
        if (a->text() == QStringLiteral("Clear Recent")) a->trigger();
    EXPECT_TRUE(RecentMenu::paths().isEmpty());
    EXPECT_FALSE(menu.isEnabled());
}

}  // namespace
}  // namespace curvedoctor::ui
