#pragma once
/// \file nan_inf.h
/// `nan_inf`: values that become NaN or +/-Inf (the curve "disappears"), and a loss stuck at
/// exactly 0.0 while another metric of the run is NaN (a NaN masked by the training loop).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct NanInfConfig {
    /// A loss must sit at exactly 0.0 for at least this many consecutive logged points before
    /// it counts as stuck: one exact zero can be a rounded log line; three in a row while
    /// another metric is NaN is the HF Trainer pattern of a NaN gradient being skipped.
    std::size_t minZeroRun = 3;
};

/// One finding per metric that holds a non-finite value, at the first one (every metric of the
/// run is checked, not only the losses). Severity: error when a loss or quality metric stays
/// non-finite to the end; warning when it is non-finite more than once but recovers, or when a
/// bookkeeping metric (grad_norm) stays non-finite; info for a single value that recovers, and
/// when a bookkeeping metric is only sometimes non-finite (mixed precision's loss scaler skips
/// overflowing steps by design and logs their Inf grad norm).
[[nodiscard]] std::vector<Finding> detectNanInf(const RunView& view,
                                                const NanInfConfig& config = {});

}  // namespace curvedoctor::core
