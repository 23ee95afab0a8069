// FileBytes: every byte of the file, read into memory of its own; never a byte of another version
// of a file rewritten while it is read; never a wait on a pipe or a read without end from a device.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/file_bytes.h"
#include "temp_file_support.h"

namespace curvedoctor::core {
namespace {

using testutil::randomBytes;
using testutil::writeTemp;

TEST(FileBytes, SmallAndLargeFilesGiveEveryByte) {
    // Below the huge-page threshold, just above it and at an odd size.
    for (const std::size_t size :
         {std::size_t{1000}, (std::size_t{2} << 20) + 1, std::size_t{5'000'003}}) {
        const std::string bytes = randomBytes(size, static_cast<unsigned>(size));
        const std::string path = writeTemp("curvedoctor_file_bytes_test.bin", bytes);
        FileBytes file;
        std::string error;
        ASSERT_TRUE(file.open(path, error)) << error;
        ASSERT_EQ(file.size(), size);
        EXPECT_TRUE(file.view() == bytes) << size;
        // Moving keeps the bytes and leaves the source empty.
        FileBytes moved = std::move(file);
        EXPECT_EQ(file.size(), 0U);
        EXPECT_TRUE(moved.view() == bytes) << size;
        std::filesystem::remove(path);
    }
}

TEST(FileBytes, FolderAndMissingFileAreErrors) {
    FileBytes file;
    std::string error;
    EXPECT_FALSE(file.open(std::filesystem::temp_directory_path().string(), error));
    EXPECT_EQ(error, "is a folder");
    EXPECT_FALSE(file.open("/nonexistent/curvedoctor/file.csv", error));
    EXPECT_FALSE(error.empty());
}

TEST(FileBytes, OverTheLimitIsRefused) {
    const std::string path =
        writeTemp("curvedoctor_file_bytes_limit.bin", std::string(3 << 20, 'x'));
    FileBytes file;
    std::string error;
    EXPECT_FALSE(file.open(path, error, 1 << 20));
    EXPECT_EQ(error, "file is 3 MiB, over the 1 MiB limit; not loaded");
    std::filesystem::remove(path);
}

// Issue #12, defect 4: /dev/zero and /dev/urandom were read without end (the size limit only
// applied to what stat said) until std::bad_alloc; defect 6: a named pipe without a writer
// blocked open() for ever. Anything but a regular file is refused before a byte is read.
TEST(FileBytes, DevicesPipesAndSocketsAreRefusedAtOnce) {
    FileBytes file;
    std::string error;
    EXPECT_FALSE(file.open("/dev/zero", error));
    EXPECT_EQ(error, "is a character device, not a file");
    EXPECT_FALSE(file.open("/dev/urandom", error));
    EXPECT_EQ(error, "is a character device, not a file");

    const auto dir = std::filesystem::temp_directory_path() /
                     ("curvedoctor_special_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string fifo = (dir / "pipe").string();
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::atomic<bool> done{false};
    std::thread reader([&] {
        FileBytes f;
        std::string e;
        EXPECT_FALSE(f.open(fifo, e));
        EXPECT_EQ(e, "is a named pipe, not a file");
        done = true;
    });
    for (int i = 0; i < 500 && !done; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(done.load()) << "opening a named pipe without a writer blocked";
    if (!done) {  // unblock the reader so the test can end: a writer that closes at once.
        const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (w >= 0) ::close(w);
    }
    reader.join();

    const std::string socketPath = (dir / "sock").string();
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(s, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    ASSERT_LT(socketPath.size(), sizeof addr.sun_path);
    std::memcpy(addr.sun_path, socketPath.c_str(), socketPath.size() + 1);
    ASSERT_EQ(::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_FALSE(file.open(socketPath, error));
    EXPECT_EQ(error, "is a socket, not a file");
    ::close(s);
    std::filesystem::remove_all(dir);
}

// Version k of a rewritten log: the same length for every k, each line naming k, so a read that
// mixed two versions cannot pass for one.
std::string version(int k, std::size_t bytes) {
    const std::string line = "step," + std::to_string(k) + "," + std::to_string(k * 7) + "\n";
    std::string s;
    while (s.size() + line.size() <= bytes) s += line;
    s.resize(bytes, '#');
    return s;
}

int versionOf(std::string_view bytes) {
    if (bytes.size() < 6) return -1;
    return std::atoi(std::string(bytes.substr(5, 12)).c_str());
}

// Issue #12, defect 2: small files were memory-mapped, and a log truncated while it was read
// killed the process with SIGBUS. Now every read is a whole version or the beginning of one
// (what the file held at that moment), whatever the writer does meanwhile.
TEST(FileBytes, RewrittenWhileReadGivesAVersionOrItsBeginning) {
    constexpr std::size_t kBytes = 600'000;  // under the huge-page threshold, where mmap was used
    const std::string path = writeTemp("curvedoctor_rewritten.csv", version(0, kBytes));
    constexpr int kVersions = 16;
    std::vector<std::string> versions;
    for (int k = 0; k < kVersions; ++k) versions.push_back(version(k, kBytes));
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        for (int k = 1; !stop; ++k) {
            const std::string& v = versions[static_cast<std::size_t>(k % kVersions)];
            const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
            if (fd < 0) continue;
            // In pieces, so readers also meet a half-written file.
            for (std::size_t at = 0; at < v.size(); at += 65536) {
                const std::size_t n = std::min<std::size_t>(65536, v.size() - at);
                if (::write(fd, v.data() + at, n) != static_cast<ssize_t>(n)) break;
            }
            if (k % 3 == 0 && ::ftruncate(fd, static_cast<off_t>(kBytes / 3)) != 0) break;
            ::close(fd);
            written = k;
            // Mostly back to back, but now and then a rest as long as a slow (sanitized) read,
            // as a real logger rests between epochs: whole reads must happen in those rests.
            std::this_thread::sleep_for(std::chrono::milliseconds(k % 8 == 0 ? 40 : 1));
        }
    });
    int whole = 0;
    int prefixes = 0;
    int empty = 0;
    int refused = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (int i = 0; (i < 400 || written < 30 || whole + prefixes < 50 || whole == 0) &&
                    std::chrono::steady_clock::now() < deadline;
         ++i) {
        FileBytes file;
        std::string error;
        if (!file.open(path, error)) {
            EXPECT_NE(error.find("changed during each of"), std::string::npos) << error;
            ++refused;
            continue;
        }
        const std::string_view got = file.view();
        if (got.empty()) {
            ++empty;
            continue;
        }
        const int k = versionOf(got);
        ASSERT_TRUE(k >= 0 && k < kVersions) << "read " << i << " starts with no version";
        const std::string& expected = versions[static_cast<std::size_t>(k)];
        ASSERT_LE(got.size(), expected.size());
        ASSERT_TRUE(got == std::string_view(expected).substr(0, got.size()))
            << "read " << i << " mixes versions (" << got.size() << " bytes, version " << k << ")";
        (got.size() == kBytes ? whole : prefixes)++;
    }
    stop = true;
    writer.join();
    EXPECT_GE(written.load(), 30) << "the writer hardly ran";
    EXPECT_GT(whole, 0);
    std::printf("[ info ] %d versions written; reads: %d whole, %d partial, %d empty, %d refused\n",
                written.load(), whole, prefixes, empty, refused);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace curvedoctor::core
