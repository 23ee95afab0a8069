#include "core/file_stream.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/file_bytes.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kVerifyChunk = std::size_t{1} << 20;
// Odd 64-bit constants (from splitmix64): each lane multiplies by one.
constexpr std::uint64_t kLaneFactor[4] = {0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL,
                                          0x94D049BB133111EBULL, 0xD6E8FEB86659FD93ULL};

}  // namespace

void StreamChecksum::addWord(std::uint64_t word) {
    std::uint64_t& lane = m_lanes[m_words & 3];
    lane = (lane ^ word) * kLaneFactor[m_words & 3];
    lane ^= lane >> 29;
    ++m_words;
}

void StreamChecksum::add(const char* bytes, std::size_t n) {
    while (n > 0 && m_partialSize > 0) {
        m_partial[m_partialSize++] = *bytes++;
        --n;
        if (m_partialSize == 8) {
            std::uint64_t word;
            std::memcpy(&word, m_partial, 8);
            addWord(word);
            m_partialSize = 0;
        }
    }
    for (; n >= 8; bytes += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8);
        addWord(word);
    }
    std::memcpy(m_partial + m_partialSize, bytes, n);
    m_partialSize += n;
}

std::uint64_t StreamChecksum::value() const {
    std::uint64_t tail = 0;
    std::memcpy(&tail, m_partial, m_partialSize);
    std::uint64_t h = (m_words * 8 + m_partialSize) ^ tail * kLaneFactor[0];
    for (const std::uint64_t lane : m_lanes) h = (h ^ lane) * kLaneFactor[1] + (h >> 31);
    return h;
}

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
    if (m_verify) m_checksum.add(out, count);
    m_delivered += count;
    return count;
}

bool FileStream::startsWithWhatWasRead() {
    const std::unique_ptr<char[]> chunk(new char[kVerifyChunk]);
    StreamChecksum again;
    std::string ignored;
    for (std::uint64_t at = 0; at < m_delivered; at += kVerifyChunk) {
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(kVerifyChunk, m_delivered - at));
        if (readFileAt(m_fd, chunk.get(), want, at, ignored) != static_cast<std::ptrdiff_t>(want))
            return false;
        again.add(chunk.get(), want);
    }
    return again.value() == m_checksum.value();
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
