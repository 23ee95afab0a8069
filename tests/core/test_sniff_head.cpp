// The sniff head: the first 64 KiB, extended to whole lines (at least kSniffMinLines of them),
// at most 4 MiB; and the logs with very long lines that a cut head made unrecognisable.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "core/loader_registry.h"
#include "core/sniff_head.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

class TempFile {
public:
    TempFile(const std::string& name, const std::string& bytes)
        : m_dir(fs::temp_directory_path() / ("curvedoctor_sniff_" + std::to_string(getpid()))),
          m_path(m_dir / name) {
        fs::create_directories(m_dir);
        std::ofstream(m_path, std::ios::binary) << bytes;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] std::string path() const { return m_path.string(); }

private:
    fs::path m_dir;
    fs::path m_path;
};

std::string readHeadOf(const std::string& bytes) {
    const TempFile file("head.bin", bytes);
    const int fd = ::open(file.path().c_str(), O_RDONLY);
    std::string head;
    std::string error;
    EXPECT_TRUE(readSniffHead(fd, head, error)) << error;
    ::close(fd);
    return head;
}

TEST(SniffHead, ShortFileIsItsOwnHead) {
    const std::string bytes = "step,loss\n1,0.5\n2,0.4";
    EXPECT_EQ(sniffHead(bytes), bytes);
    EXPECT_EQ(readHeadOf(bytes), bytes);
    EXPECT_EQ(readHeadOf(""), "");
}

TEST(SniffHead, EndsOnTheLineThatHoldsByte64KiB) {
    std::string bytes;
    for (int i = 0; bytes.size() < 200'000; ++i) bytes += std::to_string(i) + ",0.25,0.5\n";
    const std::string_view head = sniffHead(bytes);
    ASSERT_GE(head.size(), kSniffBytes);
    EXPECT_LT(head.size(), kSniffBytes + 20);
    EXPECT_EQ(head.back(), '\n');
    EXPECT_EQ(readHeadOf(bytes), head);
}

TEST(SniffHead, HoldsFiveWholeLinesOfLongLines) {
    const std::string line(100'000, 'a');
    std::string bytes;
    for (int i = 0; i < 8; ++i) bytes += line + "\n";
    const std::string_view head = sniffHead(bytes);
    EXPECT_EQ(head.size(), 5 * (line.size() + 1));
    EXPECT_EQ(readHeadOf(bytes), head);
}

TEST(SniffHead, StopsAt4MiB) {
    const std::string bytes(5 << 20, '\0');  // no line break at all
    EXPECT_EQ(sniffHead(bytes).size(), kSniffMaxBytes);
    EXPECT_EQ(readHeadOf(bytes).size(), kSniffMaxBytes);
}

// Issue #12, defect 7: a consistent 8,000-column CSV got "the first lines do not split into the
// same number of columns": its header line alone is longer than the old 64 KiB head.
TEST(SniffHead, CsvWithEightThousandColumnsLoads) {
    // The header fits in 64 KiB, its first row does not: the old head ended inside that row.
    constexpr int kColumns = 8000;
    std::string text = "step";
    for (int c = 1; c < kColumns; ++c) text += ",m" + std::to_string(c);
    text += "\n";
    for (int row = 0; row < 3; ++row) {
        text += std::to_string(row);
        for (int c = 1; c < kColumns; ++c) text += "," + std::to_string(row * 0.5 + c) + "25";
        text += "\n";
    }
    ASSERT_LT(text.find('\n'), kSniffBytes);
    ASSERT_GT(text.find('\n', text.find('\n') + 1), kSniffBytes);
    const TempFile file("wide.csv", text);
    const LoadBatch batch = loadPaths({file.path()});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->metrics.size(), static_cast<std::size_t>(kColumns - 1));
    const Series* last = batch.runs[0]->find("m7999");
    ASSERT_NE(last, nullptr);
    ASSERT_EQ(last->size(), 3U);
    EXPECT_EQ(last->values[2], 8000.00000025);
}

// Issue #12, defect 7: an MMDetection log.json whose first line (env_info, the environment and
// the whole config) is 67 kB was "not a training log". Lines shaped as in
// ../shared/realworld/mmdet_01/20201017_191416.log.json.
TEST(SniffHead, MmdetLogJsonWithA67kBFirstLineLoads) {
    std::string envInfo;
    while (envInfo.size() < 67'000)
        envInfo += "  - NVCC architecture flags: -gencode;arch=compute_75\\n";
    std::string text = "{\"env_info\": \"" + envInfo + "\", \"config\": \"model = dict()\"}\n";
    for (int it = 50; it <= 500; it += 50) {
        text += "{\"mode\": \"train\", \"epoch\": 1, \"iter\": " + std::to_string(it) +
                ", \"lr\": 0.00333, \"memory\": 6007, \"data_time\": 0.97, \"loss_cls\": 0.9, "
                "\"loss\": " +
                std::to_string(3.0 - it / 1000.0) + ", \"time\": 1.5}\n";
    }
    ASSERT_GT(text.find('\n'), kSniffBytes);
    const TempFile file("20201017_191416.log.json", text);
    const LoadBatch batch = loadPaths({file.path()});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->format, "mmdet_json");
    const Series* loss = batch.runs[0]->find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->size(), 10U);
}

}  // namespace
}  // namespace curvedoctor::core
