#include "ui/report_export_job.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include "ui/view_settings.h"

namespace curvedoctor::ui {

// Shared by the job and its worker, so either may go first.
struct ReportExportJob::State {
    std::vector<RunEntry> runs;
    std::unique_ptr<ViewSettings> settings = std::make_unique<ViewSettings>();
    ReportOptions options;
    std::vector<ReportGroup> groups;
    std::atomic<bool> cancelled{false};
    std::atomic<bool> running{false};
};

ReportExportJob::ReportExportJob(QString path, const std::vector<const RunEntry*>& runs,
                                 const ViewSettings& settings, ReportOptions options,
                                 std::vector<ReportGroup> groups, QObject* parent)
    : QObject(parent), m_path(std::move(path)), m_state(std::make_shared<State>()) {
    for (const RunEntry* e : runs)
        if (e) m_state->runs.push_back(*e);
    m_state->settings->assign(settings);
    // The worker owns its copy of the settings from here on.
    m_state->settings->moveToThread(nullptr);
    m_state->options = std::move(options);
    m_state->groups = std::move(groups);
}

ReportExportJob::~ReportExportJob() { cancel(); }

void ReportExportJob::start() {
    auto state = m_state;
    if (state->running.exchange(true)) return;
    QPointer<ReportExportJob> self(this);
    const QString path = m_path;
    state->options.cancelled = [state] { return state->cancelled.load(); };
    QThreadPool::globalInstance()->start([state, self, path] {
        std::vector<const RunEntry*> runs;
        for (const RunEntry& e : state->runs) runs.push_back(&e);
        QString error;
        bool written = false;
        if (!state->cancelled.load()) {
            written = saveReport(path, runs, *state->settings, state->options, state->groups, &error);
        }
        if (state->cancelled.load()) error.clear();
        state->running = false;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, written, error] {
                if (self) Q_EMIT self->finished(written, error);
            },
            Qt::QueuedConnection);
    });
}

void ReportExportJob::cancel() { m_state->cancelled = true; }

bool ReportExportJob::isRunning() const { return m_state->running.load(); }

}  // namespace curvedoctor::ui
