// CSV loading speed and memory (issue #2): a 2-million-row, 6-column numeric CSV of about 100 MB,
// loaded single-threaded through the registry exactly as the program does (read the file, sniff
// its head, parse, build the series). Targets: >= 800 MB/s, and <= 24
// bytes of series memory per loaded point (a step column shared by several series counted once).
//
// Build (Release, separate dir):
//   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCURVEDOCTOR_BUILD_BENCH=ON
//   cmake --build build-release --target bench_csv
// Run: build-release/bench/bench_csv [--csv-file PATH] [--csv-repr] [benchmark flags]
// The file is generated into /tmp on first use; bench/compare_csv_pandas.sh compares with pandas.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/file_bytes.h"
#include "core/loader_registry.h"
#include "core/loaders/csv/csv_formats.h"
#include "core/loaders/csv/csv_table.h"

namespace {

using namespace curvedoctor::core;

constexpr std::int64_t kRows = 2'000'000;
std::string g_path = "/tmp/curvedoctor_bench_2M_x6.csv";
// --csv-repr: floats written as Python's csv module and pandas write them, the shortest text
// that reads back to the same double (up to 17 significant digits), 1M rows for about 100 MB.
bool g_repr = false;
constexpr const char* kReprPath = "/tmp/curvedoctor_bench_1M_x6_repr.csv";

// `v` as its shortest round-trip text (what Python's repr prints, up to exponent spelling).
std::string shortest(double v) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    return std::string(buf, end);
}

// step, loss, val_loss, accuracy, lr, grad_norm: the shape of a real per-step log, with values
// printed with fixed formats as a training script's f-strings print them (`%.6f`, `%.4e`), or,
// with --csv-repr, at full precision.
void generateFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
    std::mt19937_64 rng(42);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::fputs("step,loss,val_loss,accuracy,lr,grad_norm\n", f);
    const std::int64_t rows = g_repr ? kRows / 2 : kRows;
    for (std::int64_t i = 0; i < rows; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(rows);
        const double loss = 2.3 * std::exp(-4.0 * t) + 0.05 + 0.02 * noise(rng);
        const double val = loss * 1.1 + 0.01 * noise(rng);
        const double acc = 1.0 - loss / 2.5;
        const double lr = 0.001 * 0.5 * (1.0 + std::cos(M_PI * t));
        const double grad = 1.5 + 0.3 * noise(rng);
        if (g_repr) {
            const std::string line = std::to_string(i) + "," + shortest(loss) + "," +
                                     shortest(val) + "," + shortest(acc) + "," + shortest(lr) +
                                     "," + shortest(grad) + "\n";
            std::fputs(line.c_str(), f);
            continue;
        }
        std::fprintf(f, "%lld,%.6f,%.6f,%.5f,%.4e,%.4f\n", static_cast<long long>(i), loss, val,
                     acc, lr, grad);
    }
    std::fclose(f);
}

void ensureFile() {
    std::error_code ec;
    if (!std::filesystem::exists(g_path, ec)) generateFile(g_path);
}

// The whole load path: read, sniff, parse, build series, shrink.
void BM_LoadCsvFile(benchmark::State& state) {
    ensureFile();
    const auto size = std::filesystem::file_size(g_path);
    std::size_t points = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        LoadBatch batch = loadFile(g_path, LoaderRegistry::builtin(), LoadOptions{});
        if (batch.runs.size() != 1) {
            state.SkipWithError("the benchmark file did not load");
            return;
        }
        points = batch.runs[0]->pointCount();
        bytes = batch.runs[0]->seriesBytes();
        benchmark::DoNotOptimize(batch);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(size));
    state.counters["file_MB"] = static_cast<double>(size) / 1e6;
    state.counters["points"] = static_cast<double>(points);
    state.counters["bytes_per_point"] = static_cast<double>(bytes) / static_cast<double>(points);
}
BENCHMARK(BM_LoadCsvFile)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// The generated file, opened as the loaders open it; false (and the benchmark skipped) on error.
bool openBenchFile(benchmark::State& state, FileBytes& file) {
    ensureFile();
    std::string error;
    if (file.open(g_path, error)) return true;
    state.SkipWithError(error.c_str());
    return false;
}

// The loader alone on the file already in memory (BM_LoadCsvFile less the read and the sniff).
void BM_LoadCsvWholeFile(benchmark::State& state) {
    ensureFile();
    const auto size = std::filesystem::file_size(g_path);
    const auto loader = makeGenericCsvLoader();
    for (auto _ : state) {
        FileBytes file;
        if (!openBenchFile(state, file)) return;
        LoadResult result = loader->load(LoadInput{g_path, file.view(), {}});
        if (result.runs.size() != 1) {
            state.SkipWithError("the benchmark file did not load");
            return;
        }
        for (auto& [name, series] : result.runs[0].metrics) series.shrinkToFit();
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(size));
}
BENCHMARK(BM_LoadCsvWholeFile)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// Reading the file into memory alone, as the registry does before a loader sees it.
void BM_ReadFileOnly(benchmark::State& state) {
    ensureFile();
    for (auto _ : state) {
        FileBytes file;
        if (!openBenchFile(state, file)) return;
        benchmark::DoNotOptimize(file.view().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(std::filesystem::file_size(g_path)));
}
BENCHMARK(BM_ReadFileOnly)->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();

// The tokenizer alone (cells classified and numbers parsed, nothing stored).
void BM_TokenizeOnly(benchmark::State& state) {
    FileBytes file;
    if (!openBenchFile(state, file)) return;
    std::vector<CsvCell> cells;
    for (auto _ : state) {
        CsvReader reader(file.view(), CsvDialect{});
        double sum = 0;
        while (reader.next(cells)) sum += cells[1].number;
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(file.size()));
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    // Our own flags first, so Google Benchmark does not reject them.
    bool pathGiven = false;
    for (int i = 1; i < argc;) {
        int used = 0;
        if (std::strcmp(argv[i], "--csv-file") == 0 && i + 1 < argc) {
            g_path = argv[i + 1];
            pathGiven = true;
            used = 2;
        } else if (std::strcmp(argv[i], "--csv-repr") == 0) {
            g_repr = true;
            used = 1;
        }
        if (used == 0) {
            ++i;
            continue;
        }
        for (int j = i; j + used <= argc; ++j) argv[j] = argv[j + used];
        argc -= used;
    }
    if (g_repr && !pathGiven) g_path = kReprPath;
    ensureFile();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
