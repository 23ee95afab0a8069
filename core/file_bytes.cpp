#include "core/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/huge_pages.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {
namespace {

// Below this a file spans few pages; above it a copy would double a huge file's memory.
constexpr std::size_t kReadMinBytes = kHugePage;
constexpr std::size_t kReadMaxBytes = std::size_t{1} << 30;

}  // namespace

FileBytes::FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this != &other) {
        reset();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapping = std::exchange(other.m_mapping, nullptr);
        m_mappingSize = std::exchange(other.m_mappingSize, 0);
        m_fallback = std::move(other.m_fallback);
        if (m_mapping == nullptr) m_data = m_fallback.data();
    }
    return *this;
}

FileBytes::~FileBytes() { reset(); }

void FileBytes::reset() {
    if (m_mapping != nullptr) munmap(m_mapping, m_mappingSize);
    m_data = nullptr;
    m_size = 0;
    m_mapping = nullptr;
    m_mappingSize = 0;
    m_fallback.clear();
}

bool FileBytes::open(const std::string& path, std::string& error) {
    reset();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        error = std::strerror(errno);
        ::close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "is a folder";
        ::close(fd);
        return false;
    }
    const auto fileSize = static_cast<std::size_t>(st.st_size);
    if (S_ISREG(st.st_mode) && fileSize >= kReadMinBytes && fileSize <= kReadMaxBytes) {
        const bool ok = readIntoHugePages(fd, fileSize, error);
        ::close(fd);
        return ok;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p = mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            madvise(p, fileSize, MADV_SEQUENTIAL);
            m_data = p;
            m_size = fileSize;
            m_mapping = p;
            m_mappingSize = fileSize;
            ::close(fd);
            return true;
        }
    }
    // Empty files, pipes and file systems without mmap: read it.
    std::string buf;
    char chunk[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        buf.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    m_fallback = std::move(buf);
    m_data = m_fallback.data();
    m_size = m_fallback.size();
    return true;
}

// Huge-page memory (core/huge_pages.h): on a virtual machine with shadow page tables the first
// touch of every 4 KiB page, mapped file or not, costs microseconds (measured: 100 MB of mapped
// file took 60 ms to touch, the read into huge pages 20 ms).
bool FileBytes::readIntoHugePages(int fd, std::size_t size, std::string& error) {
    std::size_t length = 0;
    char* buffer = static_cast<char*>(mapHugePages(size, length));
    if (buffer == nullptr) {
        error = std::strerror(errno);
        return false;
    }
    m_mapping = buffer;
    m_mappingSize = length;
    std::size_t filled = 0;
    while (filled < size) {
        const ssize_t n = ::read(fd, buffer + filled, size - filled);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            reset();
            return false;
        }
        if (n == 0) break;  // the file shrank since fstat: keep what is there.
        filled += static_cast<std::size_t>(n);
    }
    m_data = buffer;
    m_size = filled;
    return true;
}

}  // namespace curvedoctor::core
