#include <gtest/gtest.h>

#include "ui/main_window.h"

namespace curvedoctor::ui {
namespace {

TEST(MainWindow, OpensWithTitle) {
    MainWindow w;
    w.show();
    EXPECT_EQ(w.windowTitle(), QStringLiteral("CurveDoctor"));
}

}  // namespace
}  // namespace curvedoctor::ui
