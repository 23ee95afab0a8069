#include "core/file_bytes.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <utility>

#include "core/file_stamp.h"
#include "core/huge_pages.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {
namespace {

constexpr std::size_t kVerifyChunk = std::size_t{64} << 10;

std::string nonRegularReason(mode_t mode) {
    if (S_ISDIR(mode)) return "is a folder";
    if (S_ISFIFO(mode)) return "is a named pipe, not a file";
    if (S_ISCHR(mode)) return "is a character device, not a file";
    if (S_ISBLK(mode)) return "is a block device, not a file";
    if (S_ISSOCK(mode)) return "is a socket, not a file";
    return "is not a regular file";
}

// True when the file still starts with `bytes`.
bool stillStartsWith(int fd, std::string_view bytes) {
    const std::unique_ptr<char[]> chunk(new char[kVerifyChunk]);
    std::string ignored;
    for (std::size_t at = 0; at < bytes.size(); at += kVerifyChunk) {
        const std::size_t want = std::min(kVerifyChunk, bytes.size() - at);
        if (readFileAt(fd, chunk.get(), want, at, ignored) != static_cast<std::ptrdiff_t>(want) ||
            std::memcmp(chunk.get(), bytes.data() + at, want) != 0)
            return false;
    }
    return true;
}

}  // namespace

int openRegularFile(const std::string& path, std::string& error) {
    // Look before opening: opening a device can have effects (a tape rewinds, a serial line
    // hangs up), opening a pipe blocks until someone writes to it.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = std::strerror(errno);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        error = nonRegularReason(st.st_mode);
        return -1;
    }
    // O_NONBLOCK: the path may have been replaced by a pipe since the stat.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = std::strerror(errno);
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        error = nonRegularReason(st.st_mode);
        ::close(fd);
        return -1;
    }
    return fd;
}

std::string overLimitMessage(std::uint64_t size, std::uint64_t limit) {
    return "file is " + std::to_string(size >> 20) + " MiB, over the " +
           std::to_string(limit >> 20) + " MiB limit; not loaded";
}

FileBytes::FileBytes(FileBytes&& other) noexcept {
    *this = std::move(other);
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this != &other) {
        reset();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_hugePages = std::exchange(other.m_hugePages, false);
        m_changed = std::exchange(other.m_changed, false);
    }
    return *this;
}

FileBytes::~FileBytes() {
    reset();
}

void FileBytes::reset() {
    if (m_hugePages)
        unmapHugePages(m_data, m_capacity);
    else
        delete[] m_data;
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
    m_hugePages = false;
    m_changed = false;
}

// Files of a huge page or more go to huge-page memory (core/huge_pages.h): on a virtual machine
// with shadow page tables the first touch of every 4 KiB page costs microseconds (measured: 100 MB
// took 60 ms to touch in small pages, the read into huge pages 20 ms).
bool FileBytes::reserve(std::size_t bytes, std::string& error) {
    if (bytes <= m_capacity) return true;
    reset();
    if (bytes >= kHugePage) {
        std::size_t length = 0;
        if (void* region = mapHugePages(bytes, length)) {
            m_data = static_cast<char*>(region);
            m_capacity = length;
            m_hugePages = true;
            return true;
        }
    }
    m_data = new (std::nothrow) char[bytes];
    if (m_data == nullptr) {
        error = "not enough memory to read " + std::to_string(bytes >> 20) + " MiB";
        return false;
    }
    m_capacity = bytes;
    return true;
}

bool FileBytes::open(const std::string& path, std::string& error, std::uint64_t maxBytes) {
    reset();
    const int fd = openRegularFile(path, error);
    if (fd < 0) return false;
    const bool ok = read(fd, error, maxBytes);
    ::close(fd);
    return ok;
}

bool FileBytes::read(int fd, std::string& error, std::uint64_t maxBytes) {
    reset();
    for (int attempt = 0; attempt < kMaxTries; ++attempt) {
        FileStamp before;
        if (!fileStampOf(fd, before, error)) return false;
        const auto size = static_cast<std::uint64_t>(before.size);
        if (size > maxBytes) {
            error = overLimitMessage(size, maxBytes);
            return false;
        }
        // One byte more than the size, to notice a file that grew while it was read.
        const auto want = static_cast<std::size_t>(size) + 1;
        if (!reserve(want, error)) return false;
        const std::ptrdiff_t got = readFileAt(fd, m_data, want, 0, error);
        if (got < 0) return false;
        FileStamp after;
        if (!fileStampOf(fd, after, error)) return false;
        m_size = std::min(static_cast<std::size_t>(got), static_cast<std::size_t>(size));
        const bool unchanged =
            static_cast<std::uint64_t>(got) == size && sameFileStamp(before, after);
        if (unchanged && !recentlyModified(after)) return true;
        if (stillStartsWith(fd, view())) {
            FileStamp verified;
            if (!fileStampOf(fd, verified, error)) return false;
            m_changed = !(unchanged && sameFileStamp(after, verified));
            return true;
        }
    }
    const std::size_t last = m_size;
    reset();
    error = "changed during each of " + std::to_string(kMaxTries) + " reads (" +
            std::to_string(last) + " bytes at the last); rewritten while it is read? not loaded";
    return false;
}

}  // namespace curvedoctor::core
