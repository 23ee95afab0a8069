#pragma once
/// \file file_bytes.h
/// A whole regular file read into memory this program owns. Never writes, never maps the file:
/// a mapped file that another program truncates kills the reader with SIGBUS, and training
/// scripts rewrite their logs (trainer_state.json, results.csv) all the time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace curvedoctor::core {

/// Opens `path` read-only when it is a regular file (symlinks followed). Returns the descriptor,
/// or -1 with a one-line reason in `error`: the system's ("No such file or directory",
/// "Permission denied"), or "is a folder", "is a named pipe, not a file", "is a character
/// device, not a file", "is a block device, not a file", "is a socket, not a file". Never
/// blocks: a named pipe without a writer is refused, not waited on, and a device is refused
/// before it is opened.
[[nodiscard]] int openRegularFile(const std::string& path, std::string& error);

/// "file is 5120 MiB, over the 4096 MiB limit; not loaded".
[[nodiscard]] std::string overLimitMessage(std::uint64_t size, std::uint64_t limit);

class FileBytes {
public:
    static constexpr std::uint64_t kNoLimit = ~std::uint64_t{0};
    /// Reads of a file that keeps changing before one is consistent, then it is refused.
    static constexpr int kMaxTries = 5;

    FileBytes() = default;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    FileBytes(FileBytes&& other) noexcept;
    FileBytes& operator=(FileBytes&& other) noexcept;
    ~FileBytes();

    /// Reads the whole of `path` (see openRegularFile for what is refused). On failure returns
    /// false with a one-line reason in `error`. A file over `maxBytes` is refused with
    /// overLimitMessage; what is read is bounded by it whatever the file does meanwhile.
    ///
    /// A file that changes while it is read (other size or time stamps after the read than
    /// before, a short read, or, for a file modified in the last seconds, other bytes when read a
    /// second time) is read again, up to kMaxTries times. When what was read is still what the
    /// file starts with, it is kept (a log that grew: changedWhileRead() says so); when every
    /// read differs, the file is refused ("changed during each of 5 reads ...").
    bool open(const std::string& path, std::string& error, std::uint64_t maxBytes = kNoLimit);

    /// As open(), from a descriptor of a regular file opened for reading (not closed here).
    bool read(int fd, std::string& error, std::uint64_t maxBytes = kNoLimit);

    [[nodiscard]] std::string_view view() const { return {m_data, m_size}; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// True when the file changed during the read and what is held is the first size() bytes
    /// of what it holds now (it grew, or was cut and rewritten with the same beginning); the
    /// loader should warn that the file was being written.
    [[nodiscard]] bool changedWhileRead() const { return m_changed; }

private:
    void reset();
    bool reserve(std::size_t bytes, std::string& error);

    char* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    bool m_hugePages = false;  // m_data is a mapHugePages region, else new[]
    bool m_changed = false;
};

}  // namespace curvedoctor::core
