#include "core/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {

FileBytes::FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this != &other) {
        reset();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapped = std::exchange(other.m_mapped, false);
        m_fallback = std::move(other.m_fallback);
        if (!m_mapped) m_data = m_fallback.data();
    }
    return *this;
}

FileBytes::~FileBytes() { reset(); }

void FileBytes::reset() {
    if (m_mapped && m_data != nullptr) munmap(const_cast<void*>(m_data), m_size);
    m_data = nullptr;
    m_size = 0;
    m_mapped = false;
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
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
            m_data = p;
            m_size = static_cast<std::size_t>(st.st_size);
            m_mapped = true;
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

}  // namespace curvedoctor::core
