#pragma once
/// \file follow_controller.h
/// Follows the window's open files and folders while they are written (issue #13): a worker
/// thread drives a core::Follower (inotify plus the stat poll; it sleeps in poll() between
/// changes, so an idle window costs nothing) and posts immutable snapshots of the runs that
/// changed to the GUI thread, at most every kPostInterval (longer for many runs at once), where
/// they replace the RunStore's runs in one batch (RunStore::update). While a post waits, the
/// worker sleeps and reads the files that changed just before it, once each. New runs of a
/// followed folder are added; a deleted file keeps its run and is marked gone. The window's own
/// runs are not loaded again on the worker until they change (core::Follower::followLoaded):
/// following a finished sweep holds no second copy of it.
///
/// The doctor keeps up: a changed run is diagnosed again on the worker kDebounce after its
/// first change not yet diagnosed and at most every 2 s (the earliest due first, within a CPU
/// budget of about 2% of a core); its new diagnosis goes with the next post. Findings about a
/// run's whole course are held back while it is young (core::tooEarlyToJudge, as `diagnose
/// --follow` does). A finding that newly appears at warning or error is announced with
/// findingAppeared.
///
/// The GUI thread never reads a log: the follower's loads, reads and diagnoses all run on the
/// worker.

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/finding.h"
#include "core/run.h"

namespace curvedoctor::core {
class Watcher;
}

namespace curvedoctor::ui {

class RunStore;

class FollowController : public QObject {
    Q_OBJECT
public:
    /// Appends of one burst (a CSV logger's row in several writes, a step's train and
    /// validation lines) reach the window together: posts at most this often.
    static constexpr std::chrono::milliseconds kPostInterval{100};
    /// A changed run is diagnosed again this long after its first change not yet diagnosed
    /// (a steadily growing run about every 2 s, as long as the CPU budget allows).
    static constexpr std::chrono::milliseconds kDebounce{600};

    explicit FollowController(RunStore& store, QObject* parent = nullptr);
    /// Stops the worker and waits for it.
    ~FollowController() override;
    FollowController(const FollowController&) = delete;
    FollowController& operator=(const FollowController&) = delete;

    /// Follows these files and folders too (when following is on; remembered otherwise).
    void follow(const QStringList& paths);
    /// On by default. Off stops the worker; on starts it again over every path given so far.
    void setEnabled(bool on);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    /// The stat poll's interval (0: inotify only); restarts the worker when it changes.
    void setPollInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds pollInterval() const { return m_pollInterval; }
    /// False: the stat poll alone, as on a network mount where inotify stays silent (tests and
    /// benchmarks); restarts the worker when it changes.
    void setUseInotify(bool on);
    /// Batches applied to the store since construction (tests, benchmarks).
    [[nodiscard]] int updateCount() const { return m_updates; }

Q_SIGNALS:
    /// A problem or event while following, one line naming the file.
    void message(const QString& text);
    /// A finding that was not there before appeared at warning or error on a followed run.
    void findingAppeared(int runId, const QString& runName, const QString& text, bool error);

private:
    struct Posted;
    /// A path for the worker, with the time up to which the window has its data.
    struct NewPath {
        std::string path;
        std::filesystem::file_time_type since;
    };
    void start();
    void stop();
    void work();
    /// GUI thread: applies what the worker posted.
    void apply(const Posted& posted);

    RunStore& m_store;
    QStringList m_paths;
    /// By path: the window has its data as written up to this time (when it began loading it,
    /// or when following last stopped), less a margin. What the worker finds at its start that
    /// changed since then is posted: the window's load may have missed it (a logdir made just
    /// after it was opened, rows written while following was off).
    QHash<QString, std::filesystem::file_time_type> m_since;
    bool m_enabled = true;
    std::chrono::milliseconds m_pollInterval{1000};
    bool m_useInotify = true;
    int m_updates = 0;
    /// Findings announced already, by run source, kind and metric.
    std::set<std::tuple<std::string, int, std::string>> m_announced;

    // Shared with the worker, under m_mutex.
    std::mutex m_mutex;
    std::vector<NewPath> m_newPaths;
    bool m_stop = false;
    core::Watcher* m_watcher = nullptr;  ///< the worker's, to wake it (under m_mutex)
    std::thread m_worker;
};

}  // namespace curvedoctor::ui
