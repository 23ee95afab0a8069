// Large CSV-family files are streamed through a window of about a megabyte (FileStream,
// CsvWindow). A streamed load must give exactly what loading the whole file from memory gives,
// whatever straddles a window's edge: quoted cells with line breaks, lines longer than the
// window, CRLF and "\r\r\n" line ends, comments, gaps, text cells, sparse columns.
#include <gtest/gtest.h>

#include <unistd.h>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/file_stream.h"
#include "core/loader_registry.h"
#include "core/loaders/csv_run_builder.h"
#include "core/loaders/generic_csv_loader.h"
#include "core/loaders/lightning_csv_loader.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

class TempFile {
public:
    explicit TempFile(const std::string& text, const std::string& name = "metrics.csv") {
        std::string pattern = (fs::temp_directory_path() / "curvedoctor-stream-XXXXXX").string();
        m_dir = mkdtemp(pattern.data());
        m_path = m_dir + "/" + name;
        std::ofstream(m_path, std::ios::binary) << text;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_dir;
    std::string m_path;
};

std::uint64_t bits(double v) {
    return std::bit_cast<std::uint64_t>(v);
}

void expectSameRun(const Run& a, const Run& b) {
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (const auto& [name, s] : a.metrics) {
        const Series* t = b.find(name);
        ASSERT_NE(t, nullptr) << name;
        if (s.steps != t->steps) {
            std::size_t i = 0;
            while (i < s.steps.size() && i < t->steps.size() && s.steps[i] == t->steps[i]) ++i;
            FAIL() << name << ": steps differ at point " << i << " of " << s.steps.size() << " / "
                   << t->steps.size() << ": "
                   << (i < s.steps.size() ? std::to_string(s.steps[i]) : "end") << " vs "
                   << (i < t->steps.size() ? std::to_string(t->steps[i]) : "end");
        }
        ASSERT_EQ(s.values.size(), t->values.size()) << name;
        for (std::size_t i = 0; i < s.values.size(); ++i)
            ASSERT_EQ(bits(s.values[i]), bits(t->values[i])) << name << " point " << i;
        ASSERT_EQ(s.epochs.size(), t->epochs.size()) << name;
        for (std::size_t i = 0; i < s.epochs.size(); ++i)
            ASSERT_EQ(bits(s.epochs[i]), bits(t->epochs[i])) << name << " epoch " << i;
    }
    ASSERT_EQ(a.warnings.size(), b.warnings.size());
    for (std::size_t i = 0; i < a.warnings.size(); ++i) {
        EXPECT_EQ(a.warnings[i].line, b.warnings[i].line) << i;
        EXPECT_EQ(a.warnings[i].message, b.warnings[i].message) << i;
    }
}

// About `bytes` of a per-step log with every quirk the reader knows, some of them at random
// places, so that across files they land on every side of the window's edges.
// `spread`: one row in about that many is a quirk. `longLine`: one line of 3 MB somewhere.
std::string quirkyTable(std::mt19937_64& rng, std::size_t bytes, const char* ending,
                        int spread = 400, bool longLine = true) {
    std::string text = "step,epoch,loss,val_loss,note,lr\n";
    std::int64_t step = 0;
    char line[256];
    const std::size_t longLineAt = rng() % bytes;
    bool longLineDone = !longLine;
    while (text.size() < bytes) {
        ++step;
        // Plain first rows, so that the table's shape is clear to the dialect sniffer.
        const int kind =
            step < 100 ? spread : static_cast<int>(rng() % static_cast<unsigned>(spread));
        if (kind == 0) {
            text += "# a comment line";
        } else if (kind == 1) {
            // A quoted cell holding line breaks: the row spans three lines.
            std::snprintf(line, sizeof line, "%lld,1,0.5,,\"two\nline%s note\",0.001",
                          static_cast<long long>(step), ending);
            text += line;
        } else if (kind == 2) {
            text += "";  // a blank line
        } else if (kind == 4) {
            // A long quoted cell with line breaks: longer than the slack the reader keeps
            // ahead of itself, so it runs into a window's edge.
            std::string cell;
            const std::size_t length = 100 + rng() % 3000;
            while (cell.size() < length) cell += rng() % 20 == 0 ? "\n" : "word ";
            text += std::to_string(step) + ",1,0.5,,\"" + cell + "\",0.001";
        } else if (kind == 5 && text.size() > (128U << 10)) {
            // Binary garbage, NUL bytes and stray quotes included (past the sniffed head,
            // which would rightly refuse a binary file).
            for (int k = 0; k < 24; ++k) text += static_cast<char>(rng() % 256);
        } else if (kind == 3) {
            std::snprintf(line, sizeof line, "%lld,1,nan,inf,,abc", static_cast<long long>(step));
            text += line;
        } else if (!longLineDone && text.size() > longLineAt) {
            longLineDone = true;
            // A line far longer than the window.
            text +=
                std::to_string(step) + ",1,0.25,0.5,\"" + std::string(3'000'000, 'x') + "\",0.001";
        } else {
            const double u = static_cast<double>(rng() % 1000000) / 1e6;
            const bool sparse = step % 7 != 0;
            std::snprintf(line, sizeof line, "%lld,%d,%.6f,%s,,%.4e", static_cast<long long>(step),
                          static_cast<int>(step / 5000), 2.3 * u, sparse ? "" : "0.75", 1e-3 * u);
            text += line;
        }
        text += rng() % 3000 == 0 ? "\r\r\n" : ending;
    }
    return text;
}

TEST(CsvStreaming, StreamedLoadEqualsInMemoryLoad) {
    std::mt19937_64 rng(23);
    for (int file = 0; file < 6; ++file) {
        const char* ending = file % 2 == 0 ? "\n" : "\r\n";
        std::string text = quirkyTable(rng, (5 + static_cast<std::size_t>(file)) << 20, ending);
        if (file >= 4) text.resize(text.size() - 3);  // cut off mid-row, no final line break.
        const TempFile temp(text, "log.csv");
        FileStream stream;
        std::string error;
        ASSERT_TRUE(stream.open(temp.path(), error)) << error;
        ASSERT_GE(stream.size(), std::uint64_t{4} << 20) << "too small to be streamed";

        const GenericCsvLoader loader;
        ASSERT_TRUE(loader.streams());
        const LoadResult whole = loader.load(LoadInput{temp.path(), text, {}});
        const LoadResult streamed = loader.load(
            LoadInput{temp.path(), std::string_view(text).substr(0, 65536), {}, &stream});
        ASSERT_EQ(whole.error, streamed.error);
        ASSERT_TRUE(whole.error.empty()) << whole.error;
        ASSERT_EQ(whole.runs.size(), 1U);
        ASSERT_EQ(streamed.runs.size(), 1U);
        expectSameRun(whole.runs[0], streamed.runs[0]);
        // And through the registry, which streams files of this size.
        const LoadBatch batch = loadFile(temp.path(), LoaderRegistry::builtin(), LoadOptions{});
        ASSERT_EQ(batch.runs.size(), 1U) << (batch.errors.empty() ? "" : batch.errors[0].message);
        expectSameRun(whole.runs[0], *batch.runs[0]);
        EXPECT_GT(batch.runs[0]->find("loss")->size(), 50000U);
    }
}

TEST(CsvStreaming, TinyWindowsPutEveryQuirkOnAnEdge) {
    // Windows of 4 KiB: thousands of edges, so quoted line breaks, CRLF pairs and long lines
    // all straddle some.
    CsvTableSpec spec;
    spec.stepColumns = {"step"};
    spec.epochColumns = {"epoch"};
    spec.streamWindowBytes = 4096;
    std::mt19937_64 rng(29);
    for (int file = 0; file < 4; ++file) {
        const char* ending = file % 2 == 0 ? "\n" : "\r\n";
        std::string text = quirkyTable(rng, 5U << 20, ending, 12, file >= 2);
        const TempFile temp(text, "log.csv");
        FileStream stream;
        std::string error;
        ASSERT_TRUE(stream.open(temp.path(), error)) << error;
        const LoadResult whole = loadCsvTable(LoadInput{temp.path(), text, {}}, spec);
        const LoadResult streamed = loadCsvTable(
            LoadInput{temp.path(), std::string_view(text).substr(0, 65536), {}, &stream}, spec);
        ASSERT_TRUE(whole.error.empty()) << whole.error;
        ASSERT_EQ(whole.error, streamed.error);
        ASSERT_EQ(streamed.runs.size(), 1U);
        expectSameRun(whole.runs[0], streamed.runs[0]);
    }
}

TEST(CsvStreaming, SparseLightningRowsStreamLikeTheWholeFile) {
    // Lightning's metrics.csv: train and validation values on different rows.
    std::string text = "epoch,step,train_loss,val_loss\n";
    for (int step = 0; text.size() < (6U << 20); ++step) {
        text += std::to_string(step / 1000) + "," + std::to_string(step) + "," +
                std::to_string(1.0 / (1 + step)) + ",\n";
        if (step % 1000 == 999)
            text += std::to_string(step / 1000) + "," + std::to_string(step) + ",,0.5\n";
    }
    const TempFile temp(text);
    FileStream stream;
    std::string error;
    ASSERT_TRUE(stream.open(temp.path(), error)) << error;
    const LightningCsvLoader loader;
    const LoadResult whole = loader.load(LoadInput{temp.path(), text, {}});
    const LoadResult streamed =
        loader.load(LoadInput{temp.path(), std::string_view(text).substr(0, 65536), {}, &stream});
    ASSERT_EQ(whole.runs.size(), 1U);
    ASSERT_EQ(streamed.runs.size(), 1U);
    expectSameRun(whole.runs[0], streamed.runs[0]);
    EXPECT_GT(streamed.runs[0].find("val_loss")->size(), 100U);
}

TEST(CsvStreaming, ProgressRisesToTheEndAndCancelStops) {
    std::string text = "step,loss\n";
    for (int i = 0; text.size() < (8U << 20); ++i) text += std::to_string(i) + ",0.125\n";
    const TempFile temp(text, "big.csv");
    std::vector<double> seen;
    LoadOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const LoadBatch batch = loadFile(temp.path(), LoaderRegistry::builtin(), options);
    ASSERT_EQ(batch.runs.size(), 1U);
    ASSERT_GT(seen.size(), 5U);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
    EXPECT_GT(seen.back(), 0.9);
    EXPECT_LE(seen.back(), 1.0);

    int calls = 0;
    options.progress = [&](double) { return ++calls < 3; };
    const LoadBatch cancelled = loadFile(temp.path(), LoaderRegistry::builtin(), options);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_EQ(calls, 3);
}

TEST(CsvStreaming, ColumnsAreSizedCloseToTheirLength) {
    // Rows that grow longer through the file (the step's digits): the sampled estimate keeps
    // the spare capacity small enough that no shrinking copy is needed.
    std::string text = "step,loss,acc\n";
    for (int i = 0; text.size() < (12U << 20); ++i) text += std::to_string(i * 13) + ",0.5,0.25\n";
    const TempFile temp(text, "grow.csv");
    const LoadBatch batch = loadFile(temp.path(), LoaderRegistry::builtin(), LoadOptions{});
    ASSERT_EQ(batch.runs.size(), 1U);
    const Series& loss = *batch.runs[0]->find("loss");
    EXPECT_TRUE(loss.steps.sharedWith(batch.runs[0]->find("acc")->steps));
    EXPECT_LE(static_cast<double>(loss.values.capacity()), 1.07 * static_cast<double>(loss.size()));
}

TEST(CsvStreaming, ColumnsGrowOnceWhenTheEstimateFallsShort) {
    // Long comment lines exactly where the sizing samples fall: the estimate of rows to come is
    // then far too low, and the columns must be resized from the line length read so far.
    std::string text = "step,loss\n";
    for (int i = 0; text.size() < (8U << 20); ++i) text += std::to_string(i) + ",0.5\n";
    constexpr std::size_t kSample = 32 * 1024;
    const std::size_t size = text.size();
    for (int k = 1; k <= 8; ++k) {
        std::size_t at = (size - kSample) / 8 * static_cast<std::size_t>(k);
        at = text.find('\n', at - 4096) + 1;  // from a line start a little before.
        std::size_t end = text.find('\n', std::min(size - 1, at + kSample + 4096));
        if (end == std::string::npos) end = size - 1;
        for (std::size_t p = at; p < end; p += 4000) {
            const std::size_t n = std::min<std::size_t>(4000, end - p);
            std::string comment(n, 'c');
            comment[0] = '#';
            text.replace(p, n, comment);
            if (p + n < end) text[p + n - 1] = '\n';
        }
    }
    ASSERT_EQ(text.size(), size);
    const TempFile temp(text, "short.csv");
    FileStream stream;
    std::string error;
    ASSERT_TRUE(stream.open(temp.path(), error)) << error;
    CsvTableSpec spec;
    spec.stepColumns = {"step"};
    // loadCsvTable itself, so that no shrinking after the load hides how the columns grew.
    const LoadResult streamed = loadCsvTable(
        LoadInput{temp.path(), std::string_view(text).substr(0, 65536), {}, &stream}, spec);
    const LoadResult whole = loadCsvTable(LoadInput{temp.path(), text, {}}, spec);
    ASSERT_EQ(streamed.runs.size(), 1U);
    ASSERT_EQ(whole.runs.size(), 1U);
    expectSameRun(whole.runs[0], streamed.runs[0]);
    const Series& loss = *streamed.runs[0].find("loss");
    EXPECT_GT(loss.size(), 500000U);
    // Doubling from the short estimate would end at 1.6x here; one resize from the line length
    // of the first rows (shorter than the later ones, whose steps have more digits) at 1.25x.
    EXPECT_LE(static_cast<double>(loss.values.capacity()), 1.4 * static_cast<double>(loss.size()));
}

}  // namespace
}  // namespace curvedoctor::core
