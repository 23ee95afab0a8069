#include "core/file_stamp.h"

#include <cerrno>
#include <cstring>
#include <ctime>

#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {
namespace {

constexpr std::time_t kRecentSeconds = 2;

bool sameTime(const timespec& a, const timespec& b) {
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

}  // namespace

bool fileStampOf(int fd, FileStamp& out, std::string& error) {
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        error = std::strerror(errno);
        return false;
    }
    out = {st.st_size, st.st_mtim, st.st_ctim};
    return true;
}

bool sameFileStamp(const FileStamp& a, const FileStamp& b) {
    return a.size == b.size && sameTime(a.mtime, b.mtime) && sameTime(a.ctime, b.ctime);
}

bool recentlyModified(const FileStamp& s) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return s.mtime.tv_sec + kRecentSeconds >= now.tv_sec ||
           s.ctime.tv_sec + kRecentSeconds >= now.tv_sec;
}

std::ptrdiff_t readFileAt(int fd, char* out, std::size_t count, std::uint64_t offset,
                          std::string& error) {
    std::size_t done = 0;
    while (done < count) {
        const ssize_t n = ::pread(fd, out + done, count - done, static_cast<off_t>(offset + done));
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

}  // namespace curvedoctor::core
