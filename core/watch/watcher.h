#pragma once
/// \file watcher.h
/// Watches files and folders for the followers: inotify where the kernel has it, plus a stat
/// poll (default every second) for network and FUSE mounts (NFS, sshfs, rclone) where inotify
/// stays silent. Qt-free.
///
/// Two ways to drive it, neither busy: a command-line loop calls wait(), which sleeps in poll()
/// on the inotify descriptor and a wake-up pipe until something happens, the poll interval is
/// due, or the timeout ends; an event loop (a Qt window) puts fd() in a QSocketNotifier and a
/// timer of untilNextPoll(), and calls check() when either fires. Not thread-safe, except
/// wake(), which any thread or a signal handler may call.

#include <chrono>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/watch/file_state.h"

namespace curvedoctor::core {

struct WatchEvent {
    ChangeKind kind = ChangeKind::Grew;
    std::string path;  ///< the file or folder that changed (inside a watched folder for New*).
};

struct WatchOptions {
    /// Every watched path is looked at this often even without an inotify event; 0 turns the
    /// poll off (inotify only).
    std::chrono::milliseconds pollInterval{1000};
    bool useInotify = true;  ///< false: polling only (what a network mount gets).
    /// A watched folder is watched this deep (its sub-folders, theirs, ...) ...
    int maxDepth = 4;
    /// ... and at most this many files and folders in all, so a huge tree cannot exhaust the
    /// inotify watches of the user.
    std::size_t maxEntries = 10000;
    /// Read each changed file's first bytes to tell a rewrite from an append (and whether it
    /// is readable). A Follower turns it off: its FollowedFiles check their heads themselves,
    /// and the watcher's open, read and close per append were a third of its system calls.
    bool readHeads = true;
    /// A folder whose inotify watch is trusted has its files (and itself) polled only every
    /// this many polls, as a fallback; every poll when 1. A folder on a local disk file system
    /// is trusted from the start; any other once its watch has reported a change in it. A poll
    /// that finds a change there that inotify did not report distrusts the folder again
    /// (polled every time, until inotify reports on it again): a network mount reports only
    /// what this machine writes.
    int trustedPollEvery = 10;
};

/// Whether inotify on `folder` reports every write: true on the disk file systems of this
/// machine (and tmpfs, overlay), whose writes all go through this kernel; false on network and
/// FUSE mounts (NFS, SMB, sshfs, rclone), whose inotify reports only what this machine writes,
/// and on file systems not known here.
[[nodiscard]] bool inotifySeesEveryWrite(const std::string& folder);

class Watcher {
public:
    explicit Watcher(WatchOptions options = {});
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    /// Starts watching a file or a folder (with what is inside it, see WatchOptions). A path that
    /// does not exist yet is watched too (its appearance is reported as Reappeared). False with
    /// a one-line reason in `error` when it can never be watched.
    bool watch(const std::string& path, std::string& error);
    /// Stops watching `path` (a watched file or folder root) and what was watched for it.
    void unwatch(const std::string& path);

    /// The inotify descriptor, readable when events wait (for a QSocketNotifier); -1 without
    /// inotify. wait() also wakes on wakeFd().
    [[nodiscard]] int fd() const { return m_inotifyFd; }
    /// Time left until the next stat poll is due (zero when due; a day when polling is off).
    [[nodiscard]] std::chrono::milliseconds untilNextPoll() const;
    /// Reads the pending inotify events and, when due, polls every path. Never blocks.
    std::vector<WatchEvent> check();
    /// Sleeps until something changed, the poll is due, wake() was called or `timeout` ends,
    /// then returns check(). Events that come in a burst are returned together.
    std::vector<WatchEvent> wait(std::chrono::milliseconds timeout);
    /// Sleeps until wake() is called or `timeout` ends, looking at nothing: what changes
    /// meanwhile waits (in inotify's queue, or for the poll) for the next check(). A caller that
    /// will not use a change before then reads a file once for many appends.
    void sleep(std::chrono::milliseconds timeout) const;
    /// Ends a wait() or sleep() early, from any thread or a signal handler (writes one byte to
    /// a pipe).
    void wake() const;
    /// The pipe wake() writes to, for a signal handler that cannot reach this object.
    [[nodiscard]] int wakeFd() const { return m_wakeWrite; }

    /// Paths being watched (roots and what was found inside folders).
    [[nodiscard]] std::size_t watchedCount() const { return m_entries.size(); }
    /// Folders given to inotify.
    [[nodiscard]] std::size_t inotifyWatchCount() const { return m_folderWd.size(); }

private:
    struct Entry {
        FileState state;
        std::string root;                // the path watch() was called with
        int depth = 0;                   // 0 for a root
        std::set<std::string> children;  // folders: the names seen inside
    };

    void addEntry(const std::string& path, const std::string& root, int depth, bool announce,
                  std::vector<WatchEvent>* events);
    void watchFolder(const std::string& folder);
    /// True when the look found a change (events were added).
    bool look(const std::string& path, std::vector<WatchEvent>& events);
    /// The folder whose inotify watch reports on `path` (an entry): a file's folder, a
    /// folder itself.
    [[nodiscard]] std::string reporter(const std::string& path, const Entry& entry) const;
    void lookInside(const std::string& path, Entry& entry, std::vector<WatchEvent>& events);
    void readInotify(std::set<std::string>& touched);
    void drainWake() const;

    WatchOptions m_options;
    int m_inotifyFd = -1;
    int m_wakeRead = -1;
    int m_wakeWrite = -1;
    std::map<std::string, Entry> m_entries;
    std::map<int, std::string> m_wdFolder;  // inotify watch descriptor -> folder
    std::map<std::string, int> m_folderWd;  // folder -> its watch descriptor
    std::chrono::steady_clock::time_point m_nextPoll;
    std::set<std::string> m_trusted;  // folders whose inotify watch reports (see WatchOptions)
    long long m_polls = 0;
    bool m_fullPoll = false;  // the next poll looks at every path (inotify lost events)
};

}  // namespace curvedoctor::core
