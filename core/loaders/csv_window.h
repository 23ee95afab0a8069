#pragma once
/// \file csv_window.h
/// The part of a streamed file (FileStream) that the CSV reader sees: whole lines only, read
/// ahead a megabyte at a time into one reused buffer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace curvedoctor::core {

class FileStream;

class CsvWindow {
public:
    /// The buffer starts at `startBytes` (1 MiB by default) and grows for longer lines.
    explicit CsvWindow(const FileStream& file, std::size_t startBytes = kDefaultStartBytes);

    /// Big enough that refills are rare and their small copies cheap, small enough to stay in
    /// the processor's caches between the read and the parse.
    static constexpr std::size_t kDefaultStartBytes = std::size_t{1} << 20;

    /// Reads the start of the file. False on a read error (reason in `error`).
    bool start(std::string& error);

    /// Keeps the bytes from `keep` (inside the window) on, moved to the front, and reads more
    /// after them; grows the buffer when they fill most of it, so a line longer than the
    /// buffer is still read whole. Pointers into the window are invalid afterwards: `keep`'s
    /// bytes are at begin(). False on a read error.
    bool refill(const char* keep, std::string& error);

    [[nodiscard]] const char* begin() const { return m_buffer.data(); }
    /// The end of the last whole line read (or of the file, once it is all read).
    [[nodiscard]] const char* end() const { return m_buffer.data() + m_visible; }
    /// True when the file has been read to its end: end() is the end of the file.
    [[nodiscard]] bool atFileEnd() const { return m_atFileEnd; }
    /// The file offset of `p`, a pointer into the window.
    [[nodiscard]] std::uint64_t offsetOf(const char* p) const {
        return m_bufferOffset + static_cast<std::uint64_t>(p - m_buffer.data());
    }
    [[nodiscard]] std::uint64_t fileSize() const;
    /// Refill when less than this is left after the reader's position.
    [[nodiscard]] std::ptrdiff_t refillBelow() const {
        return static_cast<std::ptrdiff_t>(m_buffer.size() / 16);
    }

    /// Average bytes per line over a few stretches spread through the file (for sizing
    /// columns without reading it all first); 0 when the file has no line breaks there.
    [[nodiscard]] double sampledBytesPerLine() const;

private:
    bool readMore(std::string& error);

    const FileStream& m_file;
    std::size_t m_startBytes;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;            // bytes of file data in the buffer.
    std::size_t m_visible = 0;         // of them, the whole lines.
    std::uint64_t m_bufferOffset = 0;  // file offset of the buffer's first byte.
    bool m_atFileEnd = false;
};

}  // namespace curvedoctor::core
