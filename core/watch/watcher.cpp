#include "core/watch/watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>
#include <system_error>
#include <utility>

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

// Only folders are given to inotify: a folder's watch reports what happens to the files in it
// (written, attributes changed, created, deleted, renamed in or out), which covers a watched
// file's rotation and replacement too, where a watch on the file itself would stay on the old
// inode. One watch per folder, however many of its files are followed.
constexpr std::uint32_t kFolderMask = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE |
                                      IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF |
                                      IN_MOVE_SELF;
// The events that change what a folder holds.
constexpr std::uint32_t kListingMask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;

std::string parentOf(const std::string& path) {
    std::string parent = fs::path(path).parent_path().string();
    return parent.empty() ? std::string(".") : parent;
}

std::string joinPath(const std::string& folder, const std::string& name) {
    if (!folder.empty() && folder.back() == '/') return folder + name;
    return folder + '/' + name;
}

}  // namespace

bool inotifySeesEveryWrite(const std::string& folder) {
    struct statfs st {};
    if (::statfs(folder.c_str(), &st) != 0) return false;
    switch (static_cast<unsigned long>(st.f_type)) {
        case 0xEF53UL:      // ext2, ext3, ext4
        case 0x58465342UL:  // xfs
        case 0x9123683EUL:  // btrfs
        case 0x01021994UL:  // tmpfs
        case 0x858458F6UL:  // ramfs
        case 0x794C7630UL:  // overlayfs (containers)
        case 0xF2F52010UL:  // f2fs
        case 0x2FC12FC1UL:  // zfs
        case 0x4D44UL:      // vfat
        case 0x5346544EUL:  // ntfs
        case 0x2011BAB0UL:  // exfat
            return true;
        default:
            return false;
    }
}

Watcher::Watcher(WatchOptions options) : m_options(options) {
    if (m_options.useInotify) m_inotifyFd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0) {
        m_wakeRead = fds[0];
        m_wakeWrite = fds[1];
    }
    m_nextPoll = std::chrono::steady_clock::now() + m_options.pollInterval;
}

Watcher::~Watcher() {
    if (m_inotifyFd >= 0) ::close(m_inotifyFd);
    if (m_wakeRead >= 0) ::close(m_wakeRead);
    if (m_wakeWrite >= 0) ::close(m_wakeWrite);
}

bool Watcher::watch(const std::string& path, std::string& error) {
    if (path.empty()) {
        error = "empty path";
        return false;
    }
    if (m_entries.count(path) != 0) return true;
    if (m_entries.size() >= m_options.maxEntries) {
        error = "too many watched files (" + std::to_string(m_options.maxEntries) + ")";
        return false;
    }
    addEntry(path, path, 0, false, nullptr);
    return true;
}

void Watcher::unwatch(const std::string& path) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->second.root == path) {
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    // A folder's inotify watch goes when nothing watched is left in or at it (a file's watch
    // is its folder's, which other watched files may share).
    for (auto wd = m_folderWd.begin(); wd != m_folderWd.end();) {
        const std::string& folder = wd->first;
        const bool used = std::any_of(m_entries.begin(), m_entries.end(), [&](const auto& e) {
            return e.second.state.isDirectory ? e.first == folder : parentOf(e.first) == folder;
        });
        if (used) {
            ++wd;
            continue;
        }
        ::inotify_rm_watch(m_inotifyFd, wd->second);
        m_wdFolder.erase(wd->second);
        m_trusted.erase(folder);
        wd = m_folderWd.erase(wd);
    }
}

void Watcher::watchFolder(const std::string& folder) {
    if (m_inotifyFd < 0 || m_folderWd.count(folder) != 0) return;
    const int wd = ::inotify_add_watch(m_inotifyFd, folder.c_str(), kFolderMask);
    if (wd < 0) return;  // no such folder (yet), or out of watches: the poll still sees it.
    m_folderWd[folder] = wd;
    m_wdFolder[wd] = folder;
    // On a local disk the watch is trusted from the start, so a finished sweep of 1,000 run
    // folders is not listed and stat-ed every second while nothing reports on it.
    if (inotifySeesEveryWrite(folder)) m_trusted.insert(folder);
}

void Watcher::addEntry(const std::string& path, const std::string& root, int depth, bool announce,
                       std::vector<WatchEvent>* events) {
    Entry entry;
    entry.root = root;
    entry.depth = depth;
    entry.state = lookAt(path, nullptr, m_options.readHeads);
    if (announce && events != nullptr && entry.state.exists) {
        events->push_back(
            {entry.state.isDirectory ? ChangeKind::NewFolder : ChangeKind::NewFile, path});
    }
    Entry& stored = m_entries[path] = std::move(entry);
    if (stored.state.isDirectory) {
        watchFolder(path);
        std::vector<WatchEvent> ignored;
        lookInside(path, stored, events != nullptr && announce ? *events : ignored);
    } else {
        watchFolder(parentOf(path));
    }
}

void Watcher::lookInside(const std::string& path, Entry& entry, std::vector<WatchEvent>& events) {
    if (entry.depth >= m_options.maxDepth) return;
    std::error_code ec;
    std::set<std::string> now;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // editors' and writers' temporary files
        now.insert(std::move(name));
    }
    if (ec && now.empty()) return;  // unreadable now: keep what was seen
    const std::string root = entry.root;
    const int depth = entry.depth;
    std::set<std::string> added;
    std::set_difference(now.begin(), now.end(), entry.children.begin(), entry.children.end(),
                        std::inserter(added, added.end()));
    std::set<std::string> removed;
    std::set_difference(entry.children.begin(), entry.children.end(), now.begin(), now.end(),
                        std::inserter(removed, removed.end()));
    entry.children = std::move(now);  // `entry` may move once entries are added below
    for (const std::string& name : removed) {
        const std::string child = joinPath(path, name);
        auto it = m_entries.find(child);
        if (it == m_entries.end() || it->second.root == child) continue;
        if (it->second.state.exists) events.push_back({ChangeKind::Deleted, child});
        const std::string prefix = child + '/';
        for (auto sub = m_entries.begin(); sub != m_entries.end();) {
            if (sub->first == child || sub->first.rfind(prefix, 0) == 0) {
                sub = m_entries.erase(sub);
            } else {
                ++sub;
            }
        }
    }
    for (const std::string& name : added) {
        const std::string child = joinPath(path, name);
        if (m_entries.count(child) != 0) continue;
        if (m_entries.size() >= m_options.maxEntries) break;
        addEntry(child, root, depth + 1, true, &events);
    }
}

std::string Watcher::reporter(const std::string& path, const Entry& entry) const {
    return entry.state.isDirectory ? path : parentOf(path);
}

bool Watcher::look(const std::string& path, std::vector<WatchEvent>& events) {
    auto it = m_entries.find(path);
    if (it == m_entries.end()) return false;
    const std::size_t before = events.size();
    FileState after = lookAt(path, &it->second.state, m_options.readHeads);
    const std::optional<ChangeKind> kind = classifyChange(it->second.state, after);
    if (kind) events.push_back({*kind, path});
    const bool folder = after.isDirectory && after.readable;
    if (kind == ChangeKind::Replaced || kind == ChangeKind::Reappeared) {
        // A folder with a new inode: its old watch (if any) follows the old one. A file's
        // watch is its folder's, which did not change.
        if (auto wd = m_folderWd.find(path); folder && wd != m_folderWd.end()) {
            ::inotify_rm_watch(m_inotifyFd, wd->second);
            m_wdFolder.erase(wd->second);
            m_folderWd.erase(wd);
            m_trusted.erase(path);
        }
        watchFolder(folder ? path : parentOf(path));
    }
    it->second.state = std::move(after);
    if (folder) lookInside(path, it->second, events);
    return events.size() != before;
}

void Watcher::readInotify(std::set<std::string>& touched) {
    alignas(struct inotify_event) std::array<char, 16384> buf;
    for (;;) {
        const ssize_t n = ::read(m_inotifyFd, buf.data(), buf.size());
        if (n <= 0) return;  // EAGAIN: drained
        for (ssize_t off = 0; off < n;) {
            const auto* ev = reinterpret_cast<const struct inotify_event*>(buf.data() + off);
            off += static_cast<ssize_t>(sizeof(struct inotify_event) + ev->len);
            if ((ev->mask & IN_Q_OVERFLOW) != 0) {
                m_nextPoll = std::chrono::steady_clock::now();  // lost events: look at all
                m_fullPoll = true;
                continue;
            }
            auto folder = m_wdFolder.find(ev->wd);
            if (folder == m_wdFolder.end()) continue;
            if ((ev->mask & IN_IGNORED) != 0) {  // the folder went away
                touched.insert(folder->second);
                m_trusted.erase(folder->second);
                m_folderWd.erase(folder->second);
                m_wdFolder.erase(folder);
                continue;
            }
            const bool named = ev->len > 0 && ev->name[0] != '\0';
            // A file in the folder written to: only the file is looked at, not the folder's
            // listing (100 followed files appended 10 times a second were 1,000 listings).
            if (!named || (ev->mask & kListingMask) != 0) touched.insert(folder->second);
            if (named) {
                touched.insert(joinPath(folder->second, ev->name));
                m_trusted.insert(folder->second);  // this folder's watch reports
            }
        }
    }
}

std::chrono::milliseconds Watcher::untilNextPoll() const {
    if (m_options.pollInterval.count() <= 0) return std::chrono::hours(24);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_nextPoll - std::chrono::steady_clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

std::vector<WatchEvent> Watcher::check() {
    std::vector<WatchEvent> events;
    std::set<std::string> touched;
    if (m_inotifyFd >= 0) readInotify(touched);
    std::vector<std::string> paths;
    if (m_options.pollInterval.count() > 0 && untilNextPoll().count() == 0) {
        // The poll: every path, but those inotify reports on only every trustedPollEvery-th
        // time (100 followed files and their folders were 200 stats and 100 listings a second).
        const bool full = std::exchange(m_fullPoll, false) || m_options.trustedPollEvery <= 1 ||
                          ++m_polls % m_options.trustedPollEvery == 0;
        for (const auto& [path, entry] : m_entries) {
            if (full || touched.count(path) != 0 || m_trusted.count(reporter(path, entry)) == 0)
                paths.push_back(path);
        }
        m_nextPoll = std::chrono::steady_clock::now() + m_options.pollInterval;
    } else {
        for (const std::string& p : touched) {
            if (m_entries.count(p) != 0) paths.push_back(p);
        }
    }
    for (const std::string& p : paths) {
        auto it = m_entries.find(p);
        if (it == m_entries.end()) continue;  // gone with its folder during this check
        const std::string folder = reporter(p, it->second);
        // A change the poll found that inotify did not report: its folder's watch is not to be
        // trusted (or the change came between the read of the events and this look; the next
        // event trusts it again).
        if (look(p, events) && touched.count(p) == 0) m_trusted.erase(folder);
    }
    return events;
}

std::vector<WatchEvent> Watcher::wait(std::chrono::milliseconds timeout) {
    const auto wait = std::min(timeout, untilNextPoll());
    std::array<pollfd, 2> fds{};
    nfds_t n = 0;
    if (m_inotifyFd >= 0) fds[n++] = {m_inotifyFd, POLLIN, 0};
    if (m_wakeRead >= 0) fds[n++] = {m_wakeRead, POLLIN, 0};
    const int ms = static_cast<int>(std::clamp<std::int64_t>(wait.count(), 0, 1 << 30));
    ::poll(fds.data(), n, ms);  // EINTR (a signal) just ends the sleep
    drainWake();
    return check();
}

void Watcher::sleep(std::chrono::milliseconds timeout) const {
    pollfd fd{m_wakeRead, POLLIN, 0};
    const int ms = static_cast<int>(std::clamp<std::int64_t>(timeout.count(), 0, 1 << 30));
    ::poll(&fd, m_wakeRead >= 0 ? 1 : 0, ms);  // EINTR (a signal) just ends the sleep
    drainWake();
}

void Watcher::wake() const {
    if (m_wakeWrite < 0) return;
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wakeWrite, &byte, 1);
}

void Watcher::drainWake() const {
    if (m_wakeRead < 0) return;
    char buf[64];
    while (::read(m_wakeRead, buf, sizeof buf) > 0) {
    }
}

}  // namespace curvedoctor::core
