// A table parsed in chunks on several threads (ParallelCsvReader) reads exactly what the serial
// CsvReader reads: the same rows, cells, line numbers, offsets and torn last row, wherever the
// chunks are cut (a "\r\n", a quoted field across line breaks, a line longer than a chunk, junk
// bytes); and a loader given the parallel path loads the same series and warnings, on every
// CSV fixture, the CSV-family real-world logs and a generated sparse Lightning log.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/file_stream.h"
#include "core/loader_registry.h"
#include "core/loaders/csv/csv_parallel_reader.h"
#include "core/loaders/csv/csv_table.h"
#include "csv_stream_test_support.h"
#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

// Everything a reader says about the row it read last, as text.
std::span<const CsvCell> cellsOf(const CsvReader&, const std::vector<CsvCell>& cells) {
    return cells;
}

std::span<const CsvCell> cellsOf(const ParallelCsvReader& reader, const std::vector<CsvCell>&) {
    return reader.cells();
}

template <typename Reader>
std::string describeRow(const Reader& reader, const std::vector<CsvCell>& read) {
    const std::span<const CsvCell> cells = cellsOf(reader, read);
    std::string row = "line " + std::to_string(reader.line()) + " fields " +
                      std::to_string(reader.fieldCount()) + " offset " +
                      std::to_string(reader.offset()) + (reader.rowUnterminated() ? " torn" : "") +
                      ":";
    for (const CsvCell& c : cells) {
        row += " [" + std::to_string(static_cast<int>(c.kind)) + "|" + std::string(c.text);
        if (c.kind == CsvCellKind::Number)
            row += "|" + std::to_string(std::bit_cast<std::uint64_t>(c.number));
        row += "]";
    }
    return row;
}

template <typename Reader>
void describeRest(Reader& reader, std::size_t maxCells, std::vector<std::string>& out) {
    std::vector<CsvCell> cells;
    while (reader.next(cells, maxCells)) out.push_back(describeRow(reader, cells));
    out.push_back("end at " + std::to_string(reader.offset()) + " of " +
                  std::to_string(reader.size()));
}

// The serial reader of the whole text, against a streamed one that reads `first` rows and
// hands the rest over to a parallel reader of `chunk`-byte chunks on `threads` threads.
void expectSameInParallel(const std::string& text, CsvDialect dialect,
                          std::size_t maxCells = 1000) {
    CsvReader whole(text, dialect);
    std::vector<std::string> expected;
    describeRest(whole, maxCells, expected);
    for (const std::size_t chunk : {16, 37, 300}) {
        for (const unsigned threads : {1U, 3U}) {
            for (const int first : {0, 1}) {
                test::PieceStream stream(text, 7, static_cast<unsigned>(chunk * 31 + threads));
                CsvReader serial(stream, dialect, false, 64);
                std::vector<std::string> got;
                std::vector<CsvCell> cells;
                for (int i = 0; i < first && serial.next(cells, maxCells); ++i)
                    got.push_back(describeRow(serial, cells));
                auto parallel = ParallelCsvReader::start(serial, maxCells, {0, chunk, threads});
                ASSERT_NE(parallel, nullptr);
                describeRest(*parallel, maxCells, got);
                ASSERT_EQ(got, expected) << "chunk " << chunk << ", threads " << threads
                                         << ", serial rows " << first << ": " << text.substr(0, 80);
            }
        }
    }
}

TEST(CsvParallel, ChunkEdgesOnLineEndsQuotesCommentsAndTornLines) {
    std::vector<std::string> texts = test::awkwardCsvTexts();
    texts.insert(
        texts.end(),
        {
            "\xEF\xBB\xBF\xEF\xBB\xBFstep,loss\n1,2\n",
            "step,loss\n1,nan\n2,-inf\n3,Infinity\n4,NaN\n5,+1e999\n6,-1E-999\n7,NA\n8,null\n",
            "step,loss\n1,0.5\n2,\x01\xff\xfe\x80junk\n3,0.25\n4,\"x\ny\"\n5,1\n",
        });
    for (const std::string& text : texts) expectSameInParallel(text, CsvDialect{});
    expectSameInParallel("     0/399    0.455G    0.1069\n  1/399 1 2\n", CsvDialect{' ', true});
    expectSameInParallel("\tb\n\t2\n", CsvDialect{'\t', false});
    expectSameInParallel("a;b\n1,5;2\n3;4,25\n", CsvDialect{';', false});
}

TEST(CsvParallel, LinesLongerThanAChunkAndQuotesAcrossChunks) {
    std::string text = "step";
    for (int i = 0; i < 50; ++i) text += ",m" + std::to_string(i);
    text += "\n";
    for (int row = 0; row < 8; ++row) {
        text += std::to_string(row);
        for (int i = 0; i < 50; ++i) text += "," + std::to_string(i * 0.5 + row);
        text += row == 3 ? ",\"a quoted\nfield over\nthree lines\"\n" : "\n";
        if (row == 5) {
            // A quoted field of 40 lines: chunks of 37 and 300 bytes are cut inside it.
            text += "5.5,\"";
            for (int i = 0; i < 40; ++i) text += "line " + std::to_string(i) + " in quotes\n";
            text += "\"\n";
        }
    }
    expectSameInParallel(text, CsvDialect{});
    expectSameInParallel(text, CsvDialect{}, 3);  // fields past maxCells are read over.
}

TEST(CsvParallel, RandomTablesReadTheSame) {
    std::mt19937 rng(13);
    const char* pieces[] = {",",   "\n", "\r\n", "\r", "\"",  "\"\"", "1.5", "0.12345678901234568",
                            "nan", " ",  "#",    "NA", "abc", "\t",   "-7",  "1e-05"};
    for (int round = 0; round < 150; ++round) {
        std::string text = "a,b,c\n";
        const int n = std::uniform_int_distribution<int>(0, 80)(rng);
        for (int i = 0; i < n; ++i)
            text +=
                pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(rng)];
        expectSameInParallel(text, CsvDialect{});
    }
}

// Sets CURVEDOCTOR_CSV_PARALLEL for one scope.
class ParallelSetting {
public:
    explicit ParallelSetting(const char* value) { ::setenv(kName, value, 1); }
    ParallelSetting(const ParallelSetting&) = delete;
    ParallelSetting& operator=(const ParallelSetting&) = delete;
    ~ParallelSetting() { ::unsetenv(kName); }

private:
    static constexpr const char* kName = "CURVEDOCTOR_CSV_PARALLEL";
};

// Everything a load gives: every series point (bit for bit), every warning, every error.
std::string describeLoad(const std::string& path) {
    const LoadBatch batch = loadPaths({path});
    std::string out;
    for (const RunPtr& run : batch.runs) {
        out += "run " + run->name + " " + run->format + "\n";
        for (const auto& [name, s] : run->metrics) {
            out += " metric " + name + " " + std::to_string(s.size()) + ":";
            for (std::size_t i = 0; i < s.size(); ++i) {
                out += " " + std::to_string(s.steps[i]) + "=" +
                       std::to_string(std::bit_cast<std::uint64_t>(s.values[i]));
                if (s.hasEpochs())
                    out += "/" + std::to_string(std::bit_cast<std::uint64_t>(s.epochs[i]));
                if (s.hasWallTimes())
                    out += "/" + std::to_string(std::bit_cast<std::uint64_t>(s.wallTimes[i]));
            }
            out += "\n";
        }
        for (const LoadWarning& w : run->warnings)
            out += " warning " + std::to_string(w.line) + " " + std::to_string(w.byteOffset) + " " +
                   std::to_string(static_cast<int>(w.code)) + " " + w.file + ": " + w.message +
                   "\n";
    }
    for (const LoadError& e : batch.errors) out += "error " + e.source + ": " + e.message + "\n";
    return out;
}

void expectSameLoadInParallel(const std::string& path) {
    std::string serial;
    {
        const ParallelSetting off("off");
        serial = describeLoad(path);
    }
    ASSERT_FALSE(serial.empty()) << path;
    for (const char* setting : {"0,64,2", "0,1000,3", "0"}) {
        const ParallelSetting on(setting);
        ASSERT_EQ(describeLoad(path), serial) << path << " with " << setting;
    }
}

TEST(CsvParallel, EveryCsvFixtureLoadsTheSame) {
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/csv")) {
        if (!entry.is_regular_file()) continue;
        expectSameLoadInParallel(entry.path().string());
        ++files;
    }
    EXPECT_GE(files, 25);
}

TEST(CsvParallel, RealWorldCsvLogsLoadTheSame) {
    if (!test::haveRealworld()) GTEST_SKIP() << "no " << CURVEDOCTOR_REALWORLD_DIR;
    int logs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CURVEDOCTOR_REALWORLD_DIR)) {
        const std::string name = entry.path().filename().string();
        for (const char* family : {"lightning_", "keras_", "ultralytics_", "yolov5_", "plain_"}) {
            if (name.rfind(family, 0) != 0) continue;
            expectSameLoadInParallel(entry.path().string());
            ++logs;
        }
    }
    EXPECT_GE(logs, 20);
}

// A sparse Lightning log of 200,000 training rows with a validation row every 1,000 steps,
// values as Python prints them, a few bad cells, one long quoted field across lines (the chunks
// from there on are read again serially) and a torn last line.
TEST(CsvParallel, GeneratedSparseLightningLogLoadsTheSame) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("curvedoctor_csv_parallel_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "lightning_logs" / "version_0");
    const std::string path = (dir / "lightning_logs" / "version_0" / "metrics.csv").string();
    {
        std::ofstream out(path, std::ios::binary);
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> u(0.0, 3.0);
        out << "epoch,step,train/loss,train/lr,val/acc,val/loss\n";
        out.precision(17);
        for (int step = 0; step < 200000; ++step) {
            const int epoch = step / 20000;
            out << epoch << ',' << step << ',' << u(rng) << ',' << u(rng) * 1e-4 << ",,\n";
            if (step % 1000 == 999)
                out << epoch << ',' << step << ",,," << u(rng) << ',' << u(rng) << '\n';
            if (step == 50000) out << epoch << ",50000.5,nan,inf,,\r\n";
            if (step == 70000) out << epoch << ',' << step << ",\x01\xff junk,,,\n";
            if (step == 150000) {
                // 160 KB in quotes: chunks of 100,000 bytes are cut inside it.
                out << epoch << ',' << step << ",\"";
                for (int i = 0; i < 4000; ++i) out << "a line in quotes, " << i << "\n";
                out << "\",,,\n";
            }
        }
        out << "9,200000,0.5";  // torn
    }
    std::string serial;
    {
        const ParallelSetting off("off");
        serial = describeLoad(path);
    }
    EXPECT_NE(serial.find("junk"), std::string::npos);
    EXPECT_NE(serial.find("no line end"), std::string::npos);
    for (const char* setting : {"0,1048576,2", "0,100000,3"}) {
        const ParallelSetting on(setting);
        EXPECT_EQ(describeLoad(path), serial) << setting;
    }
    std::filesystem::remove_all(dir);
}

// A Lightning-shaped log cut into chunks of a few KB, so that epochs, NaNs, validation rows and
// quoted cells with "" escapes (whose unescaped text a chunk keeps a copy of) fall on both sides
// of many chunk borders: the same load as the serial reader's, bit for bit, float32 storage
// included.
TEST(CsvParallel, SparseLightningLogAcrossManyChunkBordersLoadsTheSame) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("curvedoctor_csv_packed_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "lightning_logs" / "version_0");
    const std::string path = (dir / "lightning_logs" / "version_0" / "metrics.csv").string();
    int lossPoints = 0;
    int lossNaNs = 0;
    int valPoints = 0;
    {
        std::ofstream out(path, std::ios::binary);
        std::mt19937_64 rng(14);
        std::uniform_real_distribution<double> u(0.0, 3.0);
        // A float32 widened to double, as Python prints a Lightning value (17 digits).
        const auto f32 = [&] { return static_cast<double>(static_cast<float>(u(rng))); };
        out << "epoch,step,train/acc,train/loss,val/acc,val/loss\n";
        out.precision(17);
        for (int step = 0; step < 20000; ++step) {
            out << step / 1000 << ',' << step << ',';
            if (step % 997 == 5) {
                out << "\"bad \"\"x\"\" " << step << "\"";  // a text cell with "" escapes.
            } else {
                out << f32();
            }
            out << ',';
            ++lossPoints;
            if (step % 89 == 3) {
                out << (step % 2 == 0 ? "nan" : "NaN");
                ++lossNaNs;
            } else {
                out << f32();
            }
            out << ",,\n";
            if (step % 50 == 49) {
                out << step / 1000 << ',' << step << ",,," << f32() << ',' << f32() << '\n';
                ++valPoints;
            }
            if (step == 12345) out << "1,\"\"\"s\"\"\",0.5,0.5,,\n";  // a step that is text.
        }
    }
    std::string serial;
    {
        const ParallelSetting off("off");
        serial = describeLoad(path);
        const LoadBatch batch = loadPaths({path});
        ASSERT_EQ(batch.runs.size(), 1U);
        const curvedoctor::core::Run& run = *batch.runs[0];
        const Series* loss = run.find("train/loss");
        const Series* acc = run.find("val/acc");
        ASSERT_NE(loss, nullptr);
        ASSERT_NE(acc, nullptr);
        EXPECT_EQ(loss->size(), static_cast<std::size_t>(lossPoints));
        EXPECT_EQ(std::count_if(loss->values.begin(), loss->values.end(),
                                [](double v) { return std::isnan(v); }),
                  lossNaNs);
        EXPECT_TRUE(loss->values.isFloat());
        EXPECT_EQ(acc->size(), static_cast<std::size_t>(valPoints));
        EXPECT_TRUE(loss->hasEpochs());
        EXPECT_EQ(loss->epochs[loss->size() - 1], 19.0);
    }
    // The unescaped texts, quoted in the warnings.
    EXPECT_NE(serial.find("'bad \"x\" 5'"), std::string::npos) << serial.substr(0, 2000);
    EXPECT_NE(serial.find("'\"s\"'"), std::string::npos);
    for (const char* setting : {"0,4096,2", "0,1500,3", "0,65536,2"}) {
        const ParallelSetting on(setting);
        EXPECT_EQ(describeLoad(path), serial) << setting;
    }
    std::filesystem::remove_all(dir);
}

// Version k of a 100 KB table: loss = k + 1/(step + 1) for steps 0 .. 5000 + k % 50.
std::string tableVersion(int k) {
    std::string s = "step,loss\n";
    for (int j = 0; j <= 5000 + k % 50; ++j)
        s += std::to_string(j) + "," + std::to_string(k + 1.0 / (j + 1)) + "\n";
    return s;
}

// As LoaderRegistry.LogRewrittenWhileLoadedNeverCrashesNorMixesVersions, on the parallel path:
// the stream is still read in order, so a file rewritten while its chunks are parsed is read
// again (or refused), never loaded as a mix of two versions.
TEST(CsvParallel, TableRewrittenWhileLoadedNeverMixesVersions) {
    using namespace std::chrono_literals;
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("curvedoctor_csv_rewritten_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "table.csv").string();
    std::ofstream(path, std::ios::binary) << tableVersion(0);
    const ParallelSetting on("0,4096,2");
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        for (int k = 1; !stop; ++k) {
            const std::string v = tableVersion(k);
            const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
            if (fd < 0) continue;
            for (std::size_t at = 0; at < v.size(); at += 16384) {
                const std::size_t n = std::min<std::size_t>(16384, v.size() - at);
                if (::write(fd, v.data() + at, n) != static_cast<ssize_t>(n)) break;
            }
            ::close(fd);
            written = k;
            std::this_thread::sleep_for(1ms);
        }
    });
    int loaded = 0;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    for (int i = 0; (i < 200 || written < 30) && std::chrono::steady_clock::now() < deadline; ++i) {
        const LoadBatch batch = loadPaths({path});
        ASSERT_EQ(batch.runs.size() + batch.errors.size(), 1U);
        if (batch.runs.empty()) continue;
        const Series* loss = batch.runs[0]->find("loss");
        if (loss == nullptr || loss->empty()) continue;  // caught while empty.
        ++loaded;
        const int k = static_cast<int>(std::lround(loss->values[0] - 1.0));
        if (batch.runs[0]->warnings.empty()) {
            EXPECT_EQ(loss->size(), static_cast<std::size_t>(5001 + k % 50));
        }
        for (std::size_t j = 0; j < loss->size(); ++j)
            ASSERT_NEAR(loss->values[j], k + 1.0 / static_cast<double>(j + 1), 1e-5)
                << "load " << i;
    }
    stop = true;
    writer.join();
    EXPECT_GE(written.load(), 30) << "the writer hardly ran";
    EXPECT_GT(loaded, 0);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace curvedoctor::core
