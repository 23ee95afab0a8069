#pragma once
/// \file report_export_job.h
/// The second half of File > Export report, off the GUI thread: the page (drawn on the GUI
/// thread, where the window's charts live; see saveReport) is PNG-encoded and written on a pool
/// thread while the window stays responsive. A cancelled export writes nothing.

#include <QImage>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace curvedoctor::ui {

class ReportExportJob : public QObject {
    Q_OBJECT
public:
    ReportExportJob(QString path, QImage page, QObject* parent = nullptr);
    ~ReportExportJob() override;

    /// Starts encoding and writing; `finished` follows on the GUI thread.
    void start();
    /// Asks the export to stop; if the file is not written yet it never will be, and the job
    /// finishes with written = false and an empty error. Safe to call at any time.
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    /// `error` is empty when the export was cancelled.
    void finished(bool written, const QString& error);

private:
    struct State;
    QString m_path;
    std::shared_ptr<State> m_state;
};

}  // namespace curvedoctor::ui
