#pragma once
// Shared checks for the libFuzzer targets: run a loader's sniff and load on arbitrary bytes and
// abort when the result breaks the run model's invariants (a crash, a sanitizer report or a hang
// is caught by libFuzzer itself).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/loader.h"

namespace curvedoctor::fuzz {

inline constexpr std::size_t kSniffBytes =
    std::size_t{64} * 1024;  // what LoaderRegistry hands a sniffer.

inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

inline void checkResult(const core::LoadResult& result) {
    for (const core::Run& run : result.runs) {
        for (const auto& [name, series] : run.metrics) {
            require(!name.empty(), "metric name is empty");
            require(series.steps.size() == series.values.size(), "steps and values differ in size");
            require(series.epochs.empty() || series.epochs.size() == series.steps.size(),
                    "epochs neither empty nor one per step");
            require(series.wallTimes.empty() || series.wallTimes.size() == series.steps.size(),
                    "wall times neither empty nor one per step");
        }
        for (const core::LoadWarning& w : run.warnings)
            require(!w.message.empty(), "empty warning");
    }
    require(result.error.find('\n') == std::string::npos, "error message is not one line");
}

/// Sniffs and loads `data` as a file named `name` with `loader`.
inline void exerciseLoader(const core::Loader& loader, const std::uint8_t* data, std::size_t size,
                           std::string_view name) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const int score =
        loader.sniff(core::SniffInput{name, name, bytes.substr(0, kSniffBytes), false});
    require(score >= core::confidence::kNone && score <= 100, "confidence out of 0..100");
    checkResult(loader.load(core::LoadInput{std::string(name), bytes, {}}));
}

}  // namespace curvedoctor::fuzz
