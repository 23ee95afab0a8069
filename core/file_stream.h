#pragma once
/// \file file_stream.h
/// A regular file read piece by piece at any offset, for loaders that parse as they read: a
/// 100 MB table then passes through a buffer of a megabyte instead of needing 100 MB of new
/// memory (which the kernel must zero before it is copied into). Never writes.

#include <cstddef>
#include <cstdint>
#include <string>

namespace curvedoctor::core {

class FileStream {
public:
    FileStream() = default;
    FileStream(const FileStream&) = delete;
    FileStream& operator=(const FileStream&) = delete;
    ~FileStream();

    /// Opens a regular file read-only. False, with a short reason in `error`, on failure or
    /// when `path` is not a regular file (see openRegularFile: never blocks on a pipe).
    bool open(const std::string& path, std::string& error);

    /// The size when opened. A file that grows while it is read is read up to its new end.
    [[nodiscard]] std::uint64_t size() const { return m_size; }

    /// Reads up to `count` bytes at `offset` into `out`; returns how many (0 at the end of the
    /// file). -1 on a read error, with the reason in `error`.
    std::ptrdiff_t readAt(std::uint64_t offset, char* out, std::size_t count,
                          std::string& error) const;

    /// The first `count` bytes (fewer in a shorter file) into `head`. False on a read error.
    bool readHead(std::size_t count, std::string& head, std::string& error) const;

private:
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

}  // namespace curvedoctor::core
