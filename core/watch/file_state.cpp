#include "core/watch/file_state.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace curvedoctor::core {

std::string_view toString(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Grew:
            return "grew";
        case ChangeKind::Rewritten:
            return "rewritten";
        case ChangeKind::Truncated:
            return "truncated";
        case ChangeKind::Replaced:
            return "replaced";
        case ChangeKind::Deleted:
            return "deleted";
        case ChangeKind::Reappeared:
            return "reappeared";
        case ChangeKind::PermissionLost:
            return "permission_lost";
        case ChangeKind::PermissionRestored:
            return "permission_restored";
        case ChangeKind::NewFile:
            return "new_file";
        case ChangeKind::NewFolder:
            return "new_folder";
    }
    return "changed";
}

namespace {

std::int64_t nanoseconds(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

bool sameStat(const FileState& a, const FileState& b) {
    return a.exists == b.exists && a.device == b.device && a.inode == b.inode && a.size == b.size &&
           a.modifiedNs == b.modifiedNs && a.changedNs == b.changedNs;
}

}  // namespace

FileState lookAt(const std::string& path, const FileState* previous, bool readHead) {
    FileState s;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        s.error = std::strerror(errno);
        return s;
    }
    s.exists = true;
    s.isDirectory = S_ISDIR(st.st_mode);
    s.device = static_cast<std::uint64_t>(st.st_dev);
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    s.size = s.isDirectory ? 0 : static_cast<std::uint64_t>(st.st_size);
    s.modifiedNs = nanoseconds(st.st_mtim);
    s.changedNs = nanoseconds(st.st_ctim);
    if (previous != nullptr && sameStat(*previous, s)) {
        s.readable = previous->readable;
        s.head = previous->head;
        s.error = previous->error;
        return s;
    }
    if (s.isDirectory) {
        s.readable = ::access(path.c_str(), R_OK | X_OK) == 0;
        if (!s.readable) s.error = std::strerror(errno);
        return s;
    }
    if (!S_ISREG(st.st_mode)) {
        s.error = "not a regular file";
        return s;
    }
    if (!readHead) {
        s.readable = true;
        return s;
    }
    // O_NONBLOCK: a name that became a named pipe since the stat must not block the watcher.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        s.error = std::strerror(errno);
        return s;
    }
    s.readable = true;
    char buf[FileState::kHeadBytes];
    const ssize_t n = ::pread(fd, buf, sizeof buf, 0);
    if (n > 0) s.head.assign(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return s;
}

std::optional<ChangeKind> classifyChange(const FileState& before, const FileState& after) {
    if (before.exists && !after.exists) return ChangeKind::Deleted;
    if (!before.exists && after.exists) return ChangeKind::Reappeared;
    if (!after.exists) return std::nullopt;
    if (before.device != after.device || before.inode != after.inode) return ChangeKind::Replaced;
    if (before.readable && !after.readable) return ChangeKind::PermissionLost;
    if (!before.readable && after.readable) return ChangeKind::PermissionRestored;
    if (after.isDirectory || !after.readable) return std::nullopt;
    if (after.size < before.size) return ChangeKind::Truncated;
    const std::size_t common = std::min(before.head.size(), after.head.size());
    if (before.head.compare(0, common, after.head, 0, common) != 0) return ChangeKind::Rewritten;
    if (after.size > before.size) return ChangeKind::Grew;
    if (after.modifiedNs != before.modifiedNs) return ChangeKind::Rewritten;
    return std::nullopt;
}

}  // namespace curvedoctor::core
