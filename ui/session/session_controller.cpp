#include "ui/session/session_controller.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <algorithm>

#include "core/finding_kind.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/load_controller.h"
#include "ui/models/group_controller.h"
#include "ui/panels/message_area.h"
#include "ui/run_store.h"
#include "ui/session/session_view.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

const QString kRecentKey = QStringLiteral("recent/sessions");
QString fileFilter() {
    return QObject::tr("CurveDoctor sessions (*.cdsession);;All files (*)");
}

std::string localPath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

}  // namespace

SessionController::SessionController(const SessionParts& parts, QMenu& fileMenu, QAction* before,
                                     QWidget& window)
    : QObject(&window), m_parts(parts), m_window(window) {
    auto* open = new QAction(tr("Open &Session…"), this);
    connect(open, &QAction::triggered, this, &SessionController::openDialog);
    auto* save = new QAction(tr("&Save Session…"), this);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, &SessionController::saveDialog);
    m_recentMenu = new QMenu(tr("Recent Sess&ions"), &fileMenu);
    fileMenu.insertAction(before, open);
    fileMenu.insertMenu(before, m_recentMenu);
    fileMenu.insertAction(before, save);
    fileMenu.insertSeparator(before);
    rebuildRecentMenu();
    connect(&m_parts.loader, &LoadController::busyChanged, this, [this](bool busy) {
        if (!busy && m_pending) applyPending();
    });
}

core::Session SessionController::capture() const {
    core::Session s;
    const RunStore& store = m_parts.store;
    for (const RunEntry& e : store.entries())
        s.runs.push_back({e.run->source, e.name.toStdString(),
                          e.color.name(QColor::HexRgb).toStdString(), e.visible});
    for (const RunGroup& g : m_parts.groups.groups()) {
        core::SessionGroup group{g.name.toStdString(), {}};
        for (const int id : g.runIds)
            if (const int row = store.rowOfId(id); row >= 0)
                group.paths.push_back(store.at(row).run->source);
        s.groups.push_back(std::move(group));
    }
    s.nameFilter = m_parts.nameFilter.text().toStdString();
    if (const int kind = m_parts.findingFilter.currentData().toInt(); kind >= 0)
        s.findingFilter = findingKindId(static_cast<core::FindingKind>(kind)).toStdString();
    s.hyperparameterFilter = m_parts.hyperparameterFilter.text().toStdString();
    captureViewSettings(m_parts.settings, s);
    for (const MetricChart* c : m_parts.charts.charts())
        if (c->hasUserRange()) {
            s.zoomX = std::make_pair(c->xMin(), c->xMax());
            break;
        }
    return s;
}

bool SessionController::save(const QString& file, QString* error) {
    const QString dir = QFileInfo(file).absolutePath();
    const std::string text = core::writeSession(capture(), localPath(dir));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !out.commit()) {
        if (error != nullptr) *error = tr("%1: %2").arg(file, out.errorString());
        return false;
    }
    addRecent(QFileInfo(file).absoluteFilePath());
    return true;
}

bool SessionController::open(const QString& file) {
    const core::SessionReadResult read = core::readSessionFile(localPath(file));
    if (!read.session) {
        m_parts.messages.addMessage(MessageArea::Level::Error, QString::fromStdString(read.error));
        return false;
    }
    const core::Session& session = *read.session;
    m_parts.loader.cancel();
    m_parts.store.clear();
    applyViewSettings(session, m_parts.settings);
    applyFilters(session);
    const QStringList missing = missingSessionPaths(session);
    if (!missing.isEmpty()) {
        QStringList names;
        for (const QString& p : missing) names << QFileInfo(p).fileName();
        m_parts.messages.addMessage(
            MessageArea::Level::Warning,
            tr("%1: %n file(s) of the session missing: %2", nullptr, int(missing.size()))
                .arg(QFileInfo(file).fileName(), names.join(QStringLiteral(", "))),
            missing.join(QLatin1Char('\n')));
    }
    QStringList paths;
    for (const QString& p : sessionPaths(session))
        if (!missing.contains(p) && !paths.contains(p)) paths << p;
    m_pending = session;
    addRecent(QFileInfo(file).absoluteFilePath());
    if (paths.isEmpty())
        applyPending();
    else
        m_parts.loader.open(paths);
    return true;
}

void SessionController::applyFilters(const core::Session& session) {
    m_parts.nameFilter.setText(QString::fromStdString(session.nameFilter));
    int index = 0;
    if (const auto kind = core::findingKindFromId(session.findingFilter))
        index = std::max(0, m_parts.findingFilter.findData(static_cast<int>(*kind)));
    m_parts.findingFilter.setCurrentIndex(index);
    m_parts.hyperparameterFilter.setText(QString::fromStdString(session.hyperparameterFilter));
}

void SessionController::applyPending() {
    const core::Session session = std::move(*m_pending);
    m_pending.reset();
    RunStore& store = m_parts.store;
    std::vector<bool> visible;
    for (int row = 0; row < store.count(); ++row) {
        RunEntry e = store.at(row);
        if (applySessionRun(session, e)) {
            if (e.color != store.at(row).color) store.setColor(row, e.color);
            if (e.name != store.at(row).name) store.rename(row, e.name);
        }
        visible.push_back(e.visible);
    }
    store.setAllVisible(visible);
    // The session's groups replace any the window remembered for these runs (RunMemory).
    m_parts.groups.clear();
    for (const core::SessionGroup& g : session.groups) {
        QList<int> ids;
        for (const RunEntry& e : store.entries())
            if (std::find(g.paths.begin(), g.paths.end(), e.run->source) != g.paths.end())
                ids << e.id;
        if (!ids.isEmpty()) m_parts.groups.makeGroup(ids, QString::fromStdString(g.name));
    }
    if (session.zoomX)
        for (MetricChart* c : m_parts.charts.charts())
            if (c->effectiveXAxis() == m_parts.settings.xAxis())
                c->setXRange(session.zoomX->first, session.zoomX->second);
    Q_EMIT sessionApplied();
}

QStringList SessionController::recentSessions() {
    return QSettings().value(kRecentKey).toStringList();
}

void SessionController::addRecent(const QString& file) {
    QStringList recent = recentSessions();
    recent.removeAll(file);
    recent.prepend(file);
    while (recent.size() > kMaxRecent) recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void SessionController::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = recentSessions();
    for (int i = 0; i < recent.size(); ++i) {
        const QString& path = recent[i];
        const QString label =
            QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path));
        QAction* a = m_recentMenu->addAction(label, this, [this, path] { open(path); });
        a->setEnabled(QFileInfo::exists(path));
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Sessions"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void SessionController::saveDialog() {
    const QString file =
        QFileDialog::getSaveFileName(&m_window, tr("Save Session"), QString(), fileFilter());
    if (file.isEmpty()) return;
    const QString named =
        QFileInfo(file).suffix().isEmpty() ? file + QStringLiteral(".cdsession") : file;
    QString error;
    if (!save(named, &error)) QMessageBox::warning(&m_window, tr("Save Session"), error);
}

void SessionController::openDialog() {
    const QString file =
        QFileDialog::getOpenFileName(&m_window, tr("Open Session"), QString(), fileFilter());
    if (!file.isEmpty()) open(file);
}

}  // namespace curvedoctor::ui
