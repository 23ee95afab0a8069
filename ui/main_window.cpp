#include "ui/main_window.h"

#include <QListWidget>

#include "core/loader_registry.h"

namespace curvedoctor::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_runList(new QListWidget(this)) {
    setWindowTitle(QStringLiteral("CurveDoctor"));
    setCentralWidget(m_runList);
    resize(1200, 800);
}

void MainWindow::openPaths(const QStringList& paths) {
    std::vector<std::string> list;
    for (const auto& p : paths) list.push_back(p.toStdString());
    const auto batch = core::loadPaths(list);
    for (const auto& run : batch.runs)
        m_runList->addItem(QString::fromStdString(run->name + "  [" + run->format + "]"));
}

}  // namespace curvedoctor::ui
