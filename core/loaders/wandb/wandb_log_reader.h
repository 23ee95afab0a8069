#pragma once
/// \file wandb_log_reader.h
/// Reads W&B's binary transaction log `run-<id>.wandb` (what `wandb sync` uploads), Qt-free and
/// without the wandb package, so offline runs can be viewed without syncing them.
///
/// Framing (wandb/sdk/internal/datastore.py): a 7-byte header (`:W&B`, uint16 magic 0xBEE1,
/// uint8 version 0), then LevelDB log-format blocks of 32 KiB counted from the start of the file.
/// A record is uint32 checksum, uint16 length, uint8 type (1 FULL, 2 FIRST, 3 MIDDLE, 4 LAST),
/// then `length` bytes; fewer than 7 bytes left in a block are zero padding. The checksum is
/// zlib's CRC-32 (not LevelDB's masked CRC-32C) of the type byte followed by the data.
/// Each whole record is a protobuf `Record` (wandb/proto/wandb_internal.proto).
///
/// A damaged record (bad length, bad CRC, unknown type, a fragment out of order) gives one
/// warning with its byte offset and the reader resyncs at the next block; a last record that
/// the file ends inside (a run still writing) is not data.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/loaders/run_builder.h"

namespace curvedoctor::core {

/// zlib's CRC-32 (polynomial 0xEDB88320), continuing from `crc` (0 to start).
/// crc32("123456789") == 0xCBF43926.
[[nodiscard]] std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0);

inline constexpr std::string_view kWandbMagic = ":W&B";

/// What a .wandb file holds besides the history points.
struct WandbLogInfo {
    std::string runId;
    std::string displayName;
    std::string project;
    std::map<std::string, std::string> config;   ///< key -> value (JSON strings unquoted)
    std::map<std::string, std::string> summary;  ///< key -> value_json as written
    std::size_t historyRecords = 0;
    bool validHeader = false;  ///< false: not a .wandb file (nothing was read)
};

/// Reads `bytes` (a whole .wandb file) into `builder`: one point per numeric history item, at
/// the record's step, with `_timestamp` as wall time. Warnings name `file` (empty: the source).
/// Never throws.
WandbLogInfo readWandbLog(std::string_view bytes, RunBuilder& builder, const std::string& file);

/// One history value given as JSON text (a number, "NaN"/"Infinity" strings or bare tokens).
/// Returns false for anything else (dicts of media or histograms, strings, lists, booleans).
[[nodiscard]] bool wandbNumber(std::string_view json, double& out);

/// The values of one history step, gathered before they are added to a builder: shared by the
/// .wandb reader and the `wandb-history.jsonl` of older clients. `_step` is the step (unless one
/// was set), `_timestamp` the wall time, `_runtime` and other `_`-keys are bookkeeping; a value
/// that is not a number is skipped and counted.
class WandbHistoryRow {
public:
    void clear();
    void add(std::string_view key, std::string_view valueJson);
    void setStep(std::int64_t step) {
        m_step = step;
        m_hasStep = true;
    }
    [[nodiscard]] bool hasStep() const { return m_hasStep; }
    [[nodiscard]] std::int64_t step() const { return m_step; }
    /// Adds the row's points at `step`; returns how many values were skipped as not numbers and
    /// sets `firstSkipped` (when empty) to the first such key.
    std::size_t flush(RunBuilder& builder, std::int64_t step, std::int64_t line,
                      std::int64_t byteOffset, std::string& firstSkipped);

private:
    std::vector<std::pair<std::string, double>> m_values;  // reused; m_count are this row's
    std::size_t m_count = 0;
    std::string m_skipped;
    std::size_t m_skippedCount = 0;
    std::int64_t m_step = 0;
    bool m_hasStep = false;
    double m_wallTime = RunBuilder::kUnknown;
};

}  // namespace curvedoctor::core
