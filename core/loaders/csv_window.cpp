#include "core/loaders/csv_window.h"

#include <algorithm>
#include <cstring>

#include "core/file_stream.h"

namespace curvedoctor::core {
namespace {

// Eight stretches of 32 KiB, evenly spread from the first eighth to the end: 0.25% of a 100 MB
// file, enough to follow line lengths that drift through it (a step column gaining digits).
constexpr std::size_t kSampleBytes = 32 * 1024;
constexpr int kSamples = 8;

}  // namespace

CsvWindow::CsvWindow(const FileStream& file, std::size_t startBytes)
    : m_file(file), m_startBytes(std::max<std::size_t>(startBytes, 64)) {}

std::uint64_t CsvWindow::fileSize() const {
    return m_file.size();
}

bool CsvWindow::start(std::string& error) {
    m_buffer.assign(m_startBytes, '\0');
    m_used = 0;
    m_bufferOffset = 0;
    m_atFileEnd = false;
    return readMore(error);
}

bool CsvWindow::refill(const char* keep, std::string& error) {
    const auto kept = static_cast<std::size_t>(keep - m_buffer.data());
    const std::size_t rest = m_used - kept;
    std::memmove(m_buffer.data(), keep, rest);
    m_bufferOffset += kept;
    m_used = rest;
    return readMore(error);
}

bool CsvWindow::readMore(std::string& error) {
    for (;;) {
        if (m_buffer.size() - m_used < m_buffer.size() / 2) m_buffer.resize(m_buffer.size() * 2);
        const std::size_t wanted = m_buffer.size() - m_used;
        const std::ptrdiff_t n =
            m_file.readAt(m_bufferOffset + m_used, m_buffer.data() + m_used, wanted, error);
        if (n < 0) return false;
        m_used += static_cast<std::size_t>(n);
        if (static_cast<std::size_t>(n) < wanted) {
            m_atFileEnd = true;
            m_visible = m_used;
            return true;
        }
        // Whole lines only: up to the last line break (a lone '\r' one stays, harmlessly,
        // to the next window: only "\n" ends a window's last line).
        const char* data = m_buffer.data();
        const auto* last = static_cast<const char*>(memrchr(data, '\n', m_used));
        if (last != nullptr) {
            m_visible = static_cast<std::size_t>(last - data) + 1;
            return true;
        }
        // Not one line break in a full buffer: a longer line; grow and read on.
        m_buffer.resize(m_buffer.size() * 2);
    }
}

double CsvWindow::sampledBytesPerLine() const {
    const std::uint64_t size = m_file.size();
    if (size < kSampleBytes * 2) return 0.0;
    std::vector<char> sample(kSampleBytes);
    std::size_t bytes = 0;
    std::size_t lines = 0;
    std::string error;
    for (int k = 1; k <= kSamples; ++k) {
        const std::uint64_t offset =
            (size - kSampleBytes) / kSamples * static_cast<std::uint64_t>(k);
        const std::ptrdiff_t n = m_file.readAt(offset, sample.data(), sample.size(), error);
        if (n <= 0) continue;
        bytes += static_cast<std::size_t>(n);
        lines += static_cast<std::size_t>(std::count(sample.data(), sample.data() + n, '\n'));
    }
    return lines == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(lines);
}

}  // namespace curvedoctor::core
