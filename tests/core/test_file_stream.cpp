// FileStream: every byte of the file in order, whatever the pieces asked for; a file changed
// while it is read is told apart from one that grew (by a CRC-32C of what was read).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "core/file_stream.h"
#include "temp_file_support.h"

namespace curvedoctor::core {
namespace {

using testutil::randomBytes;
using testutil::writeTemp;

TEST(FileStream, GivesEveryByteInOrderAndSaysTheFileIsUnchanged) {
    const std::string bytes = randomBytes(3'000'017, 5);
    const std::string path = writeTemp("curvedoctor_file_stream_test.bin", bytes);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    for (const bool verify : {false, true}) {
        FileStream stream(fd, verify);
        std::string error;
        ASSERT_TRUE(stream.start(~std::uint64_t{0}, error)) << error;
        EXPECT_EQ(stream.expectedSize(), bytes.size());
        std::string got;
        std::vector<char> piece(65'537);
        while (const std::size_t n = stream.read(piece.data(), piece.size()))
            got.append(piece.data(), n);
        EXPECT_TRUE(got == bytes);
        EXPECT_EQ(stream.delivered(), bytes.size());
        // Just written: checked again by its checksum (verify or not), and found the same.
        EXPECT_EQ(stream.finish(), FileStream::Outcome::Consistent);
    }
    ::close(fd);
    std::filesystem::remove(path);
}

TEST(FileStream, OverTheLimitIsRefused) {
    const std::string path = writeTemp("curvedoctor_file_stream_limit.bin", std::string(5000, 'x'));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    FileStream stream(fd, false);
    std::string error;
    EXPECT_FALSE(stream.start(4000, error));
    EXPECT_NE(error.find("limit"), std::string::npos) << error;
    ::close(fd);
    std::filesystem::remove(path);
}

TEST(FileStream, GrownAndRewrittenFilesAreToldApart) {
    const std::string path = writeTemp("curvedoctor_file_stream_change.bin", "a,b\n1,2\n3,4\n");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    char buf[64];
    {
        FileStream stream(fd, true);
        std::string error;
        ASSERT_TRUE(stream.start(1 << 20, error));
        while (stream.read(buf, sizeof buf) > 0) {
        }
        std::ofstream(path, std::ios::binary | std::ios::app) << "5,6\n";  // it grew
        EXPECT_EQ(stream.finish(), FileStream::Outcome::Grew);
    }
    {
        FileStream stream(fd, true);
        std::string error;
        ASSERT_TRUE(stream.start(1 << 20, error));
        while (stream.read(buf, sizeof buf) > 0) {
        }
        std::ofstream(path, std::ios::binary | std::ios::trunc) << "x,y\n9,9\n7,7\n5,5\n";
        EXPECT_EQ(stream.finish(), FileStream::Outcome::Rewritten);
    }
    ::close(fd);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace curvedoctor::core
