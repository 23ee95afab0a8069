#include "app/commands/gui.h"

#include <QApplication>
#include <QTimer>

#include "ui/chart/chart_panel.h"
#include "ui/load_controller.h"
#include "ui/main_window.h"
#include "ui/session/session_controller.h"

namespace curvedoctor::app {
namespace {

using ui::LoadController;
using ui::MainWindow;

/// Debug aid for documentation and visual checks: `--screenshot FILE` saves the window as PNG
/// once loading has finished and quits. The charts' last batch of runs is charted first (the
/// chart panel rebuilds once per batch, on a timer that can still be pending when loading ends),
/// so that a screenshot of the same folder is the same picture each time.
void screenshotWhenLoaded(MainWindow& window, const QString& file) {
    auto grab = [&window, file] {
        QTimer::singleShot(800, &window, [&window, file] {
            if (auto* charts = window.findChild<ui::ChartPanel*>()) (void)charts->charts();
            // The rebuild queues the plot areas' alignment and a relayout: let them run.
            QTimer::singleShot(300, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
    };
    if (!window.loadController().isBusy()) {
        grab();
        return;
    }
    QObject::connect(&window.loadController(), &LoadController::busyChanged, &window,
                     [grab](bool busy) {
                         if (!busy) grab();
                     });
}

}  // namespace

int runGui(int argc, char** argv, const std::vector<std::string>& paths) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CurveDoctor"));
    QApplication::setOrganizationName(QStringLiteral("CurveDoctor"));
    QApplication::setApplicationVersion(QStringLiteral(CURVEDOCTOR_VERSION));
    MainWindow window;
    QStringList list;
    QString screenshot;
    QString session;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (paths[i] == "--screenshot" && i + 1 < paths.size())
            screenshot = QString::fromStdString(paths[++i]);
        else if (paths[i] == "--session" && i + 1 < paths.size())
            session = QString::fromStdString(paths[++i]);
        else
            list << QString::fromStdString(paths[i]);
    }
    if (!session.isEmpty()) window.findChild<ui::SessionController*>()->open(session);
    window.openPaths(list);
    window.show();
    if (!screenshot.isEmpty()) screenshotWhenLoaded(window, screenshot);
    return QApplication::exec();
}

}  // namespace curvedoctor::app
