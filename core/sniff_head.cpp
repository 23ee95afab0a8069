#include "core/sniff_head.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace curvedoctor::core {
namespace {

// The head's length if `bytes` (all of the file when `wholeFile`) settles it; 0 when more of the
// file must be read first.
std::size_t headLength(std::string_view bytes, bool wholeFile) {
    const std::size_t minimum = std::min(kSniffBytes, bytes.size());
    std::size_t lines = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t eol = bytes.find('\n', pos);
        if (eol == std::string_view::npos || eol >= kSniffMaxBytes) break;
        pos = eol + 1;
        if (++lines >= kSniffMinLines && pos >= minimum) return pos;
    }
    if (wholeFile) return std::min(bytes.size(), kSniffMaxBytes);
    return bytes.size() >= kSniffMaxBytes ? kSniffMaxBytes : 0;
}

}  // namespace

std::string_view sniffHead(std::string_view bytes) {
    return bytes.substr(0, headLength(bytes, true));
}

bool readSniffHead(int fd, std::string& head, std::string& error) {
    head.clear();
    std::size_t want = kSniffBytes;
    for (;;) {
        const std::size_t have = head.size();
        head.resize(want);
        std::size_t got = have;
        while (got < want) {
            const ssize_t n = ::pread(fd, head.data() + got, want - got, static_cast<off_t>(got));
            if (n < 0) {
                if (errno == EINTR) continue;
                error = std::strerror(errno);
                head.clear();
                return false;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        head.resize(got);
        const bool wholeFile = got < want;
        const std::size_t length = headLength(head, wholeFile);
        if (length != 0 || wholeFile) {
            head.resize(length);
            return true;
        }
        want = std::min(want * 4, kSniffMaxBytes);
    }
}

}  // namespace curvedoctor::core
