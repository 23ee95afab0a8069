#pragma once
/// \file follower.h
/// Follows the runs of several paths (files and logdir folders) with one Watcher: what the
/// command line's `diagnose --follow` drives, and what a window can drive with the watcher's
/// fd() and check() instead of wait().
///
/// A file is a FollowedFile (incremental where the format allows). A folder is walked like
/// loadPaths walks it: each run whose source is a file is followed as a FollowedFile. An MLflow
/// run folder reads each metric file from where its last complete line ended (a new metric file
/// from its start); it is loaded again whole when a metric file shrinks, is replaced or goes, or
/// anything outside metrics/ changes (params, tags). Another folder run (a folder of event
/// files) is loaded again whole when anything in it changes, so a restarted TensorBoard
/// writer's new event file joins its run.
/// New files and folders in a watched folder are walked again and their new runs added. A walk
/// reads no run: it sniffs files from their heads and lists folders (LoadOptions::sourcesOnly),
/// and only the runs it did not know are loaded.
/// Paths the caller has loaded itself (followLoaded: a window) are followed without a copy of
/// their runs: a run waits unloaded, its file or folder watched only, until it first changes;
/// then it is loaded whole and reported changed, and followed as above from then on (a
/// finished sweep of 1,000 runs is neither parsed nor held a second time).
/// A path that does not exist yet (a training about to start) is followed as a file and tried
/// again every second; when it appears as a folder it is followed as a logdir from then on.
/// Not thread-safe.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/follow/followed_file.h"
#include "core/loaders/mlflow_loader.h"
#include "core/watch/watcher.h"

namespace curvedoctor::core {

class Follower {
public:
    Follower(const std::vector<std::string>& paths, FollowOptions follow = {},
             WatchOptions watch = {}, const LoaderRegistry& registry = LoaderRegistry::builtin());

    /// What one step found.
    struct Step {
        std::vector<std::size_t> changed;   ///< indexes of runs whose content changed
        std::vector<std::string> messages;  ///< one line each, naming the file
    };
    /// Follows one more file or folder (loaded now, on the calling thread); a path already
    /// followed is ignored.
    void follow(const std::string& path);
    /// Follows a file or folder whose runs the caller has loaded already: they wait unloaded
    /// (run() empty, loaded() false) until they change or load() is called. A path that is
    /// neither an existing file nor a folder is followed as by follow().
    void followLoaded(const std::string& path);
    /// Loads the run at `index` now when it waits unloaded (see followLoaded); else nothing.
    void load(std::size_t index);
    /// What went wrong when paths were given: watches that could not be set, then (with
    /// `loadErrors`) the files that could not be loaded (yet). A window that loads the same
    /// paths itself has said the latter already. Both are taken either way.
    [[nodiscard]] std::vector<std::string> takeStartMessages(bool loadErrors = true);
    /// Sleeps until something changes or `timeout` ends (see Watcher::wait), then takes in the
    /// changes.
    Step wait(std::chrono::milliseconds timeout);
    /// Takes in the changes without sleeping (after the watcher's fd() was readable).
    Step check();

    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    /// The run at `index`; an empty Run while its file has not loaded yet.
    [[nodiscard]] const Run& run(std::size_t index) const;
    [[nodiscard]] bool loaded(std::size_t index) const;
    /// A copy of run(index) to hand to another thread (FollowedFile::snapshot).
    [[nodiscard]] RunPtr snapshot(std::size_t index) const;
    /// The run's file was deleted (its run is what was loaded before, or, for a run that
    /// waited unloaded, what the caller loaded).
    [[nodiscard]] bool gone(std::size_t index) const;
    /// The run's source path.
    [[nodiscard]] const std::string& source(std::size_t index) const {
        return m_items[index].source;
    }
    [[nodiscard]] Watcher& watcher() { return m_watcher; }

private:
    // An MLflow run folder's metric files, each read up to its last complete line.
    struct MetricTail {
        std::uint64_t device = 0;
        std::uint64_t inode = 0;
        std::uint64_t consumed = 0;  // bytes of complete lines taken in
        MlflowMetricState state;
    };
    struct MlflowRun {
        Run run;
        std::map<std::string, MetricTail> files;  // by metric name
    };
    struct Item {
        std::string source;
        std::unique_ptr<FollowedFile> file;  // a followed file, or
        std::unique_ptr<MlflowRun> mlflow;   // an MLflow run folder read incrementally, or
        RunPtr folderRun;                    // a folder run loaded whole
        bool dirty = false;                  // the watcher saw it (or something in it) change
        bool outsideMetrics = false;         // ... something not under metrics/ (MLflow)
        bool besideChanged = false;          // a YAML file beside the followed file changed
        bool retired = false;  // a path given before it existed that became a logdir: its
                               // runs are items of their own; this one stays empty
        // Loaded by the caller and not here until it changes (followLoaded); `waitingGone`:
        // its file was deleted meanwhile.
        bool waiting = false;
        bool waitingGone = false;
        bool waitingUnreadable = false;  // said so (checkReadable)
        bool isFolder = false;           // a folder run (else a file)
    };
    // A followed file's item: a FollowedFile, or a file waiting unloaded.
    static bool isFileItem(const Item& item) {
        return item.file || (item.waiting && !item.isFolder);
    }

    void followPath(const std::string& path, bool loadedByCaller);
    Step takeIn(const std::vector<WatchEvent>& events);
    /// Adds the runs in `folder` not followed yet; `loadedByCaller`: they wait unloaded.
    void walk(const std::string& folder, Step* step, bool loadedByCaller = false);
    /// Paths given before they existed that are folders now: followed as logdirs from now on.
    void followAppearedFolders(Step& step);
    /// Follows the run at `source`: loaded now (a failure said in `step`'s messages, or the
    /// start messages without a step), or waiting unloaded. `name`: a folder run's name as a
    /// walk gave it.
    void add(const std::string& source, bool isFolder, bool waiting, Step* step,
             const std::string& name = {});
    std::unique_ptr<FollowedFile> openFollowed(const std::string& source);
    /// A waiting file that cannot be read any more, or can again, gets one message.
    static void checkReadable(Item& item, Step& step);
    /// Loads a waiting item; true when it has a run now (its file may be gone, or not load).
    bool loadWaiting(Item& item);
    /// Reads an MLflow run folder's metric files from their starts; the rest of the run (name,
    /// params) is `loaded`'s.
    static std::unique_ptr<MlflowRun> startMlflow(const Run& loaded);
    /// Takes in the new complete lines of an MLflow run's metric files: 1 when points came, 0
    /// when nothing did, -1 when the folder must be loaded again whole.
    static int appendMlflow(const std::string& source, MlflowRun& m);
    /// Loads a folder run again whole; true when it was loaded (else why not, in `error`).
    bool reloadFolder(Item& item, std::string* error = nullptr);

    FollowOptions m_followOptions;
    const LoaderRegistry* m_registry;
    Watcher m_watcher;
    std::vector<std::string> m_roots;    // every path follow() was given
    std::vector<std::string> m_folders;  // watched folder roots
    std::vector<Item> m_items;
    std::unordered_map<std::string, std::size_t> m_fileItems;  // source -> m_items (files)
    std::vector<std::string> m_start;                          // watches that could not be set
    std::vector<std::string> m_startLoad;  // files that could not be loaded when given
    std::chrono::steady_clock::time_point m_nextLookAtAll{};
    long long m_looksAtAll = 0;
    std::size_t m_keptOpen = 0;            // files told to stay open (FollowOptions::keepOpen)
    std::set<std::string> m_walkMessages;  // said once, however often the folder is walked
    /// Files in a followed folder that changed but are no run (yet): the walks they caused and
    /// the earliest time of the next one (see takeIn).
    struct UnknownTries {
        int walks = 0;
        bool pending = false;  // changed again before `next`: walked at the next second's look
        std::chrono::steady_clock::time_point next{};
    };
    std::map<std::string, UnknownTries> m_unknownTries;
};

}  // namespace curvedoctor::core
