#pragma once
/// \file main_window.h
/// The main window: composes the panels and routes signals between them.

#include <QMainWindow>
#include <QStringList>

class QListWidget;

namespace curvedoctor::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    void openPaths(const QStringList& paths);

private:
    QListWidget* m_runList = nullptr;
};

}  // namespace curvedoctor::ui
