#include "ui/panels/welcome_page.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace curvedoctor::ui {

QString WelcomePage::examplesDir() {
    const QString app = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        app + QStringLiteral("/../share/curvedoctor/examples"),
        app + QStringLiteral("/examples"),
        QStringLiteral(CURVEDOCTOR_BUNDLED_EXAMPLES_DIR),
    };
    for (const QString& c : candidates) {
        const QFileInfo info(c);
        if (info.isDir() && !QDir(c).isEmpty()) return info.canonicalFilePath();
    }
    return {};
}

QStringList WelcomePage::examplePaths() {
    const QString root = examplesDir();
    if (root.isEmpty()) return {};
    QStringList out;
    const QDir dir(root);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out << dir.filePath(name);
    return out;
}

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    auto* icon = new QLabel(this);
    icon->setPixmap(
        QIcon(QStringLiteral(":/icons/hicolor/scalable/apps/curvedoctor.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("<h1>CurveDoctor</h1>"), this);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(
        tr("<p style='font-size:12pt'>Drop training logs or folders of logs anywhere on this "
           "window, or open them from the <b>File</b> menu.</p>"
           "<p>Reads Keras, Lightning, Ultralytics, Hugging Face Trainer, TensorBoard, MLflow, "
           "JSON-lines, CSV and plain-text logs. Each run is plotted with smoothing, and the "
           "doctor marks overfitting, divergence, NaN and other problems right on the curves."
           "</p>"),
        this);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setMaximumWidth(620);

    auto* openFiles = new QPushButton(tr("Open Files…"), this);
    auto* openFolder = new QPushButton(tr("Open Folder…"), this);
    m_examples = new QPushButton(tr("Open the Example Runs"), this);
    m_examples->setDefault(true);
    const QString examples = examplesDir();
    m_examples->setEnabled(!examplePaths().isEmpty());
    m_examples->setToolTip(examples.isEmpty() ? tr("The example runs were not found")
                                              : QDir::toNativeSeparators(examples));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(openFiles);
    buttons->addWidget(openFolder);
    buttons->addWidget(m_examples);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(3);

    connect(openFiles, &QPushButton::clicked, this, &WelcomePage::openFilesRequested);
    connect(openFolder, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(m_examples, &QPushButton::clicked, this, [this] {
        const QStringList paths = examplePaths();
        if (!paths.isEmpty()) Q_EMIT openExamplesRequested(paths);
    });
}

}  // namespace curvedoctor::ui
