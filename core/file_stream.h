#pragma once
/// \file file_stream.h
/// A regular file read front to back in pieces, for a loader that parses as it reads and never
/// holds the whole file (a 184 MB Lightning metrics.csv parsed through a 1 MiB buffer).
///
/// The same guarantee as FileBytes: what the loader saw is one version of the file, or its
/// beginning when it grew. A file that changed while it was read is compared once read (its size
/// and time stamps, and for a file modified in the last seconds a checksum of its first bytes
/// read again) and, when it was rewritten meanwhile, the caller loads it again.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/file_stamp.h"

namespace curvedoctor::core {

/// Bytes handed out in order, piece by piece.
class ByteStream {
public:
    virtual ~ByteStream() = default;
    /// Copies the next bytes, at most `n`, to `out` and returns how many: fewer than `n` only
    /// at the end (0 once there). A read error ends the stream early (the owner reports it).
    virtual std::size_t read(char* out, std::size_t n) = 0;
    /// How many bytes the stream holds in all, as far as known (for progress and for sizing what
    /// is built from it).
    [[nodiscard]] virtual std::uint64_t expectedSize() const = 0;
};

class FileStream final : public ByteStream {
public:
    /// What finish() found.
    enum class Outcome {
        Consistent,  ///< the bytes read are the file as it is.
        Grew,        ///< the file changed, and still starts with the bytes read (it grew).
        Rewritten,   ///< other bytes now: what was read may mix two versions; read it again.
        Failed,      ///< a read error (error() says which); nothing read can be trusted.
    };

    /// Reads the regular file open as `fd` (not closed here) from offset 0 up to the size it has
    /// at start(). `verify`: keep a checksum of the bytes read whatever the file's age (a second
    /// attempt after Rewritten).
    FileStream(int fd, bool verify) : m_fd(fd), m_verify(verify) {}

    /// Takes the file's stamp. False, with the reason in `error`, when fstat fails or the file
    /// is over `maxBytes` (overLimitMessage).
    bool start(std::uint64_t maxBytes, std::string& error);
    std::size_t read(char* out, std::size_t n) override;
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_size; }
    /// Bytes handed out so far.
    [[nodiscard]] std::uint64_t delivered() const { return m_delivered; }
    /// Once the loader is done: whether what it read is one version of the file.
    [[nodiscard]] Outcome finish();
    [[nodiscard]] const std::string& error() const { return m_error; }

private:
    bool startsWithWhatWasRead();

    int m_fd;
    bool m_verify;
    bool m_failed = false;
    FileStamp m_before;
    std::uint64_t m_size = 0;
    std::uint64_t m_delivered = 0;
    std::uint32_t m_crc = 0;  ///< CRC-32C of the bytes handed out, when verifying.
    std::string m_error;
};

}  // namespace curvedoctor::core
