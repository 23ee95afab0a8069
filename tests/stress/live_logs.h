#pragma once
// Logs in real formats whose every value is known in advance, for the writer/reader stress test.
//
// A LiveLog describes one file as a training script writes it: a sequence of records (a CSV row,
// a JSON line, a log_history entry, a TFRecord event), each holding some points. content(k) is the
// whole file after the first k records. The writers only ever leave on disk a byte prefix of some
// content(k) (append, truncate, rewrite in place or via rename), so whatever a reader loads must
// be the points of the first K whole records, for one K, in every metric at once.
//
// Values are value(metric, step) = metric + 1 + (step mod 4096) / 64: exact in float and double,
// printed in full ("%.6f"), so a cut number ("3.01" of "3.015625") reads as a different value.
#include <cstdint>
#include <string>
#include <vector>

namespace curvedoctor::stress {

/// One point a record holds: metric index into LiveLog::metricNames.
struct ExpectedPoint {
    int metric = 0;
    std::int64_t step = 0;
    double value = 0;
};

struct LiveLog {
    std::string kind;      ///< "lightning", "keras", "hf_trainer", "detectron2", "tfevents".
    std::string fileName;  ///< the name the tool gives the file.
    std::vector<std::string> metricNames;
    /// records[r]: the points record r adds.
    std::vector<std::vector<ExpectedPoint>> records;
    /// True when content(k) is a prefix of content(k + 1), so records can be appended.
    bool appendable = true;
    /// Bytes of the file after its first k records (0 <= k <= records.size()).
    [[nodiscard]] std::string content(std::size_t k) const;
    /// Appendable logs: the whole file, and recordEnds[k] = content(k).size().
    std::string bytes;
    std::vector<std::size_t> recordEnds;
};

/// The value every writer writes for (metric, step).
[[nodiscard]] double expectedValue(int metric, std::int64_t step);

/// The five formats the stress test writes, each with `steps` steps' worth of records.
[[nodiscard]] LiveLog makeLightningLog(int steps);
[[nodiscard]] LiveLog makeKerasLog(int steps);
[[nodiscard]] LiveLog makeHfTrainerLog(int steps);
[[nodiscard]] LiveLog makeDetectron2Log(int steps);
[[nodiscard]] LiveLog makeTfeventsLog(int steps);

}  // namespace curvedoctor::stress
