#pragma once
// The stress test's oracle: is a loaded run the points of the first K whole records of a LiveLog,
// for one K shared by every metric?
#include <string>

#include "core/run.h"
#include "tests/stress/live_logs.h"

namespace curvedoctor::stress {

/// Empty when `run` holds exactly the points of log.records[0..K) for some K (every metric cut
/// at the same record); otherwise one line that starts with the kind of failure:
///  "wrong value:"   a point whose step or value differs from what was written at its index;
///  "never written:" a metric the writer never wrote, or more points than it wrote;
///  "lengths:"       every point right, but no K gives these counts (columns of different lengths).
[[nodiscard]] std::string checkLoadedRun(const LiveLog& log, const core::Run& run);

}  // namespace curvedoctor::stress
