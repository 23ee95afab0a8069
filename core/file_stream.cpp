#include "core/file_stream.h"

#include <algorithm>
#include <memory>

#include "core/crc32c.h"
#include "core/file_bytes.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kVerifyChunk = std::size_t{1} << 20;

}  // namespace

bool FileStream::start(std::uint64_t maxBytes, std::string& error) {
    if (!fileStampOf(m_fd, m_before, error)) return false;
    m_size = static_cast<std::uint64_t>(m_before.size);
    if (m_size > maxBytes) {
        error = overLimitMessage(m_size, maxBytes);
        return false;
    }
    // A file written to in the last seconds may change without its stamps showing it.
    m_verify = m_verify || recentlyModified(m_before);
    return true;
}

std::size_t FileStream::read(char* out, std::size_t n) {
    if (m_failed || m_delivered >= m_size) return 0;
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(n, m_size - m_delivered));
    const std::ptrdiff_t got = readFileAt(m_fd, out, want, m_delivered, m_error);
    if (got < 0) {
        m_failed = true;
        return 0;
    }
    const auto count = static_cast<std::size_t>(got);
    if (m_verify) m_crc = crc32c(std::string_view(out, count), m_crc);
    m_delivered += count;
    return count;
}

bool FileStream::startsWithWhatWasRead() {
    const std::unique_ptr<char[]> chunk(new char[kVerifyChunk]);
    std::uint32_t again = 0;
    std::string ignored;
    for (std::uint64_t at = 0; at < m_delivered; at += kVerifyChunk) {
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(kVerifyChunk, m_delivered - at));
        if (readFileAt(m_fd, chunk.get(), want, at, ignored) != static_cast<std::ptrdiff_t>(want))
            return false;
        again = crc32c(std::string_view(chunk.get(), want), again);
    }
    return again == m_crc;
}

FileStream::Outcome FileStream::finish() {
    if (m_failed) return Outcome::Failed;
    FileStamp after;
    if (!fileStampOf(m_fd, after, m_error)) return Outcome::Failed;
    const bool unchanged = m_delivered == m_size && sameFileStamp(m_before, after);
    if (unchanged && !recentlyModified(after)) return Outcome::Consistent;
    // Changed, or too recent to trust the stamps: without a checksum of what was read there is
    // nothing to compare with, so read again (with one).
    if (!m_verify || !startsWithWhatWasRead()) return Outcome::Rewritten;
    FileStamp verified;
    if (!fileStampOf(m_fd, verified, m_error)) return Outcome::Failed;
    return unchanged && sameFileStamp(after, verified) ? Outcome::Consistent : Outcome::Grew;
}

}  // namespace curvedoctor::core
