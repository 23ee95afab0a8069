#include "core/file_stream.h"

#include <cerrno>
#include <cstring>

#include "core/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {

FileStream::~FileStream() {
    if (m_fd >= 0) ::close(m_fd);
}

bool FileStream::open(const std::string& path, std::string& error) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = openRegularFile(path, error);
    if (m_fd < 0) return false;
    struct stat st {};
    if (fstat(m_fd, &st) != 0) {
        error = std::strerror(errno);
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    m_size = static_cast<std::uint64_t>(st.st_size);
#if defined(POSIX_FADV_SEQUENTIAL)
    posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    return true;
}

std::ptrdiff_t FileStream::readAt(std::uint64_t offset, char* out, std::size_t count,
                                  std::string& error) const {
    std::size_t done = 0;
    while (done < count) {
        const ssize_t n =
            ::pread(m_fd, out + done, count - done, static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            return -1;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    return static_cast<std::ptrdiff_t>(done);
}

bool FileStream::readHead(std::size_t count, std::string& head, std::string& error) const {
    head.resize(count);
    const std::ptrdiff_t n = readAt(0, head.data(), count, error);
    if (n < 0) return false;
    head.resize(static_cast<std::size_t>(n));
    return true;
}

}  // namespace curvedoctor::core
