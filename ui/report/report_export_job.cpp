#include "ui/report/report_export_job.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include "ui/report/png_writer.h"

namespace curvedoctor::ui {

// Shared by the job and its worker, so either may go first.
struct ReportExportJob::State {
    QImage page;
    std::atomic<bool> cancelled{false};
    std::atomic<bool> running{false};
};

ReportExportJob::ReportExportJob(QString path, QImage page, QObject* parent)
    : QObject(parent), m_path(std::move(path)), m_state(std::make_shared<State>()) {
    m_state->page = std::move(page);
}

ReportExportJob::~ReportExportJob() {
    cancel();
}

void ReportExportJob::start() {
    auto state = m_state;
    if (state->running.exchange(true)) return;
    QPointer<ReportExportJob> self(this);
    const QString path = m_path;
    QThreadPool::globalInstance()->start([state, self, path] {
        QString error;
        bool written = false;
        if (!state->cancelled.load()) {
            // Encoding is the slow part; the check after it keeps a cancelled export unwritten.
            const QByteArray png = encodePng(state->page);
            if (!state->cancelled.load()) written = writePngBytes(png, path, &error);
        }
        if (state->cancelled.load() && !written) error.clear();
        state->page = QImage();
        state->running = false;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, written, error] {
                if (self) Q_EMIT self->finished(written, error);
            },
            Qt::QueuedConnection);
    });
}

void ReportExportJob::cancel() {
    m_state->cancelled = true;
}

bool ReportExportJob::isRunning() const {
    return m_state->running.load();
}

}  // namespace curvedoctor::ui
