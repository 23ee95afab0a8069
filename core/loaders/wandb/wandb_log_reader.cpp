#include "core/loaders/wandb/wandb_log_reader.h"

#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <vector>

#include "core/json/json_reader.h"

// Protobuf field numbers used here, from wandb/proto/wandb_internal.proto (wandb/wandb, 2024):
//   Record:         num = 1, history = 2, summary = 3, config = 5, run = 17 (others skipped)
//   HistoryRecord:  item = 1 (HistoryItem), step = 2 (HistoryStep)
//   HistoryStep:    num = 1
//   HistoryItem, SummaryItem, ConfigItem: key = 1, nested_key = 2 (repeated), value_json = 16
//   SummaryRecord, ConfigRecord: update = 1 (repeated item), remove = 2
//   RunRecord:      run_id = 1, project = 3, config = 4 (ConfigRecord), display_name = 8
// History keys the client adds itself (wandb/sdk/internal/handler.py): `_step` (the step, also in
// HistoryStep), `_runtime` (seconds since start) and `_timestamp` (Unix seconds).

namespace curvedoctor::core {

namespace {

constexpr std::size_t kHeaderLen = 7;
constexpr std::size_t kBlockLen = 32768;
constexpr std::uint16_t kHeaderMagic = 0xBEE1;  // zlib.crc32(b"Weights & Biases") & 0xffff
constexpr std::size_t kGrowAfter = 1U << 20;
enum : std::uint8_t { kFull = 1, kFirst = 2, kMiddle = 3, kLast = 4 };

std::array<std::array<std::uint32_t, 256>, 8> makeCrcTables() {
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
        for (std::size_t s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    return t;
}

// Little-endian unsigned read of `n` bytes.
std::uint32_t readLe(const char* p, int n) {
    std::uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

// A protobuf message read field by field; any malformed input makes ok false and stops it.
class Proto {
public:
    explicit Proto(std::string_view data) : m_data(data) {}
    bool next(std::uint32_t& field, std::uint32_t& wire) {
        if (m_pos >= m_data.size() || !m_ok) return false;
        std::uint64_t key = 0;
        if (!varint(key) || key >> 32 != 0) return m_ok = false;
        field = static_cast<std::uint32_t>(key >> 3);
        wire = static_cast<std::uint32_t>(key & 7);
        return field != 0 || (m_ok = false);
    }
    bool varint(std::uint64_t& out) {
        out = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_data.size()) return m_ok = false;
            const auto b = static_cast<unsigned char>(m_data[m_pos++]);
            out |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return m_ok = false;
    }
    bool bytes(std::string_view& out) {
        std::uint64_t n = 0;
        if (!varint(n) || n > m_data.size() - m_pos) return m_ok = false;
        out = m_data.substr(m_pos, static_cast<std::size_t>(n));
        m_pos += static_cast<std::size_t>(n);
        return true;
    }
    bool skip(std::uint32_t wire) {
        std::uint64_t v = 0;
        std::string_view s;
        switch (wire) {
            case 0:
                return varint(v);
            case 1:
                return advance(8);
            case 2:
                return bytes(s);
            case 5:
                return advance(4);
            default:
                return m_ok = false;  // groups (3, 4) are not used by wandb
        }
    }
    // The value of a length-delimited field `wire`, or skips a field of another wire type.
    bool lengthDelimited(std::uint32_t wire, std::string_view& out) {
        if (wire == 2) return bytes(out);
        skip(wire);
        return false;
    }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    bool advance(std::size_t n) {
        if (n > m_data.size() - m_pos) return m_ok = false;
        m_pos += n;
        return true;
    }
    std::string_view m_data;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

struct Item {
    std::string key;
    std::string_view valueJson;
};

// HistoryItem / SummaryItem / ConfigItem: nested keys are joined with '.'.
bool readItem(std::string_view data, Item& item) {
    item.key.clear();
    item.valueJson = {};
    Proto p(data);
    std::uint32_t field = 0;
    std::uint32_t wire = 0;
    std::string_view s;
    while (p.next(field, wire)) {
        if ((field == 1 || field == 2 || field == 16) && p.lengthDelimited(wire, s)) {
            if (field == 16) {
                item.valueJson = s;
            } else {
                if (!item.key.empty()) item.key += '.';
                item.key += s;
            }
        } else if (field != 1 && field != 2 && field != 16) {
            p.skip(wire);
        }
    }
    return p.ok() && !item.key.empty();
}

std::string unquoteJson(std::string_view json) {
    JsonReader r(json);
    std::string_view s;
    if (r.peek() == JsonType::String && r.readString(s) && r.atEnd()) return std::string(s);
    return std::string(json);
}

class RecordReader {
public:
    RecordReader(RunBuilder& b, WandbLogInfo& info, const std::string& file)
        : m_b(b), m_info(info), m_file(file) {}

    void record(std::string_view data, std::int64_t offset) {
        Proto p(data);
        std::uint32_t field = 0;
        std::uint32_t wire = 0;
        std::string_view s;
        while (p.next(field, wire)) {
            if (field == 2 || field == 3 || field == 5 || field == 17) {
                if (!p.lengthDelimited(wire, s)) continue;
                if (field == 2) history(s, offset);
                if (field == 3) items(s, m_info.summary, false);
                if (field == 5) items(s, m_info.config, true);
                if (field == 17) run(s);
            } else {
                p.skip(wire);
            }
        }
        if (!p.ok())
            m_b.warn(
                LoadWarningCode::UnreadableRecord, 0, offset,
                "byte " + std::to_string(offset) + ": a record that is not a W&B Record; skipped",
                m_file);
    }

    void finish() {
        if (m_skipped == 0) return;
        m_b.warn(LoadWarningCode::NotANumber, 0, -1,
                 std::to_string(m_skipped) +
                     " history values that are not numbers (media, histograms, text; first: '" +
                     m_firstSkipped + "') were skipped",
                 m_file);
    }

private:
    void history(std::string_view data, std::int64_t offset) {
        ++m_info.historyRecords;
        m_row.clear();
        Proto p(data);
        std::uint32_t field = 0;
        std::uint32_t wire = 0;
        std::string_view s;
        while (p.next(field, wire)) {
            if (field == 1 && p.lengthDelimited(wire, s)) {
                if (readItem(s, m_item)) m_row.add(m_item.key, m_item.valueJson);
            } else if (field == 2 && p.lengthDelimited(wire, s)) {
                Proto step(s);
                std::uint64_t num = 0;
                while (step.next(field, wire)) {
                    if (field == 1 && wire == 0 && step.varint(num))
                        m_row.setStep(static_cast<std::int64_t>(num));
                    else
                        step.skip(wire);
                }
            } else if (field != 1 && field != 2) {
                p.skip(wire);
            }
        }
        std::int64_t step = m_lastStep + 1;
        if (m_row.hasStep()) {
            step = m_row.step();
        } else if (!m_warnedNoStep) {
            m_warnedNoStep = true;
            m_b.warn(LoadWarningCode::NoStep, 0, offset,
                     "byte " + std::to_string(offset) +
                         ": a history record without a step; placed after the previous one",
                     m_file);
        }
        m_lastStep = step;
        const std::size_t skipped = m_row.flush(m_b, step, 0, offset, m_firstSkipped);
        m_skipped += skipped;
    }

    void items(std::string_view data, std::map<std::string, std::string>& out, bool unquote) {
        Proto p(data);
        std::uint32_t field = 0;
        std::uint32_t wire = 0;
        std::string_view s;
        while (p.next(field, wire)) {
            if ((field == 1 || field == 2) && p.lengthDelimited(wire, s)) {
                if (!readItem(s, m_item)) continue;
                if (field == 2) {
                    out.erase(m_item.key);
                } else if (m_item.key.rfind("_wandb", 0) != 0) {
                    out[m_item.key] =
                        unquote ? unquoteJson(m_item.valueJson) : std::string(m_item.valueJson);
                }
            } else if (field != 1 && field != 2) {
                p.skip(wire);
            }
        }
    }

    void run(std::string_view data) {
        Proto p(data);
        std::uint32_t field = 0;
        std::uint32_t wire = 0;
        std::string_view s;
        while (p.next(field, wire)) {
            if ((field == 1 || field == 3 || field == 4 || field == 8) &&
                p.lengthDelimited(wire, s)) {
                if (field == 1) m_info.runId = s;
                if (field == 3) m_info.project = s;
                if (field == 4) items(s, m_info.config, true);
                if (field == 8) m_info.displayName = s;
            } else if (field != 1 && field != 3 && field != 4 && field != 8) {
                p.skip(wire);
            }
        }
    }

    RunBuilder& m_b;
    WandbLogInfo& m_info;
    const std::string& m_file;
    WandbHistoryRow m_row;
    Item m_item;
    std::int64_t m_lastStep = -1;
    bool m_warnedNoStep = false;
    std::size_t m_skipped = 0;
    std::string m_firstSkipped;
};

}  // namespace

std::uint32_t crc32(std::string_view data, std::uint32_t crc) {
    static const auto t = makeCrcTables();
    crc = ~crc;
    const char* p = data.data();
    std::size_t n = data.size();
    while (n >= 8) {
        const std::uint32_t a = crc ^ readLe(p, 4);
        const std::uint32_t b = readLe(p + 4, 4);
        crc = t[7][a & 0xFF] ^ t[6][(a >> 8) & 0xFF] ^ t[5][(a >> 16) & 0xFF] ^ t[4][a >> 24] ^
              t[3][b & 0xFF] ^ t[2][(b >> 8) & 0xFF] ^ t[1][(b >> 16) & 0xFF] ^ t[0][b >> 24];
        p += 8;
        n -= 8;
    }
    while (n-- > 0) crc = t[0][(crc ^ static_cast<unsigned char>(*p++)) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

bool wandbNumber(std::string_view json, double& out) {
    // Fast path: a plain JSON number, as nearly every history value is.
    if (!json.empty() && (json.front() == '-' || (json.front() >= '0' && json.front() <= '9'))) {
        const auto r = std::from_chars(json.data(), json.data() + json.size(), out);
        if (r.ec == std::errc() && r.ptr == json.data() + json.size()) return true;
    }
    JsonReader r(json);
    const JsonType type = r.peek();
    if (type == JsonType::Number) return r.readNumber(out) && r.atEnd();
    std::string_view s;
    if (type != JsonType::String || !r.readString(s) || !r.atEnd()) return false;
    if (s == "NaN" || s == "nan") {
        out = std::numeric_limits<double>::quiet_NaN();
    } else if (s == "Infinity" || s == "inf") {
        out = std::numeric_limits<double>::infinity();
    } else if (s == "-Infinity" || s == "-inf") {
        out = -std::numeric_limits<double>::infinity();
    } else {
        return false;
    }
    return true;
}

void WandbHistoryRow::clear() {
    m_count = 0;
    m_skipped.clear();
    m_hasStep = false;
    m_wallTime = RunBuilder::kUnknown;
}

void WandbHistoryRow::add(std::string_view key, std::string_view valueJson) {
    double v = 0.0;
    const bool number = wandbNumber(valueJson, v);
    if (key == "_step") {
        if (number && !m_hasStep && v >= 0 && v < 9.2e18) setStep(static_cast<std::int64_t>(v));
        return;
    }
    if (key == "_timestamp") {
        if (number) m_wallTime = v;
        return;
    }
    if (key.empty() || key[0] == '_') return;  // _runtime and other bookkeeping
    if (!number) {
        if (m_skipped.empty()) m_skipped = key;
        ++m_skippedCount;
        return;
    }
    if (m_count == m_values.size()) m_values.emplace_back();
    m_values[m_count].first.assign(key);
    m_values[m_count].second = v;
    ++m_count;
}

std::size_t WandbHistoryRow::flush(RunBuilder& builder, std::int64_t step, std::int64_t line,
                                   std::int64_t byteOffset, std::string& firstSkipped) {
    for (std::size_t i = 0; i < m_count; ++i)
        builder.add(builder.series(m_values[i].first), step, m_values[i].second,
                    RunBuilder::kUnknown, m_wallTime, line, byteOffset);
    if (firstSkipped.empty()) firstSkipped = m_skipped;
    const std::size_t skipped = m_skippedCount;
    m_skippedCount = 0;
    return skipped;
}

WandbLogInfo readWandbLog(std::string_view bytes, RunBuilder& b, const std::string& file) {
    WandbLogInfo info;
    if (bytes.size() < kHeaderLen || bytes.substr(0, 4) != kWandbMagic) return info;
    info.validHeader = true;
    const auto magic = static_cast<std::uint16_t>(readLe(bytes.data() + 4, 2));
    if (magic != kHeaderMagic || bytes[6] != 0)
        b.warn(LoadWarningCode::Other, 0, 4,
               "byte 4: unknown .wandb header magic or version; read as version 0", file);

    RecordReader reader(b, info, file);
    std::string pending;          // FIRST and MIDDLE fragments so far
    std::int64_t pendingAt = -1;  // offset of the FIRST fragment; -1: none
    std::size_t pos = kHeaderLen;
    const std::size_t size = bytes.size();
    bool grown = false;
    bool resyncing = false;  // after damage: fragments of the damaged record are passed over
    const auto damaged = [&](std::size_t at, const std::string& what) {
        resyncing = true;
        b.warn(LoadWarningCode::UnreadableRecord, 0, static_cast<std::int64_t>(at),
               "byte " + std::to_string(at) + ": " + what + "; skipped to the next 32 KiB block",
               file);
        pending.clear();
        pendingAt = -1;
        return (at / kBlockLen + 1) * kBlockLen;
    };
    while (pos < size) {
        const std::size_t blockEnd = (pos / kBlockLen + 1) * kBlockLen;
        if (blockEnd - pos < kHeaderLen) {
            pos = blockEnd;  // the block's zero trailer
            continue;
        }
        if (size - pos < kHeaderLen) {
            if (bytes.find_first_not_of('\0', pos) != std::string_view::npos)
                b.warn(LoadWarningCode::CutShort, 0, static_cast<std::int64_t>(pos),
                       "byte " + std::to_string(pos) +
                           ": the file ends inside a record header (still being written?)",
                       file);
            break;
        }
        const char* h = bytes.data() + pos;
        const std::uint32_t checksum = readLe(h, 4);
        const std::size_t length = readLe(h + 4, 2);
        const auto type = static_cast<std::uint8_t>(h[6]);
        if (type == 0 && length == 0 && checksum == 0) {
            pos = blockEnd;  // zeros: preallocated or padded space
            continue;
        }
        const std::size_t dataAt = pos + kHeaderLen;
        if (length > blockEnd - dataAt) {
            pos = damaged(pos, "a record longer than its block");
            continue;
        }
        if (length > size - dataAt) {
            b.warn(LoadWarningCode::CutShort, 0, static_cast<std::int64_t>(pos),
                   "byte " + std::to_string(pos) +
                       ": the last record is incomplete (still being written?); not read",
                   file);
            pendingAt = -1;
            break;
        }
        const std::string_view data = bytes.substr(dataAt, length);
        const char typeByte = h[6];
        if (crc32(data, crc32(std::string_view(&typeByte, 1))) != checksum) {
            pos = damaged(pos, "record checksum (CRC-32) does not match");
            continue;
        }
        const auto at = static_cast<std::int64_t>(pos);
        pos = dataAt + length;
        if (!grown && pos > kGrowAfter) {  // growing series point by point costs more than parsing
            grown = true;
            b.expectGrowth(static_cast<double>(size) / static_cast<double>(pos), size / 8);
        }
        if (type == kFull || type == kFirst) {
            resyncing = false;
            if (pendingAt >= 0)
                b.warn(LoadWarningCode::UnreadableRecord, 0, pendingAt,
                       "byte " + std::to_string(pendingAt) +
                           ": a record whose last fragment is missing; skipped",
                       file);
            pending.clear();
            pendingAt = -1;
            if (type == kFull) {
                reader.record(data, at);
            } else {
                pending.assign(data);
                pendingAt = at;
            }
        } else if ((type == kMiddle || type == kLast) && pendingAt >= 0) {
            pending.append(data);
            if (type == kLast) {
                reader.record(pending, pendingAt);
                pending.clear();
                pendingAt = -1;
            }
        } else if (type == kMiddle || type == kLast) {
            if (!resyncing)  // the rest of a record that began before a damaged block is expected
                b.warn(
                    LoadWarningCode::UnreadableRecord, 0, at,
                    "byte " + std::to_string(at) + ": a record fragment without its start; skipped",
                    file);
        } else {
            pos = damaged(static_cast<std::size_t>(at),
                          "unknown record type " + std::to_string(type));
        }
    }
    if (pendingAt >= 0)
        b.warn(LoadWarningCode::CutShort, 0, pendingAt,
               "byte " + std::to_string(pendingAt) +
                   ": the last record is incomplete (still being written?); not read",
               file);
    reader.finish();
    return info;
}

}  // namespace curvedoctor::core
