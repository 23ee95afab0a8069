#include "core/loaders/hf_trainer_loader.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/json/json_reader.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string_view stripBom(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    return s;
}

bool startsWithObject(std::string_view s) {
    for (char c : stripBom(s)) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return c == '{';
    }
    return false;
}

std::string where(std::string_view text, std::size_t offset) {
    return "line " + std::to_string(JsonReader::lineOf(text, offset)) + " (byte " +
           std::to_string(offset) + ")";
}

struct Field {
    std::string key;
    double value = 0.0;
    std::string_view raw;
};

class HistoryReader {
public:
    HistoryReader(std::string_view text, RunBuilder& builder) : m_text(text), m_b(builder) {}

    // Reads the log_history array; returns false on a syntax error (the reader says where).
    bool read(JsonReader& r) {
        if (!r.beginArray()) return false;
        while (r.nextElement()) {
            if (r.peek() != JsonType::Object) {
                if (!r.skipValue()) return false;
                continue;
            }
            const std::size_t entryOffset = r.offset();
            if (!readEntry(r)) return false;
            commit(entryOffset);
        }
        return r.ok();
    }
    [[nodiscard]] std::size_t entries() const { return m_entries; }

private:
    bool readEntry(JsonReader& r) {
        m_used = 0;
        m_step = 0;
        m_hasStep = false;
        m_epoch = kNaN;
        m_summary = false;
        if (!r.beginObject()) return false;
        std::string_view key;
        while (r.nextKey(key)) {
            // A value without a name ("": 1.5) cannot be a curve.
            if (r.peek() != JsonType::Number || key.empty()) {
                if (!r.skipValue()) return false;
                continue;
            }
            if (key == "step") {
                if (!r.readInt64(m_step)) return false;
                m_hasStep = true;
                continue;
            }
            if (m_used == m_fields.size()) m_fields.emplace_back();
            Field& f = m_fields[m_used];
            f.key.assign(key);
            const std::size_t start = r.offset();
            if (!r.readNumber(f.value)) return false;
            f.raw = m_text.substr(start, r.offset() - start);
            if (key == "epoch") {
                m_epoch = f.value;
                continue;
            }
            if (key == "train_runtime") m_summary = true;
            ++m_used;
        }
        return r.ok();
    }

    void commit(std::size_t offset) {
        ++m_entries;
        // Count lines incrementally: entries come in file order.
        m_line += JsonReader::lineOf(m_text.substr(m_lineOffset, offset - m_lineOffset),
                                     offset - m_lineOffset) -
                  1;
        m_lineOffset = offset;
        const std::int64_t line = m_line;
        if (m_summary) {
            // The end-of-training summary: averages over the run, not points of a curve.
            for (std::size_t i = 0; i < m_used; ++i)
                m_b.run().hyperparameters[m_fields[i].key] = std::string(m_fields[i].raw);
            return;
        }
        if (!m_hasStep) {
            m_b.warn(LoadWarningCode::NoStep, line, static_cast<std::int64_t>(offset),
                     "log_history entry without a \"step\"; given the previous entry's step " +
                         std::to_string(m_lastStep));
            m_step = m_lastStep;
        }
        m_lastStep = m_step;
        for (std::size_t i = 0; i < m_used; ++i) {
            m_b.add(m_b.series(m_fields[i].key), m_step, m_fields[i].value, m_epoch, kNaN, line,
                    static_cast<std::int64_t>(offset));
        }
    }

    std::string_view m_text;
    RunBuilder& m_b;
    std::vector<Field> m_fields;
    std::size_t m_used = 0;
    std::int64_t m_step = 0;
    std::int64_t m_lastStep = 0;
    bool m_hasStep = false;
    double m_epoch = kNaN;
    bool m_summary = false;
    std::size_t m_entries = 0;
    std::size_t m_lineOffset = 0;
    std::int64_t m_line = 1;
};

}  // namespace

int HfTrainerLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || !startsWithObject(input.head)) return confidence::kNone;
    if (input.head.find("\"log_history\"") != std::string_view::npos) return confidence::kCertain;
    return input.fileName == "trainer_state.json" ? confidence::kLikely : confidence::kNone;
}

LoadResult HfTrainerLoader::load(const LoadInput& input) const {
    LoadResult result;
    const std::string_view text = stripBom(input.bytes);
    const std::size_t bom = input.bytes.size() - text.size();
    JsonReader r(text, bom);
    RunBuilder builder;
    HistoryReader history(input.bytes, builder);
    bool sawHistory = false;
    std::string_view key;
    if (r.peek() != JsonType::Object) {
        result.error = where(input.bytes, r.offset()) + ": not a JSON object";
        return result;
    }
    r.beginObject();
    while (r.nextKey(key)) {
        if (key == "log_history") {
            sawHistory = true;
            if (!history.read(r)) break;
            continue;
        }
        const std::string name(key);
        std::string_view raw;
        switch (r.peek()) {
            case JsonType::Number:
                if (r.readRaw(raw)) builder.run().hyperparameters[name] = std::string(raw);
                break;
            case JsonType::String:
                if (r.readString(raw)) builder.run().hyperparameters[name] = std::string(raw);
                break;
            case JsonType::Bool: {
                bool b = false;
                if (r.readBool(b)) builder.run().hyperparameters[name] = b ? "true" : "false";
                break;
            }
            default:
                r.skipValue();
                break;
        }
    }
    if (!r.ok()) {
        const std::string at = where(input.bytes, r.errorOffset());
        if (!sawHistory && builder.pointCount() == 0) {
            result.error = at + ": " + r.error() + "; no log_history read";
            return result;
        }
        builder.warn(LoadWarningCode::UnreadableRecord,
                     JsonReader::lineOf(input.bytes, r.errorOffset()),
                     static_cast<std::int64_t>(r.errorOffset()),
                     at + ": " + r.error() + "; the " + std::to_string(history.entries()) +
                         " whole log_history entries before it are loaded");
    } else if (!r.atEnd()) {
        builder.warn(LoadWarningCode::UnreadableRecord, JsonReader::lineOf(input.bytes, r.offset()),
                     static_cast<std::int64_t>(r.offset()),
                     where(input.bytes, r.offset()) + ": text after the JSON object ignored");
    }
    if (!sawHistory) {
        result.error = "no \"log_history\" in this JSON object";
        return result;
    }
    if (history.entries() == 0 && r.ok()) {
        builder.warn(LoadWarningCode::NoValues, 0, -1,
                     "log_history is empty: the trainer saved its state before logging "
                     "anything (logging_steps larger than the run?)");
    }
    result.runs.push_back(builder.finish());
    return result;
}

std::unique_ptr<Loader> makeHfTrainerLoader() {
    return std::make_unique<HfTrainerLoader>();
}

}  // namespace curvedoctor::core
