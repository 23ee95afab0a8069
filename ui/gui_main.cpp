#include "ui/gui_main.h"

#include <QApplication>

#include "ui/main_window.h"

namespace curvedoctor::ui {

int runGui(int argc, char** argv, const std::vector<std::string>& paths) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CurveDoctor"));
    QApplication::setOrganizationName(QStringLiteral("CurveDoctor"));
    QApplication::setApplicationVersion(QStringLiteral(CURVEDOCTOR_VERSION));
    MainWindow window;
    QStringList list;
    for (const auto& p : paths) list << QString::fromStdString(p);
    window.openPaths(list);
    window.show();
    return QApplication::exec();
}

}  // namespace curvedoctor::ui
