#pragma once
/// \file welcome_page.h
/// What the window shows before any run is open: what the program does, how to open logs, and
/// a button that opens the bundled example runs.

#include <QString>
#include <QStringList>
#include <QWidget>

class QPushButton;

namespace curvedoctor::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    /// The bundled example runs: next to an installed program (../share/curvedoctor/examples),
    /// beside the executable (examples/), or in the source tree it was built from. Empty if none
    /// of them exists.
    [[nodiscard]] static QString examplesDir();
    /// The example runs themselves: each folder inside examplesDir() (the scripts and notes
    /// beside them are not logs).
    [[nodiscard]] static QStringList examplePaths();

    [[nodiscard]] QPushButton* examplesButton() const { return m_examples; }

Q_SIGNALS:
    void openFilesRequested();
    void openFolderRequested();
    void openExamplesRequested(const QStringList& paths);

private:
    QPushButton* m_examples = nullptr;
};

}  // namespace curvedoctor::ui
