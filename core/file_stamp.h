#pragma once
/// \file file_stamp.h
/// What tells a file changed while it was read: its size and time stamps, before and after, and
/// for a file modified in the last seconds a second read (see FileBytes and FileStream).

#include <cstddef>
#include <cstdint>
#include <string>

#include <sys/types.h>
#include <time.h>

namespace curvedoctor::core {

struct FileStamp {
    off_t size = 0;
    timespec mtime{};
    timespec ctime{};
};

/// The stamp of the open file `fd`; false with the system's reason in `error`.
bool fileStampOf(int fd, FileStamp& out, std::string& error);

[[nodiscard]] bool sameFileStamp(const FileStamp& a, const FileStamp& b);

/// True when the file was modified within the last seconds. Linux stamps a write with a clock
/// that ticks every few milliseconds, so two writes in one tick leave the same mtime: such a
/// file is read a second time and compared before it is trusted.
[[nodiscard]] bool recentlyModified(const FileStamp& s);

/// Reads up to `count` bytes at `offset`; the number read (fewer at the end of the file), or -1
/// with the system's reason in `error`.
std::ptrdiff_t readFileAt(int fd, char* out, std::size_t count, std::uint64_t offset,
                          std::string& error);

}  // namespace curvedoctor::core
