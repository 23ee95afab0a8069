// GoogleTest main for the command-line suite: with the UI built, one QApplication on the
// offscreen platform for the report command's tests (as a `report` run makes its own).
#include <gtest/gtest.h>

#ifdef CURVEDOCTOR_APP_TESTS_WITH_QT
#include <QApplication>
#endif

int main(int argc, char** argv) {
#ifdef CURVEDOCTOR_APP_TESTS_WITH_QT
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#endif
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
