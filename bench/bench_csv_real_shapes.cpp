// CSV loading on the shapes real logs have (issue #11, "the fast path pays on real shapes or
// goes"): a ~100 MB file made by repeating a real log's rows from ../shared/realworld, steps and
// epochs renumbered so the run goes on, loaded as a loader loads it. Shapes: Lightning metrics.csv
// (sparse rows: each row fills a few of the columns, Python-repr floats), Keras CSVLogger (dense,
// full-precision floats), Ultralytics results.csv (space-padded columns). Also reports the memory
// of the loaded series per point (Run::seriesBytes: the heap blocks of the values, steps, epochs
// and wall times, a block shared between series counted once).
//
// Build (Release, separate dir):
//   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCURVEDOCTOR_BUILD_BENCH=ON
//   cmake --build build-release --target bench_csv_real_shapes
// Run: build-release/bench/bench_csv_real_shapes [--realworld DIR] [--megabytes N]
// The files are generated into /tmp on first use.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_bytes.h"
#include "core/loaders/csv/csv_run_builder.h"

namespace {

using namespace curvedoctor::core;

std::string g_realworld = CURVEDOCTOR_BENCH_REALWORLD_DIR;
std::size_t g_megabytes = 100;

struct Shape {
    const char* name;
    const char* source;  // relative to the real-world folder.
    std::vector<std::string_view> stepColumns;
    std::vector<std::string_view> epochColumns;
    bool missingIsGap;
};

const Shape kShapes[] = {
    {"lightning", "lightning_02/metrics.csv", {"step"}, {"epoch"}, false},
    {"keras", "keras_04/training_log.csv", {"epoch"}, {"epoch"}, true},
    {"ultralytics", "ultralytics_06/results.csv", {"epoch"}, {"epoch"}, false},
};

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos) return fields;
        start = comma + 1;
    }
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// `field` (an integer, maybe space-padded) plus `offset`, padded to the same width.
std::string shifted(const std::string& field, long long offset) {
    const std::string t = trim(field);
    if (t.empty()) return field;
    long long v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    std::string out = std::to_string(v + offset);
    if (field.size() > out.size() && field.front() == ' ')
        out.insert(0, field.size() - out.size(), ' ');
    return out;
}

// The file for `shape`: the source's header, then its rows again and again, each copy's step and
// epoch columns moved on past the previous copy's largest, until it holds g_megabytes.
std::string shapeFile(const Shape& shape) {
    const std::string path = "/tmp/curvedoctor_bench_" + std::string(shape.name) + "_" +
                             std::to_string(g_megabytes) + "MB.csv";
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;
    std::ifstream in(g_realworld + "/" + shape.source);
    std::string header;
    if (!std::getline(in, header)) return std::string();
    std::vector<std::string> rows;
    for (std::string line; std::getline(in, line);) rows.push_back(line);
    const std::vector<std::string> names = splitFields(header);
    std::vector<std::size_t> counters;  // step and epoch columns, renumbered per copy.
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string n = trim(names[i]);
        if (n == "step" || n == "epoch") counters.push_back(i);
    }
    std::vector<long long> span(names.size(), 0);  // the largest value + 1 of each counter.
    for (const std::string& row : rows) {
        const std::vector<std::string> f = splitFields(row);
        for (const std::size_t c : counters) {
            if (c >= f.size() || trim(f[c]).empty()) continue;
            span[c] = std::max(span[c], std::stoll(trim(f[c])) + 1);
        }
    }
    std::ofstream out(path);
    out << header << '\n';
    std::size_t written = header.size() + 1;
    for (long long copy = 0; written < g_megabytes * 1000000; ++copy) {
        for (const std::string& row : rows) {
            std::vector<std::string> f = splitFields(row);
            for (const std::size_t c : counters)
                if (c < f.size()) f[c] = shifted(f[c], copy * span[c]);
            std::string line = f[0];
            for (std::size_t i = 1; i < f.size(); ++i) line += "," + f[i];
            out << line << '\n';
            written += line.size() + 1;
        }
    }
    return path;
}

// One shape, the file read whole first (as the registry hands it to a loader).
void BM_RealShape(benchmark::State& state, const Shape& shape) {
    const std::string path = shapeFile(shape);
    FileBytes file;
    std::string error;
    if (path.empty() || !file.open(path, error)) {
        state.SkipWithError(
            ("cannot make or read the file for " + std::string(shape.name)).c_str());
        return;
    }
    CsvTableSpec spec;
    spec.stepColumns = shape.stepColumns;
    spec.epochColumns = shape.epochColumns;
    spec.missingIsGap = shape.missingIsGap;
    std::size_t points = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        LoadResult r = loadCsvTable(LoadInput{path, file.view(), {}}, spec);
        if (r.runs.size() != 1) {
            state.SkipWithError(("did not load: " + r.error).c_str());
            return;
        }
        r.runs[0].shrinkToFit();  // as the registry does after every load
        points = r.runs[0].pointCount();
        bytes = r.runs[0].seriesBytes();
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(file.size()));
    state.counters["file_MB"] = static_cast<double>(file.size()) / 1e6;
    state.counters["points"] = static_cast<double>(points);
    state.counters["bytes_per_point"] = static_cast<double>(bytes) / static_cast<double>(points);
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc;) {
        int used = 0;
        if (std::strcmp(argv[i], "--realworld") == 0 && i + 1 < argc) {
            g_realworld = argv[i + 1];
            used = 2;
        } else if (std::strcmp(argv[i], "--megabytes") == 0 && i + 1 < argc) {
            g_megabytes = static_cast<std::size_t>(std::stoul(argv[i + 1]));
            used = 2;
        }
        if (used == 0) {
            ++i;
            continue;
        }
        for (int j = i; j + used <= argc; ++j) argv[j] = argv[j + used];
        argc -= used;
    }
    for (const Shape& shape : kShapes) {
        benchmark::RegisterBenchmark(("BM_RealShape/" + std::string(shape.name)).c_str(),
                                     [&shape](benchmark::State& st) { BM_RealShape(st, shape); })
            ->Unit(benchmark::kMillisecond)
            ->MinTime(1.0)
            ->UseRealTime();
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
