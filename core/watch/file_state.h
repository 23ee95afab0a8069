#pragma once
/// \file file_state.h
/// What a watcher remembers of a file between two looks at it, and what changed between them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace curvedoctor::core {

/// How a watched path changed between two looks.
enum class ChangeKind {
    Grew,                ///< bytes were appended; what was there is unchanged.
    Rewritten,           ///< same file, but its first bytes (or, at equal size, its time) changed.
    Truncated,           ///< same file, now shorter than before.
    Replaced,            ///< another file now has this name (inode changed: rotation, rename).
    Deleted,             ///< the name is gone.
    Reappeared,          ///< the name exists again after it was deleted.
    PermissionLost,      ///< exists, but can no longer be opened for reading.
    PermissionRestored,  ///< readable again.
    NewFile,             ///< a file appeared in a watched folder.
    NewFolder,           ///< a folder appeared in a watched folder.
};

/// "grew", "rewritten", ... (stable words for messages and JSON).
[[nodiscard]] std::string_view toString(ChangeKind kind);

/// One look at a path (symbolic links followed).
struct FileState {
    /// Bytes of the file's beginning kept to notice a file rewritten with a longer or equal size.
    static constexpr std::size_t kHeadBytes = 256;

    bool exists = false;
    bool readable = false;  ///< a regular file that opens for reading (or a listable folder).
    bool isDirectory = false;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modifiedNs = 0;  ///< mtime, nanoseconds since the epoch.
    std::int64_t changedNs = 0;   ///< ctime (moves on chmod too).
    std::string head;             ///< up to kHeadBytes first bytes (files only).
    std::string error;            ///< the system's reason when !exists or !readable.
};

/// Looks at `path` now. Reads the head only when `previous` is null or the file's size, times or
/// inode differ from it (otherwise the previous head is kept): an unchanged file costs one stat.
/// `readHead` false: a regular file is taken as readable and its head is not read (one stat).
[[nodiscard]] FileState lookAt(const std::string& path, const FileState* previous,
                               bool readHead = true);

/// The change from `before` to `after` of one path, or nothing when it did not change in a way
/// the kinds name. Order of precedence: deleted / reappeared, replaced, permission, truncated,
/// rewritten (head differs, or same size with a new mtime), grew.
[[nodiscard]] std::optional<ChangeKind> classifyChange(const FileState& before,
                                                       const FileState& after);

}  // namespace curvedoctor::core
