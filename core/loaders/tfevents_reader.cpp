#include "core/loaders/tfevents_reader.h"

#include "core/file_stream.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace curvedoctor::core {
namespace {

std::uint64_t loadLe64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

std::uint32_t loadLe32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// ---- protobuf wire format --------------------------------------------------------------

enum WireType : std::uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

class ProtoCursor {
public:
    explicit ProtoCursor(std::string_view bytes)
        : m_p(reinterpret_cast<const unsigned char*>(bytes.data())), m_end(m_p + bytes.size()) {}

    [[nodiscard]] bool more() const { return m_p < m_end; }

    bool varint(std::uint64_t& out) {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64 && m_p < m_end; shift += 7) {
            const unsigned char b = *m_p++;
            v |= static_cast<std::uint64_t>(b & 0x7FU) << shift;
            if ((b & 0x80U) == 0) {
                out = v;
                return true;
            }
        }
        return false;
    }
    bool key(std::uint32_t& field, std::uint32_t& wire) {
        std::uint64_t k = 0;
        if (!varint(k)) return false;
        field = static_cast<std::uint32_t>(k >> 3);
        wire = static_cast<std::uint32_t>(k & 7U);
        return field != 0;
    }
    bool fixed64(std::uint64_t& out) {
        if (m_end - m_p < 8) return false;
        out = loadLe64(m_p);
        m_p += 8;
        return true;
    }
    bool fixed32(std::uint32_t& out) {
        if (m_end - m_p < 4) return false;
        out = loadLe32(m_p);
        m_p += 4;
        return true;
    }
    bool bytes(std::string_view& out) {
        std::uint64_t n = 0;
        if (!varint(n) || n > static_cast<std::uint64_t>(m_end - m_p)) return false;
        out = std::string_view(reinterpret_cast<const char*>(m_p), static_cast<std::size_t>(n));
        m_p += n;
        return true;
    }
    bool skip(std::uint32_t wire) {
        std::uint64_t u64 = 0;
        std::uint32_t u32 = 0;
        std::string_view sv;
        switch (wire) {
            case kVarint:
                return varint(u64);
            case kFixed64:
                return fixed64(u64);
            case kLengthDelimited:
                return bytes(sv);
            case kFixed32:
                return fixed32(u32);
            default:
                return false;  // groups (3, 4) are not used by these messages.
        }
    }

private:
    const unsigned char* m_p;
    const unsigned char* m_end;
};

double asDouble(std::uint64_t bits) {
    return std::bit_cast<double>(bits);
}
double asFloat(std::uint32_t bits) {
    return static_cast<double>(std::bit_cast<float>(bits));
}

constexpr std::uint64_t kDtFloat = 1;   // tensorflow.DataType DT_FLOAT
constexpr std::uint64_t kDtDouble = 2;  // tensorflow.DataType DT_DOUBLE

// TensorShapeProto: repeated Dim dim = 2 (Dim: int64 size = 1); bool unknown_rank = 3.
// Returns the element count, or -1 when unknown or malformed.
std::int64_t elementCount(std::string_view shape) {
    ProtoCursor c(shape);
    std::int64_t count = 1;
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    while (c.more()) {
        if (!c.key(field, wire)) return -1;
        if (field == 2 && wire == kLengthDelimited) {
            std::string_view dim;
            if (!c.bytes(dim)) return -1;
            ProtoCursor d(dim);
            std::int64_t size = 0;
            while (d.more()) {
                std::uint32_t f = 0;
                std::uint32_t w = 0;
                if (!d.key(f, w)) return -1;
                std::uint64_t v = 0;
                if (f == 1 && w == kVarint) {
                    if (!d.varint(v)) return -1;
                    size = static_cast<std::int64_t>(v);
                } else if (!d.skip(w)) {
                    return -1;
                }
            }
            if (size < 0) return -1;
            if (size != 1) count = size == 0 ? 0 : 2;  // only "exactly one" matters here.
        } else if (field == 3 && wire == kVarint) {
            std::uint64_t unknown = 0;
            if (!c.varint(unknown)) return -1;
            if (unknown != 0) return -1;
        } else if (!c.skip(wire)) {
            return -1;
        }
    }
    return count;
}

// TensorProto: dtype 1, tensor_shape 2, tensor_content 4, float_val 5, double_val 6.
// Sets `value` when the tensor is a float32/float64 holding exactly one element (TF2 writes
// rank-0 tensors; the scalar plugin requires them).
bool decodeScalarTensor(std::string_view bytes, bool& has, double& value) {
    ProtoCursor c(bytes);
    std::uint64_t dtype = 0;
    std::int64_t elements = 1;
    std::string_view content;
    std::size_t floatCount = 0;
    std::size_t doubleCount = 0;
    double firstFloat = 0.0;
    double firstDouble = 0.0;
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    while (c.more()) {
        if (!c.key(field, wire)) return false;
        if (field == 1 && wire == kVarint) {
            if (!c.varint(dtype)) return false;
        } else if (field == 2 && wire == kLengthDelimited) {
            std::string_view shape;
            if (!c.bytes(shape)) return false;
            elements = elementCount(shape);
        } else if (field == 4 && wire == kLengthDelimited) {
            if (!c.bytes(content)) return false;
        } else if (field == 5 && wire == kLengthDelimited) {  // packed float_val
            std::string_view packed;
            if (!c.bytes(packed)) return false;
            if (floatCount == 0 && packed.size() >= 4)
                firstFloat =
                    asFloat(loadLe32(reinterpret_cast<const unsigned char*>(packed.data())));
            floatCount += packed.size() / 4;
        } else if (field == 5 && wire == kFixed32) {  // unpacked float_val
            std::uint32_t bits = 0;
            if (!c.fixed32(bits)) return false;
            if (floatCount++ == 0) firstFloat = asFloat(bits);
        } else if (field == 6 && wire == kLengthDelimited) {  // packed double_val
            std::string_view packed;
            if (!c.bytes(packed)) return false;
            if (doubleCount == 0 && packed.size() >= 8)
                firstDouble =
                    asDouble(loadLe64(reinterpret_cast<const unsigned char*>(packed.data())));
            doubleCount += packed.size() / 8;
        } else if (field == 6 && wire == kFixed64) {  // unpacked double_val
            std::uint64_t bits = 0;
            if (!c.fixed64(bits)) return false;
            if (doubleCount++ == 0) firstDouble = asDouble(bits);
        } else if (!c.skip(wire)) {
            return false;
        }
    }
    has = false;
    if (elements != 1) return true;
    const auto* raw = reinterpret_cast<const unsigned char*>(content.data());
    if (dtype == kDtFloat) {
        if (content.size() == 4) {
            value = asFloat(loadLe32(raw));
            has = true;
        } else if (content.empty() && floatCount == 1) {
            value = firstFloat;
            has = true;
        }
    } else if (dtype == kDtDouble) {
        if (content.size() == 8) {
            value = asDouble(loadLe64(raw));
            has = true;
        } else if (content.empty() && doubleCount == 1) {
            value = firstDouble;
            has = true;
        }
    }
    return true;
}

// SummaryMetadata: plugin_data 1 (PluginData: plugin_name 1).
bool decodePluginName(std::string_view metadata, std::string_view& name) {
    ProtoCursor c(metadata);
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    while (c.more()) {
        if (!c.key(field, wire)) return false;
        if (field == 1 && wire == kLengthDelimited) {
            std::string_view pluginData;
            if (!c.bytes(pluginData)) return false;
            ProtoCursor p(pluginData);
            while (p.more()) {
                if (!p.key(field, wire)) return false;
                if (field == 1 && wire == kLengthDelimited) {
                    if (!p.bytes(name)) return false;
                } else if (!p.skip(wire)) {
                    return false;
                }
            }
        } else if (!c.skip(wire)) {
            return false;
        }
    }
    return true;
}

// Summary.Value: tag 1, simple_value 2, tensor 8, metadata 9; others (images, histograms,
// audio) are skipped.
bool decodeValue(std::string_view bytes, SummaryValueView& v) {
    ProtoCursor c(bytes);
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    while (c.more()) {
        if (!c.key(field, wire)) return false;
        if (field == 1 && wire == kLengthDelimited) {
            if (!c.bytes(v.tag)) return false;
        } else if (field == 2 && wire == kFixed32) {
            std::uint32_t bits = 0;
            if (!c.fixed32(bits)) return false;
            v.value = asFloat(bits);
            v.hasScalar = true;
        } else if (field == 8 && wire == kLengthDelimited) {
            std::string_view tensor;
            if (!c.bytes(tensor)) return false;
            if (!decodeScalarTensor(tensor, v.hasScalar, v.value)) return false;
        } else if (field == 9 && wire == kLengthDelimited) {
            std::string_view metadata;
            if (!c.bytes(metadata)) return false;
            if (!decodePluginName(metadata, v.pluginName)) return false;
        } else if (!c.skip(wire)) {
            return false;
        }
    }
    return true;
}

}  // namespace

TfRecordReader::TfRecordReader(ByteStream& stream, std::size_t windowBytes)
    : m_size(static_cast<std::size_t>(stream.expectedSize())),
      m_stream(&stream),
      m_window(std::max<std::size_t>(windowBytes, 1)) {}

bool TfRecordReader::refill(std::size_t from, std::size_t n) {
    if (m_stream == nullptr || m_ended) return false;
    // Keep the bytes from `from` on, at the front of the buffer.
    const std::size_t keep = m_base + m_bytes.size() - from;
    if (keep > 0 && from != m_base) std::memmove(m_buffer.data(), at(from), keep);
    m_base = from;
    // A window, or what is left of the input when that is less (a small file gets no 1 MiB).
    const std::size_t capacity = std::max(n, std::min(m_window, m_size - from));
    if (m_buffer.size() < capacity) m_buffer.resize(capacity);
    std::size_t filled = keep;
    while (filled < n) {
        // Never past the expected size: the input is the stream's first m_size bytes.
        const std::size_t want =
            std::min({m_window, m_buffer.size() - filled, m_size - (m_base + filled)});
        const std::size_t got = want == 0 ? 0 : m_stream->read(m_buffer.data() + filled, want);
        filled += got;
        if (got == 0) {  // a piece may be shorter than asked; only none at all is the end.
            m_ended = true;
            break;
        }
    }
    m_bytes = std::string_view(m_buffer.data(), filled);
    return filled >= n;
}

TfRecordReader::Status TfRecordReader::next(std::string_view& payload) {
    if (m_stopped || !have(m_pos, 1)) return Status::End;
    m_recordStart = m_pos;
    if (!have(m_pos, 12)) {
        m_stopped = true;
        return Status::Truncated;
    }
    const unsigned char* p = at(m_pos);
    const std::string_view head(reinterpret_cast<const char*>(p), 8);
    if (maskCrc32c(crc32c(head)) != loadLe32(p + 8)) {
        m_stopped = true;
        return Status::BadHeader;
    }
    const std::uint64_t length = loadLe64(p);
    m_length = length;
    // Whether it fits in the input: a stream holds at most its expected size.
    const std::size_t left = m_size - m_pos;
    if (length > left || left - length < 16 || !have(m_pos, 16 + length)) {
        m_stopped = true;
        return Status::Truncated;
    }
    const std::size_t n = static_cast<std::size_t>(length);
    p = at(m_pos);
    payload = std::string_view(reinterpret_cast<const char*>(p + 12), n);
    const std::uint32_t stored = loadLe32(p + 12 + n);
    m_pos += 16 + n;
    if (maskCrc32c(crc32c(payload)) != stored) return Status::BadData;
    return Status::Record;
}

bool TfRecordReader::resync() {
    for (std::size_t from = m_recordStart + 1; have(from, 16); ++from) {
        const unsigned char* p = at(from);
        if (maskCrc32c(crc32c(std::string_view(reinterpret_cast<const char*>(p), 8))) !=
            loadLe32(p + 8))
            continue;
        const std::uint64_t length = loadLe64(p);
        if (length > m_size - from - 16 || !have(from, 16 + length)) continue;
        const auto n = static_cast<std::size_t>(length);
        p = at(from);
        if (maskCrc32c(crc32c(std::string_view(reinterpret_cast<const char*>(p + 12), n))) !=
            loadLe32(p + 12 + n))
            continue;
        m_pos = from;
        m_stopped = false;
        return true;
    }
    return false;
}

bool decodeEvent(std::string_view payload, EventView& out) {
    out.wallTime = 0.0;
    out.step = 0;
    out.values.clear();
    ProtoCursor c(payload);
    std::string_view summary;
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    while (c.more()) {
        if (!c.key(field, wire)) return false;
        if (field == 1 && wire == kFixed64) {
            std::uint64_t bits = 0;
            if (!c.fixed64(bits)) return false;
            out.wallTime = asDouble(bits);
        } else if (field == 2 && wire == kVarint) {
            std::uint64_t step = 0;
            if (!c.varint(step)) return false;
            out.step = static_cast<std::int64_t>(step);  // int64: two's complement varint.
        } else if (field == 5 && wire == kLengthDelimited) {
            if (!c.bytes(summary)) return false;
        } else if (!c.skip(wire)) {
            return false;
        }
    }
    ProtoCursor s(summary);
    while (s.more()) {
        if (!s.key(field, wire)) return false;
        if (field == 1 && wire == kLengthDelimited) {
            std::string_view value;
            if (!s.bytes(value)) return false;
            SummaryValueView v;
            if (!decodeValue(value, v)) return false;
            out.values.push_back(v);
        } else if (!s.skip(wire)) {
            return false;
        }
    }
    return true;
}

bool EventFileDecoder::read(std::string_view bytes, std::string_view prefix, std::string_view label,
                            RunBuilder& builder, const ProgressFn& progress) {
    TfRecordReader reader(bytes);
    return readRecords(reader, prefix, label, builder, progress);
}

bool EventFileDecoder::read(ByteStream& stream, std::string_view prefix, std::string_view label,
                            RunBuilder& builder, const ProgressFn& progress,
                            std::size_t windowBytes) {
    TfRecordReader reader(stream, windowBytes);
    return readRecords(reader, prefix, label, builder, progress);
}

bool EventFileDecoder::readRecords(TfRecordReader& reader, std::string_view prefix,
                                   std::string_view label, RunBuilder& builder,
                                   const ProgressFn& progress) {
    const std::size_t size = reader.expectedSize();
    constexpr std::size_t kProgressEvery = 4U << 20;
    std::size_t nextProgress = kProgressEvery;
    // Once a little of a large file is read, size the series for the rest of it.
    std::size_t growthCheck = std::max<std::size_t>(1U << 20, size / 32);
    const std::string where = label.empty() ? std::string() : std::string(label) + ": ";
    builder.setContext(std::string(label));
    std::string_view payload;
    std::size_t whole = 0;
    for (;;) {
        const auto status = reader.next(payload);
        if (status == TfRecordReader::Status::End) break;
        const auto offset = static_cast<std::int64_t>(reader.recordOffset());
        if (status == TfRecordReader::Status::Truncated ||
            status == TfRecordReader::Status::BadHeader) {
            const bool badHeader = status == TfRecordReader::Status::BadHeader;

            const std::string problem =
                badHeader ? "bad length checksum"
                          : "impossible record length " + std::to_string(reader.recordLength());
            // Whole records further on: the framing broke mid-file; read on from the next one.
            if (reader.resync()) {
                builder.warn(LoadWarningCode::UnreadableRecord, 0, offset,
                             where + "byte " + std::to_string(offset) + ": " + problem + "; the " +
                                 std::to_string(reader.position() - reader.recordOffset()) +
                                 " bytes from there to the next whole record, at byte " +
                                 std::to_string(reader.position()) + ", not read",
                             std::string(label));
                continue;
            }
            // resync() found no record: the input was read to its end.
            const std::size_t after = reader.bytesSeen() - reader.recordOffset();
            if (badHeader)
                builder.warn(LoadWarningCode::UnreadableRecord, 0, offset,
                             where + "byte " + std::to_string(offset) + ": " + problem + "; the " +
                                 std::to_string(after) + " bytes from there not read, the " +
                                 std::to_string(whole) + " records before it are kept",
                             std::string(label));
            else
                builder.warn(LoadWarningCode::CutShort, 0, offset,
                             where + "the last record, at byte " + std::to_string(offset) +
                                 ", is cut short (file still being written?); the " +
                                 std::to_string(whole) + " whole records before it are loaded",
                             std::string(label));
            break;
        }
        if (status == TfRecordReader::Status::BadData) {
            builder.warn(LoadWarningCode::UnreadableRecord, 0, offset,
                         where + "record at byte " + std::to_string(offset) +
                             " has a bad data checksum; that record is skipped",
                         std::string(label));
            continue;
        }
        ++whole;
        ++m_records;
        if (!decodeEvent(payload, m_event)) {
            builder.warn(LoadWarningCode::UnreadableRecord, 0, offset,
                         where + "record at byte " + std::to_string(offset) +
                             " is not a readable event; skipped",
                         std::string(label));
            continue;
        }
        for (const SummaryValueView& v : m_event.values) {
            m_nameBuffer.assign(prefix);
            m_nameBuffer.append(v.tag);
            if (v.tag.empty()) continue;  // a value without a tag cannot be a curve.
            // Most events repeat the last few tags: those are found without hashing.
            const std::string_view key(m_nameBuffer);
            const auto recent = std::find_if(m_recent.begin(), m_recent.end(),
                                             [key](const auto& r) { return r.first == key; });
            if (recent != m_recent.end()) {
                if (recent->second == kSkipTag || !v.hasScalar) continue;
                builder.add(recent->second, m_event.step, v.value,
                            std::numeric_limits<double>::quiet_NaN(), m_event.wallTime, 0, offset);
                continue;
            }
            auto it = m_tags.find(key);
            if (it == m_tags.end()) {
                // Values of image, histogram, text, hparams ... plugins are not curves; a tag's
                // plugin is named once, with its first value, so remember the verdict.
                const bool scalarPlugin = v.pluginName.empty() || v.pluginName == "scalars";
                if (!scalarPlugin) {
                    m_tags.emplace(m_nameBuffer, kSkipTag);
                    continue;
                }
                if (!v.hasScalar) continue;
                it = m_tags.emplace(m_nameBuffer, builder.series(m_nameBuffer)).first;
            }
            m_recent[m_nextRecent] = {it->first, it->second};
            m_nextRecent = (m_nextRecent + 1) % m_recent.size();
            if (it->second == kSkipTag || !v.hasScalar) continue;
            builder.add(it->second, m_event.step, v.value, std::numeric_limits<double>::quiet_NaN(),
                        m_event.wallTime, 0, offset);
        }
        if (reader.position() >= growthCheck) {
            growthCheck = static_cast<std::size_t>(-1);
            builder.expectGrowth(static_cast<double>(size) / static_cast<double>(reader.position()),
                                 size / 8);
        }
        if (progress && reader.position() >= nextProgress) {
            nextProgress += kProgressEvery;
            if (!progress(static_cast<double>(reader.position()) / static_cast<double>(size)))
                return false;
        }
    }
    return true;
}

}  // namespace curvedoctor::core
