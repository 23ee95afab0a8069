#include <gtest/gtest.h>

#include <QSignalSpy>

#include "ui/chart/palette.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

core::RunPtr makeRun(const std::string& name) {
    auto r = std::make_shared<core::Run>();
    r->name = name;
    r->source = "/tmp/" + name;
    return r;
}

TEST(RunStore, NamesAreUniqueAndColoursDistinct) {
    RunStore store;
    store.add(makeRun("a"), {});
    store.add(makeRun("a"), {});
    store.add(makeRun("a"), {});
    EXPECT_EQ(store.at(0).name, QStringLiteral("a"));
    EXPECT_EQ(store.at(1).name, QStringLiteral("a (2)"));
    EXPECT_EQ(store.at(2).name, QStringLiteral("a (3)"));
    EXPECT_NE(store.at(0).color, store.at(1).color);
    EXPECT_NE(store.at(1).color, store.at(2).color);
}

TEST(RunStore, RenameToTakenNameGetsSuffixAndSignals) {
    RunStore store;
    store.add(makeRun("a"), {});
    store.add(makeRun("b"), {});
    QSignalSpy spy(&store, &RunStore::runChanged);
    EXPECT_EQ(store.rename(1, QStringLiteral("a")), QStringLiteral("a (2)"));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(store.rowOfSource(QStringLiteral("/tmp/b")), 1);
}

TEST(RunStore, RemoveKeepsIds) {
    RunStore store;
    store.add(makeRun("a"), {});
    store.add(makeRun("b"), {});
    const int idB = store.at(1).id;
    store.remove(0);
    EXPECT_EQ(store.count(), 1);
    EXPECT_EQ(store.rowOfId(idB), 0);
}

TEST(Palette, SixteenDistinctRunColours) {
    QSet<QRgb> seen;
    for (int i = 0; i < runColorCount(); ++i) seen.insert(runColor(i).rgb());
    EXPECT_EQ(seen.size(), runColorCount());
    EXPECT_GE(runColorCount(), 12);
}

}  // namespace
}  // namespace curvedoctor::ui
