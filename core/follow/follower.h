#pragma once
/// \file follower.h
/// Follows the runs of several paths (files and logdir folders) with one Watcher: what the
/// command line's `diagnose --follow` drives, and what a window can drive with the watcher's
/// fd() and check() instead of wait().
///
/// A file is a FollowedFile (incremental where the format allows). A folder is walked like
/// loadPaths walks it: each run whose source is a file is followed as a FollowedFile; a run whose
/// source is a folder (a folder of event files, an MLflow run) is loaded again whole when
/// anything in it changes, so a restarted TensorBoard writer's new event file joins its run.
/// New files and folders in a watched folder are walked again and their new runs added.
/// Not thread-safe.

#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/follow/followed_file.h"
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
    /// The runs' first load: messages of paths that could not be loaded (yet).
    [[nodiscard]] std::vector<std::string> takeStartMessages() { return std::move(m_start); }
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
    /// The run's file was deleted (its run is what was loaded before).
    [[nodiscard]] bool gone(std::size_t index) const;
    /// The run's source path.
    [[nodiscard]] const std::string& source(std::size_t index) const {
        return m_items[index].source;
    }
    [[nodiscard]] Watcher& watcher() { return m_watcher; }

private:
    struct Item {
        std::string source;
        std::unique_ptr<FollowedFile> file;  // a followed file, or
        RunPtr folderRun;                    // a folder run loaded whole
        bool dirty = false;                  // the watcher saw it (or something in it) change
    };

    Step takeIn(const std::vector<WatchEvent>& events);
    void walk(const std::string& folder, Step* step);
    void add(const std::string& source, bool isFolder, RunPtr run, Step* step);

    FollowOptions m_followOptions;
    const LoaderRegistry* m_registry;
    Watcher m_watcher;
    std::vector<std::string> m_roots;    // every path follow() was given
    std::vector<std::string> m_folders;  // watched folder roots
    std::vector<Item> m_items;
    std::vector<std::string> m_start;
    std::chrono::steady_clock::time_point m_nextLookAtAll{};
    std::size_t m_keptOpen = 0;            // files told to stay open (FollowOptions::keepOpen)
    std::set<std::string> m_walkMessages;  // said once, however often the folder is walked
};

}  // namespace curvedoctor::core
