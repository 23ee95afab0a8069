#pragma once
/// \file load_controller.h
/// Loads logs off the GUI thread: core::loadPaths and core::diagnoseRuns run in a worker thread;
/// the immutable runs come back by queued call and are merged into the RunStore. A folder's runs
/// come back while the rest of it loads, a batch at most every kPostInterval (a sweep of 1,000
/// runs shows its first runs within a fraction of a second), each batch diagnosed on the worker
/// before it is posted. One job runs at a time; further requests queue behind it. Cancel stops
/// the job soon; runs posted before the cancel are kept, the rest of what was being read is
/// dropped.

#include <QObject>
#include <QStringList>
#include <atomic>
#include <deque>
#include <thread>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/loader_registry.h"
#include "core/run.h"

namespace curvedoctor::ui {

class RunStore;

class LoadController : public QObject {
    Q_OBJECT
public:
    /// Loads with `registry` (the built-in one by default; tests may pass their own).
    explicit LoadController(RunStore& store, QObject* parent = nullptr);
    LoadController(RunStore& store, const core::LoaderRegistry& registry,
                   QObject* parent = nullptr);
    /// Cancels a running job and waits for its thread.
    ~LoadController() override;

    /// Loads files and folders. A run whose source is already open replaces it (keeping its
    /// colour, name and visibility); new runs are added.
    void open(const QStringList& paths);
    /// Loads every open run's source again (F5).
    void reloadAll();
    /// Stops the running job and drops queued ones.
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_worker.joinable(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    /// Progress of the running job, 0..1000.
    void progressChanged(int permille);
    /// A file or folder that could not be loaded, with its one-line reason.
    void loadFailed(const QString& source, const QString& message);
    /// A run that loaded with recoverable problems (skipped lines, a cut-off last record), or
    /// an opened folder with the files it skipped and why (one message per folder).
    void loadWarned(const QString& source, const QString& message);
    /// Input paths of the finished job that produced at least one run (for Open Recent).
    void pathsOpened(const QStringList& paths);
    /// A job ended; `runs` runs were added or replaced.
    void finished(int runs, bool cancelled);

private:
    struct Job {
        QStringList paths;
    };
    struct LoadedRun {
        core::RunPtr run;
        core::RunDiagnosis diagnosis;
    };
    /// What a job leaves for its end, after its runs were posted batch by batch.
    struct Outcome {
        std::vector<core::LoadError> errors;
        std::vector<core::SkippedFile> skipped;
        QStringList openedPaths;
        /// A dropped folder holding a single run is called after the folder, not after its
        /// file (only known once the folder is read whole).
        std::vector<std::pair<core::RunPtr, QString>> renames;
        bool cancelled = false;
    };

    void startNext();
    void work(const QStringList& paths);
    /// Worker thread: diagnoses `runs` and posts them to addRuns.
    void post(std::vector<core::RunPtr>& runs);
    /// GUI thread: merges a batch into the store (replacing reloaded runs).
    void addRuns(const std::vector<LoadedRun>& runs);
    void finishJob(const Outcome& outcome);
    /// Runs of different files of one folder, each named after the folder, get their files'
    /// names.
    void nameFilesSharingAFolder();
    /// Row to replace for a freshly loaded run, or -1 to add it. `taken` marks rows already
    /// replaced in this job.
    [[nodiscard]] int matchRow(const core::Run& run, const std::vector<bool>& taken) const;

    RunStore& m_store;
    const core::LoaderRegistry& m_registry;
    std::deque<Job> m_queue;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
    std::vector<bool> m_taken;  ///< GUI thread: store rows replaced or added by the running job
    int m_jobRuns = 0;          ///< GUI thread: runs the running job added or replaced
    int m_lastPermille = -1;    ///< worker thread only: throttles progress posts.
};

}  // namespace curvedoctor::ui
