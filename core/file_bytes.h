#pragma once
/// \file file_bytes.h
/// Read-only view of a whole file, memory-mapped where the OS allows. Never writes.

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
    /// ("no such file", "is a folder", "permission denied").
    bool open(const std::string& path, std::string& error);

    [[nodiscard]] std::string_view view() const {
        return {static_cast<const char*>(m_data), m_size};
    }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    void reset();
    const void* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
    std::string m_fallback;  // used where mapping is impossible (empty file, pipes).
};

}  // namespace curvedoctor::core
