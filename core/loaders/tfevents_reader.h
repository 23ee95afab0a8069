#pragma once
/// \file tfevents_reader.h
/// TensorBoard event files: TFRecord framing with masked CRC-32C checks, and a small protobuf
/// wire decoder for the few fields of `Event`, `Summary.Value` and `TensorProto` that hold
/// scalars.
///
/// Why a hand-written decoder and not libprotobuf: core/ may link only the standard library and
/// Eigen; using libprotobuf would also need protoc-generated code for a dozen TensorFlow .proto
/// files and would copy every record into message objects. We need five fields of four
/// messages; a bounds-checked decoder of about 150 lines reads them in place from the bytes
/// read, skips everything else (graphs, images, histograms) without allocating, is easy to fuzz,
/// and is several times faster. Field numbers follow tensorboard/compat/proto/{event,summary,
/// tensor,tensor_shape}.proto; the framing and masking follow
/// tensorboard/summary/writer/record_writer.py and TensorFlow's crc32c masking.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/crc32c.h"
#include "core/loader.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {

class ByteStream;

/// Walks the records of a TFRecord file: uint64 length (little-endian), uint32 masked CRC of
/// those 8 bytes, the payload, uint32 masked CRC of the payload.
///
/// Reads either bytes already in memory or a ByteStream through a bounded window: it holds the
/// record being read and what follows it in the window, grown only for a record longer than the
/// window. Both give the same records, statuses and offsets.
class TfRecordReader {
public:
    enum class Status {
        Record,     ///< `payload` holds the next record; both checksums matched.
        End,        ///< no more bytes (or reading stopped after a problem).
        Truncated,  ///< fewer bytes left than the record's length needs (see resync()).
        BadHeader,  ///< the length's checksum is wrong; the framing is lost (see resync()).
        BadData,    ///< the payload's checksum is wrong; that record is skipped, reading goes on.
    };
    static constexpr std::size_t kWindowBytes = std::size_t{1} << 20;

    explicit TfRecordReader(std::string_view bytes) : m_bytes(bytes), m_size(bytes.size()) {}
    /// Reads `stream` from its start, at most `windowBytes` (at least 1) per refill.
    explicit TfRecordReader(ByteStream& stream, std::size_t windowBytes = kWindowBytes);
    /// `payload` stays valid until the next call.
    Status next(std::string_view& payload);
    /// After Truncated or BadHeader: looks for the next whole record after the one that failed
    /// (a length whose checksum is right, that fits, and a payload whose checksum is right). True
    /// when one is found: next() goes on from it (at position()). False when none follows: the
    /// failed record really was the last one. Scans byte by byte, so costs a few nanoseconds
    /// per byte after the failure.
    bool resync();
    /// The length field of the record last returned (or that failed).
    [[nodiscard]] std::uint64_t recordLength() const { return m_length; }
    /// Byte offset where the record last returned (or the problem) starts.
    [[nodiscard]] std::size_t recordOffset() const { return m_recordStart; }
    /// Bytes consumed so far.
    [[nodiscard]] std::size_t position() const { return m_pos; }
    /// The input's size as expected at the start (a stream's may end sooner).
    [[nodiscard]] std::size_t expectedSize() const { return m_size; }
    /// Bytes of input seen so far: its whole size once next() or resync() found its end.
    [[nodiscard]] std::size_t bytesSeen() const { return m_base + m_bytes.size(); }

private:
    /// True when bytes [from, from + n) are in the window (from >= m_base), refilling it as
    /// needed; a refill drops the bytes before `from`. False: the input ends before at + n.
    bool have(std::size_t from, std::size_t n) {
        return from + n <= m_base + m_bytes.size() || refill(from, n);
    }
    bool refill(std::size_t from, std::size_t n);
    [[nodiscard]] const unsigned char* at(std::size_t offset) const {
        return reinterpret_cast<const unsigned char*>(m_bytes.data() + (offset - m_base));
    }

    std::string_view m_bytes;  ///< the input from m_base on, as far as read.
    std::size_t m_size = 0;
    std::size_t m_base = 0;
    ByteStream* m_stream = nullptr;
    std::size_t m_window = kWindowBytes;
    std::vector<char> m_buffer;
    bool m_ended = false;
    std::size_t m_pos = 0;
    std::size_t m_recordStart = 0;
    std::uint64_t m_length = 0;
    bool m_stopped = false;
};

/// One `Summary.Value` as far as scalars are concerned.
struct SummaryValueView {
    std::string_view tag;
    std::string_view pluginName;  ///< from the value's metadata; empty when it has none.
    bool hasScalar = false;       ///< simple_value, or a float32/float64 tensor of one element.
    double value = 0.0;
};

/// The fields of one `Event` that matter here.
struct EventView {
    double wallTime = 0.0;  ///< seconds since the Unix epoch.
    std::int64_t step = 0;
    std::vector<SummaryValueView> values;  ///< empty unless the event holds a summary.
};

/// Decodes an Event payload into `out` (its vector is reused). Returns false when the bytes are
/// not a well-formed protobuf message; fields this program does not use are skipped.
bool decodeEvent(std::string_view payload, EventView& out);

/// Reads event files into a RunBuilder. One decoder per run: it remembers which tags belong to
/// non-scalar plugins (TensorBoard writes a tag's metadata only with its first value).
class EventFileDecoder {
public:
    /// Reads every record of one file. Metric names are `prefix + tag`. Problems become warnings
    /// on the builder that name `label` (the file) and the byte offset. Returns false when
    /// `progress` asked to cancel.
    bool read(std::string_view bytes, std::string_view prefix, std::string_view label,
              RunBuilder& builder, const ProgressFn& progress = {});
    /// As above, reading `stream` as it comes through a window of `windowBytes` (the whole file
    /// is never in memory). Progress fractions are of the stream's expected size.
    bool read(ByteStream& stream, std::string_view prefix, std::string_view label,
              RunBuilder& builder, const ProgressFn& progress = {},
              std::size_t windowBytes = TfRecordReader::kWindowBytes);

    /// Records read so far, over all files.
    [[nodiscard]] std::size_t recordCount() const { return m_records; }

private:
    bool readRecords(TfRecordReader& reader, std::string_view prefix, std::string_view label,
                     RunBuilder& builder, const ProgressFn& progress);

    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    static constexpr std::size_t kSkipTag = static_cast<std::size_t>(-1);

    // Key: prefix + tag. Value: series index, or kSkipTag for a non-scalar plugin's tag.
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_tags;
    // The last tags looked up, as m_tags has them (its entries never change once made).
    std::array<std::pair<std::string, std::size_t>, 8> m_recent{};
    std::size_t m_nextRecent = 0;
    std::string m_nameBuffer;
    EventView m_event;
    std::size_t m_records = 0;
};

}  // namespace curvedoctor::core
