#pragma once
// Shared by the loader benchmarks: time one loader over one mapped file, report bytes/s and points.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/file_bytes.h"
#include "core/loader.h"

namespace curvedoctor::bench {

inline void benchmarkLoader(benchmark::State& state, const core::Loader& loader,
                            const std::string& path) {
    core::FileBytes bytes;
    std::string error;
    if (!bytes.open(path, error)) {
        state.SkipWithError(error.c_str());
        return;
    }
    std::size_t points = 0;
    for (auto _ : state) {
        core::LoadResult r = loader.load(core::LoadInput{path, bytes.view(), {}});
        points = r.runs.empty() ? 0 : r.runs[0].pointCount();
        benchmark::DoNotOptimize(points);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
    state.counters["points"] = static_cast<double>(points);
}

}  // namespace curvedoctor::bench
