// Event files decoded as they are read, through a small window refilled in pieces of any size,
// give exactly what decoding the whole file in memory gives: the same series and the same
// warnings at the same byte offsets, whatever falls on a window's edge (a record's header, a
// damaged record, garbage between records, a record cut at any byte).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_stream.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/tfevents_loader.h"
#include "core/loaders/tfevents_reader.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using testutil::readAll;
using testutil::testData;

// Hands out `bytes` in pieces of 1..maxPiece bytes (never fewer than asked but at the end).
class PieceStream final : public ByteStream {
public:
    PieceStream(std::string_view bytes, std::size_t maxPiece) : m_bytes(bytes), m_max(maxPiece) {}
    std::size_t read(char* out, std::size_t n) override {
        const std::size_t count = std::min({n, m_max, m_bytes.size() - m_at});
        std::copy_n(m_bytes.data() + m_at, count, out);
        m_at += count;
        return count;
    }
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_bytes.size(); }

private:
    std::string_view m_bytes;
    std::size_t m_max;
    std::size_t m_at = 0;
};

// Everything a decode produced, as text: every point's step, value and wall time bits, every
// warning's code, offset, message and file.
std::vector<std::string> describe(const Run& run, bool finished) {
    std::vector<std::string> out{finished ? "finished" : "cancelled"};
    for (const auto& [name, s] : run.metrics) {
        std::string line = name + ":";
        for (std::size_t i = 0; i < s.size(); ++i)
            line += " " + std::to_string(s.steps[i]) + "/" +
                    std::to_string(std::bit_cast<std::uint64_t>(double(s.values[i]))) + "/" +
                    std::to_string(std::bit_cast<std::uint64_t>(double(s.wallTimes[i])));
        out.push_back(std::move(line));
    }
    for (const LoadWarning& w : run.warnings)
        out.push_back("warning " + std::to_string(static_cast<int>(w.code)) + " line " +
                      std::to_string(w.line) + " byte " + std::to_string(w.byteOffset) + " [" +
                      w.file + "] " + w.message);
    return out;
}

std::vector<std::string> decodeWhole(std::string_view bytes) {
    RunBuilder builder;
    EventFileDecoder decoder;
    const bool finished = decoder.read(bytes, "p/", "file", builder);
    return describe(builder.finish(), finished);
}

std::vector<std::string> decodeStreamed(std::string_view bytes, std::size_t window,
                                        std::size_t piece) {
    RunBuilder builder;
    EventFileDecoder decoder;
    PieceStream stream(bytes, piece);
    const bool finished = decoder.read(stream, "p/", "file", builder, {}, window);
    return describe(builder.finish(), finished);
}

void expectSameStreamed(std::string_view bytes, const std::string& what,
                        const std::vector<std::size_t>& windows = {1, 13, 64, 4096}) {
    const std::vector<std::string> whole = decodeWhole(bytes);
    for (const std::size_t window : windows)
        for (const std::size_t piece : {std::size_t{1}, std::size_t{5000}})
            ASSERT_EQ(decodeStreamed(bytes, window, piece), whole)
                << what << ", window " << window << ", pieces up to " << piece;
}

// The offsets where the records of a well-formed file start, and its end.
std::vector<std::size_t> recordStarts(std::string_view bytes) {
    std::vector<std::size_t> starts;
    TfRecordReader reader(bytes);
    std::string_view payload;
    while (reader.next(payload) == TfRecordReader::Status::Record)
        starts.push_back(reader.recordOffset());
    starts.push_back(reader.position());
    return starts;
}

std::string fixture(const std::string& name) {
    return readAll(testData("tfevents/" + name));
}

TEST(TfeventsStreaming, FixturesDecodeAlikeThroughAnyWindow) {
    for (const char* name : {"bad_crc.tfevents", "tf2_tensors.tfevents",
                             "torch_simple_value.tfevents", "truncated.tfevents"}) {
        const std::string bytes = fixture(name);
        ASSERT_FALSE(bytes.empty()) << name;
        expectSameStreamed(bytes, name);
    }
    // The damaged fixtures do warn, so the comparison above covers warnings.
    for (const char* name : {"bad_crc.tfevents", "truncated.tfevents"}) {
        const std::vector<std::string> lines = decodeWhole(fixture(name));
        EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
            return l.starts_with("warning");
        })) << name;
    }
    expectSameStreamed("", "empty input");
}

TEST(TfeventsStreaming, RealworldEventFilesDecodeAlike) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(rw)) {
        const std::string path = entry.path().string();
        if (!entry.is_regular_file() || path.find("/tensorboard_") == std::string::npos ||
            path.find("tfevents") == std::string::npos)
            continue;
        ++files;
        const std::string bytes = readAll(path);
        expectSameStreamed(bytes, path, {1, 64, 4096, TfRecordReader::kWindowBytes});
    }
    EXPECT_GE(files, 6U);
}

TEST(TfeventsStreaming, RecordCutAtEveryByte) {
    const std::string bytes = fixture("torch_simple_value.tfevents");
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        expectSameStreamed(std::string_view(bytes).substr(0, cut), "cut at " + std::to_string(cut),
                           {1, 16, 64});
        if (testing::Test::HasFatalFailure()) return;
    }
}

TEST(TfeventsStreaming, DamagedMiddleRecord) {
    const std::string good = fixture("tf2_tensors.tfevents");
    const std::vector<std::size_t> starts = recordStarts(good);
    ASSERT_GE(starts.size(), 4U);
    const std::size_t middle = starts[starts.size() / 2];
    const std::vector<std::string> clean = decodeWhole(good);
    // A byte of the length, of the length's CRC, of the payload, of the payload's CRC.
    const std::size_t end = starts[starts.size() / 2 + 1];
    for (const std::size_t at : {middle, middle + 9, middle + 13, end - 2}) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x40);
        const std::vector<std::string> damaged = decodeWhole(bad);
        EXPECT_NE(damaged, clean) << "flipping byte " << at << " changes nothing";
        expectSameStreamed(bad, "byte " + std::to_string(at) + " flipped");
    }
}

TEST(TfeventsStreaming, GarbageBetweenAndAfterRecords) {
    const std::string good = fixture("tf2_tensors.tfevents");
    const std::vector<std::size_t> starts = recordStarts(good);
    ASSERT_GE(starts.size(), 3U);
    std::mt19937 rng(7);
    for (const std::size_t garbageBytes : {1, 11, 12, 17, 300, 5000}) {
        std::string garbage(garbageBytes, '\0');
        for (char& c : garbage) c = static_cast<char>(rng());
        std::string between = good;
        between.insert(starts[1], garbage);
        EXPECT_NE(decodeWhole(between), decodeWhole(good));
        expectSameStreamed(between, std::to_string(garbageBytes) + " bytes after record 0");
        expectSameStreamed(good + garbage, std::to_string(garbageBytes) + " bytes at the end");
    }
    // A valid header claiming more bytes than follow, then whole records: the length does not
    // fit, the framing is found again after it.
    std::string lying =
        good.substr(0, starts[1]) + good.substr(starts[1], 12) + good.substr(starts[2]);
    expectSameStreamed(lying, "a header without its payload");
}

// A run folder (train/ and validation/ event files, as Keras writes them) loaded by the
// loader, each file streamed, equals its files decoded whole, in name order, into one run.
TEST(TfeventsStreaming, FolderLoadEqualsItsFilesDecodedWhole) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const std::string dir = rw + "/tensorboard_03";
    RunBuilder builder;
    EventFileDecoder decoder;
    std::size_t files = 0;
    for (const char* split : {"train", "validation"}) {
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(dir + "/" + split))
            paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (const fs::path& path : paths) {
            const std::string label = std::string(split) + "/" + path.filename().string();
            ASSERT_TRUE(
                decoder.read(readAll(path.string()), std::string(split) + "/", label, builder));
            ++files;
        }
    }
    ASSERT_GE(files, 2U);
    std::vector<std::string> expected = describe(builder.finish(), true);
    const LoadResult result = TfeventsLoader().load(LoadInput{dir, {}, {}});
    ASSERT_TRUE(result.error.empty()) << result.error;
    ASSERT_EQ(result.runs.size(), 1U);
    EXPECT_EQ(describe(result.runs[0], true), expected);
    EXPECT_GT(expected.size(), 3U);
}

}  // namespace
}  // namespace curvedoctor::core
