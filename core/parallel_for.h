#pragma once
/// \file parallel_for.h
/// The one worker loop behind everything that runs on all cores (loading paths, diagnosing
/// runs, smoothing chart curves, deflating PNG bands): independent jobs handed out in order.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace curvedoctor::core {

/// Threads to use for `count` jobs when `requested` are asked for (0: one per hardware thread).
[[nodiscard]] inline unsigned workerCount(std::size_t count, unsigned requested = 0) {
    const unsigned wanted =
        requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(
        std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(count, 1)));
}

/// Calls job(i) once for every i in [0, count) on workerCount(count, threads) threads, the
/// calling one among them, and returns when all are done. Indices are taken in increasing
/// order; once `*stop` is true no further index is started.
template <typename Job>
void parallelFor(std::size_t count, unsigned threads, Job&& job,
                 const std::atomic<bool>* stop = nullptr) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count && !(stop && stop->load()); i = next++) job(i);
    };
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < workerCount(count, threads); ++t) helpers.emplace_back(work);
    work();
}

}  // namespace curvedoctor::core
