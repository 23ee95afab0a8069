#pragma once
/// \file report_export_job.h
/// File > Export report off the GUI thread: the page is drawn and encoded on a pool thread
/// from copies of the runs and settings (the window stays responsive and may change meanwhile),
/// and a cancelled export writes nothing.

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

#include "ui/report_renderer.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {

class ViewSettings;

class ReportExportJob : public QObject {
    Q_OBJECT
public:
    /// Copies what the report needs: `runs` (the visible ones are drawn), `settings`, `groups`.
    ReportExportJob(QString path, const std::vector<const RunEntry*>& runs,
                    const ViewSettings& settings, ReportOptions options,
                    std::vector<ReportGroup> groups, QObject* parent = nullptr);
    ~ReportExportJob() override;

    /// Starts the export; `finished` follows on the GUI thread.
    void start();
    /// Asks the export to stop; it then writes nothing and finishes with written = false and
    /// an empty error. Safe to call at any time.
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
