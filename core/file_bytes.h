#pragma once
/// \file file_bytes.h
/// Read-only view of a whole file: read into huge-page memory or memory-mapped. Never writes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace curvedoctor::core {

class FileBytes {
public:
    FileBytes() = default;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    FileBytes(FileBytes&& other) noexcept;
    FileBytes& operator=(FileBytes&& other) noexcept;
    ~FileBytes();

    /// Opens `path` read-only. On failure returns false and sets `error` to a short reason
    /// ("no such file", "is a folder", "permission denied"). Regular files of 2 MiB to 1 GiB
    /// are read into memory backed by transparent huge pages (loaders scan them front to back,
    /// and touching 4 KiB mapped pages one by one cost more than the copy); smaller and larger
    /// files are memory-mapped, so a huge file costs no memory of its own.
    bool open(const std::string& path, std::string& error);

    [[nodiscard]] std::string_view view() const {
        return {static_cast<const char*>(m_data), m_size};
    }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    void reset();
    bool readIntoHugePages(int fd, std::size_t size, std::string& error);

    const void* m_data = nullptr;
    std::size_t m_size = 0;
    void* m_mapping = nullptr;  // what to munmap: the file mapping or the anonymous buffer.
    std::size_t m_mappingSize = 0;
    std::string m_fallback;  // used where mapping is impossible (empty file, pipes).
};

}  // namespace curvedoctor::core
