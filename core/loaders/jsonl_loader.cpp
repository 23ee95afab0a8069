#include "core/loaders/jsonl_loader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>
#include <vector>

#include "core/json/json_reader.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class KeyRole : std::uint8_t { Metric, Step, Epoch, Iter, Mode, Ignore };

KeyRole roleOf(JsonLinesDialect d, std::string_view key) {
    if (key.empty()) return KeyRole::Ignore;  // a value without a name cannot be a curve.
    switch (d) {
        case JsonLinesDialect::Detectron2:
            return key == "iteration" ? KeyRole::Step : KeyRole::Metric;
        case JsonLinesDialect::LlamaFactory:
            if (key == "current_steps") return KeyRole::Step;
            if (key == "epoch") return KeyRole::Epoch;
            // Progress bookkeeping, not training signals.
            if (key == "total_steps" || key == "percentage" || key == "total_tokens")
                return KeyRole::Ignore;
            return KeyRole::Metric;
        case JsonLinesDialect::MmdetLogJson:
            if (key == "epoch") return KeyRole::Epoch;
            if (key == "iter") return KeyRole::Iter;
            if (key == "mode") return KeyRole::Mode;
            return KeyRole::Metric;
        case JsonLinesDialect::MmengineScalars:
            if (key == "step") return KeyRole::Step;
            if (key == "epoch") return KeyRole::Epoch;
            if (key == "iter") return KeyRole::Iter;
            return KeyRole::Metric;
        case JsonLinesDialect::EpochLog:
            if (key == "epoch") return KeyRole::Step;
            // The model size, the same number on every line: not a curve.
            return key == "n_parameters" ? KeyRole::Ignore : KeyRole::Metric;
    }
    return KeyRole::Metric;
}

std::string_view stepKeyOf(JsonLinesDialect d) {
    switch (d) {
        case JsonLinesDialect::Detectron2:
            return "iteration";
        case JsonLinesDialect::LlamaFactory:
            return "current_steps";
        case JsonLinesDialect::MmdetLogJson:
            return "epoch\" or \"iter";
        case JsonLinesDialect::MmengineScalars:
            return "step";
        case JsonLinesDialect::EpochLog:
            return "epoch";
    }
    return "step";
}

bool isBlank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

struct Line {
    std::int64_t step = 0;
    bool hasStep = false;
    double epoch = kNaN;
    std::int64_t iter = 0;
    bool hasIter = false;
    bool hasMode = false;
    bool isVal = false;
    bool isTrain = false;
    std::vector<std::pair<std::size_t, double>> fields;  // key index, value
};

struct KeyInfo {
    std::string key;
    KeyRole role = KeyRole::Metric;
    std::size_t trainSeries = kNone;
    std::size_t valSeries = kNone;
};

struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class JsonLinesReader {
public:
    JsonLinesReader(JsonLinesDialect dialect, RunBuilder& builder)
        : m_dialect(dialect), m_b(builder) {}

    // Returns false when cancelled.
    bool read(std::string_view bytes, const ProgressFn& progress) {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") m_start = 3;
        if (m_dialect == JsonLinesDialect::MmdetLogJson) scanIterationsPerEpoch(bytes);
        return forEachLine(bytes, progress,
                           [this](Line& line, std::int64_t lineNo, std::size_t offset) {
                               commit(line, lineNo, offset);
                           });
    }
    [[nodiscard]] std::size_t objectLines() const { return m_objectLines; }

private:
    template <typename OnLine>
    bool forEachLine(std::string_view bytes, const ProgressFn& progress, OnLine onLine) {
        constexpr std::size_t kProgressEvery = 4U << 20;
        std::size_t nextProgress = kProgressEvery;
        // Once a little of a large file is read, size the series for the rest of it.
        std::size_t growthCheck = std::max<std::size_t>(1U << 20, bytes.size() / 32);
        std::size_t pos = m_start;
        std::int64_t lineNo = 0;
        const std::size_t n = bytes.size();
        while (pos < n) {
            const char* eol =
                static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', n - pos));
            const std::size_t end = eol ? static_cast<std::size_t>(eol - bytes.data()) : n;
            ++lineNo;
            std::string_view text = bytes.substr(pos, end - pos);
            const std::size_t offset = pos;
            pos = eol ? end + 1 : n;
            if (isBlank(text)) continue;
            JsonReader r(text, offset);
            if (r.peek() != JsonType::Object) {
                if (m_quiet) continue;
                m_b.warn(LoadWarningCode::UnreadableRecord, lineNo,
                         static_cast<std::int64_t>(offset),
                         "line " + std::to_string(lineNo) + ": not a JSON object; skipped");
                continue;
            }
            if (!parseLine(r, m_line) || !r.atEnd()) {
                if (m_quiet) continue;
                if (r.ok()) r.skipValue();  // only to report "text after the object"
                const std::size_t at = r.ok() ? r.offset() : r.errorOffset();
                const std::string reason =
                    r.ok() ? std::string("text after the object") : r.error();
                if (eol == nullptr) {
                    m_b.warn(LoadWarningCode::CutShort, lineNo, static_cast<std::int64_t>(at),
                             "line " + std::to_string(lineNo) + " (byte " + std::to_string(at) +
                                 "): the last line is cut short (" + reason +
                                 "); every whole line before it is loaded");
                } else {
                    m_b.warn(LoadWarningCode::UnreadableRecord, lineNo,
                             static_cast<std::int64_t>(at),
                             "line " + std::to_string(lineNo) + " (byte " + std::to_string(at) +
                                 "): " + reason + "; line skipped");
                }
                continue;
            }
            ++m_objectLines;
            onLine(m_line, lineNo, offset);
            if (pos >= growthCheck) {
                growthCheck = static_cast<std::size_t>(-1);
                m_b.expectGrowth(static_cast<double>(n) / static_cast<double>(pos), n / 8);
            }
            if (progress && pos >= nextProgress) {
                nextProgress += kProgressEvery;
                if (!progress(static_cast<double>(pos) / static_cast<double>(n))) return false;
            }
        }
        return true;
    }

    std::size_t keyIndex(std::string_view key, std::size_t position) {
        if (position < m_positionCache.size()) {
            const std::size_t cached = m_positionCache[position];
            if (m_keys[cached].key == key) return cached;
        }
        std::size_t index = 0;
        if (auto it = m_keyIndex.find(key); it != m_keyIndex.end()) {
            index = it->second;
        } else {
            index = m_keys.size();
            m_keys.push_back({std::string(key), roleOf(m_dialect, key)});
            m_keyIndex.emplace(std::string(key), index);
        }
        if (position >= m_positionCache.size()) m_positionCache.resize(position + 1, 0);
        m_positionCache[position] = index;
        return index;
    }

    bool parseLine(JsonReader& r, Line& line) {
        line.hasStep = line.hasIter = line.hasMode = line.isVal = line.isTrain = false;
        line.epoch = kNaN;
        line.fields.clear();
        if (!r.beginObject()) return false;
        std::string_view key;
        std::size_t position = 0;
        while (r.nextKey(key)) {
            const std::size_t k = keyIndex(key, position++);
            switch (m_keys[k].role) {
                case KeyRole::Step:
                    if (!r.readInt64(line.step)) return false;
                    line.hasStep = true;
                    break;
                case KeyRole::Iter:
                    if (!r.readInt64(line.iter)) return false;
                    line.hasIter = true;
                    break;
                case KeyRole::Epoch:
                    if (r.peek() == JsonType::Number) {
                        if (!r.readNumber(line.epoch)) return false;
                    } else if (!r.skipValue()) {
                        return false;
                    }
                    break;
                case KeyRole::Mode: {
                    std::string_view mode;
                    if (r.peek() == JsonType::String) {
                        if (!r.readString(mode)) return false;
                        line.hasMode = true;
                        line.isVal = mode == "val";
                        line.isTrain = mode == "train";
                    } else if (!r.skipValue()) {
                        return false;
                    }
                    break;
                }
                case KeyRole::Ignore:
                    if (!r.skipValue()) return false;
                    break;
                case KeyRole::Metric:
                    if (r.peek() == JsonType::Number) {
                        double v = 0.0;
                        if (!r.readNumber(v)) return false;
                        line.fields.emplace_back(k, v);
                    } else if (!r.skipValue()) {
                        return false;
                    }
                    break;
            }
        }
        return r.ok();
    }

    // MMDetection 2.x logs the iteration within the epoch; the validation lines' "iter" is the
    // epoch's length (mmcv's inner_iter + 1 at the epoch's end). A first pass finds it. mmcv
    // writes "mode" first, so only lines whose first bytes say "val" are parsed; a log without
    // such lines gets a full pass for the largest train "iter".
    void scanIterationsPerEpoch(std::string_view bytes) {
        constexpr std::size_t kModePrefix = 24;  // {"mode": "val", fits
        std::int64_t maxVal = 0;
        std::size_t pos = m_start;
        const std::size_t n = bytes.size();
        while (pos < n) {
            const char* eol =
                static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', n - pos));
            const std::size_t end = eol ? static_cast<std::size_t>(eol - bytes.data()) : n;
            const std::string_view line = bytes.substr(pos, end - pos);
            if (line.substr(0, kModePrefix).find("\"val\"") != std::string_view::npos) {
                JsonReader r(line, pos);
                if (r.peek() == JsonType::Object && parseLine(r, m_line) && m_line.isVal &&
                    m_line.hasIter)
                    maxVal = std::max(maxVal, m_line.iter);
            }
            pos = end + 1;
        }
        if (maxVal > 0) {
            m_itersPerEpoch = maxVal;
            return;
        }
        std::int64_t maxTrain = 0;
        m_quiet = true;
        forEachLine(bytes, {}, [&maxTrain](const Line& line, std::int64_t, std::size_t) {
            if (line.isTrain && line.hasIter) maxTrain = std::max(maxTrain, line.iter);
        });
        m_quiet = false;
        m_objectLines = 0;
        m_itersPerEpoch = maxTrain;
        if (maxTrain > 0)
            m_b.warn(LoadWarningCode::Assumption, 0, -1,
                     "no validation lines tell the epoch length; steps assume " +
                         std::to_string(maxTrain) + " iterations per epoch (the largest logged)");
    }

    std::size_t seriesFor(std::size_t k, bool val) {
        KeyInfo& info = m_keys[k];
        std::size_t& slot = val ? info.valSeries : info.trainSeries;
        if (slot == kNone) {
            const bool prefixed = info.key.rfind("val/", 0) == 0 || info.key.rfind("test/", 0) == 0;
            slot = m_b.series(val && !prefixed ? "val/" + info.key : info.key);
        }
        return slot;
    }

    void commit(const Line& line, std::int64_t lineNo, std::size_t offset) {
        std::int64_t step = line.step;
        double epoch = line.epoch;
        bool val = false;
        switch (m_dialect) {
            case JsonLinesDialect::Detectron2:
            case JsonLinesDialect::LlamaFactory:
                if (!line.hasStep) return missingStep(lineNo, offset, line);
                break;
            case JsonLinesDialect::EpochLog:
                if (!line.hasStep) return missingStep(lineNo, offset, line);
                epoch = static_cast<double>(line.step);
                break;
            case JsonLinesDialect::MmdetLogJson: {
                // The first line (env_info, config, seed) and other modes carry no curve.
                if (!line.hasMode || (!line.isTrain && !line.isVal)) return;
                if (std::isnan(line.epoch) || !line.hasIter)
                    return missingStep(lineNo, offset, line);
                const auto e = static_cast<std::int64_t>(line.epoch);
                val = line.isVal;
                if (val) {
                    step = e * m_itersPerEpoch;
                    epoch = static_cast<double>(e);
                } else {
                    step = (e - 1) * m_itersPerEpoch + line.iter;
                    epoch = m_itersPerEpoch > 0 ? static_cast<double>(e - 1) +
                                                      static_cast<double>(line.iter) /
                                                          static_cast<double>(m_itersPerEpoch)
                                                : line.epoch;
                }
                break;
            }
            case JsonLinesDialect::MmengineScalars:
                if (!line.hasStep) return missingStep(lineNo, offset, line);
                // Train lines carry the global "iter"; validation lines carry neither it nor
                // "epoch", and their "step" is the epoch when training runs by epoch.
                val = !line.hasIter && std::isnan(line.epoch);
                if (!val) {
                    if (!std::isnan(line.epoch)) {
                        m_byEpoch = true;
                        m_epochEnd[static_cast<std::int64_t>(line.epoch)] = line.step;
                    }
                } else if (m_byEpoch) {
                    epoch = static_cast<double>(line.step);
                    auto it = m_epochEnd.upper_bound(line.step);
                    if (it != m_epochEnd.begin()) step = std::prev(it)->second;
                }
                break;
        }
        for (const auto& [k, value] : line.fields) {
            if (val && m_dialect == JsonLinesDialect::MmdetLogJson && m_keys[k].key == "lr")
                continue;  // the val line repeats the current learning rate
            m_b.add(seriesFor(k, val), step, value, epoch, kNaN, lineNo,
                    static_cast<std::int64_t>(offset));
        }
    }

    void missingStep(std::int64_t lineNo, std::size_t offset, const Line& line) {
        if (line.fields.empty()) return;
        m_b.warn(LoadWarningCode::NoStep, lineNo, static_cast<std::int64_t>(offset),
                 "line " + std::to_string(lineNo) + ": no \"" + std::string(stepKeyOf(m_dialect)) +
                     "\" to place it; skipped");
    }

    JsonLinesDialect m_dialect;
    RunBuilder& m_b;
    std::size_t m_start = 0;
    Line m_line;
    std::vector<KeyInfo> m_keys;
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_keyIndex;
    std::vector<std::size_t> m_positionCache;
    std::size_t m_objectLines = 0;
    std::int64_t m_itersPerEpoch = 0;
    bool m_byEpoch = false;
    bool m_quiet = false;                             // during a pre-pass: no warnings
    std::map<std::int64_t, std::int64_t> m_epochEnd;  // epoch -> last train step logged in it
};

// ---- sniffing ------------------------------------------------------------------------------

struct HeadInfo {
    bool objectLines = false;       // the first non-blank line is a whole JSON object
    std::vector<std::string> keys;  // keys of the first few object lines
    bool has(std::string_view k) const {
        for (const auto& key : keys)
            if (key == k) return true;
        return false;
    }
    bool hasPrefix(std::string_view p) const {
        for (const auto& key : keys)
            if (key.rfind(p, 0) == 0) return true;
        return false;
    }
};

HeadInfo inspectHead(std::string_view head) {
    HeadInfo info;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    std::size_t pos = 0;
    int objects = 0;
    while (pos < head.size() && objects < 3) {
        const std::size_t eol = head.find('\n', pos);
        if (eol == std::string_view::npos) break;  // a line cut by the head's end proves nothing
        const std::string_view text = head.substr(pos, eol - pos);
        pos = eol + 1;
        if (isBlank(text)) continue;
        JsonReader r(text);
        if (r.peek() != JsonType::Object || !r.beginObject()) break;
        std::string_view key;
        while (r.nextKey(key)) {
            info.keys.emplace_back(key);
            if (!r.skipValue()) break;
        }
        if (!r.ok() || !r.atEnd()) break;
        ++objects;
    }
    info.objectLines = objects > 0;
    return info;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view JsonLinesLoader::id() const {
    switch (m_dialect) {
        case JsonLinesDialect::Detectron2:
            return "detectron2_json";
        case JsonLinesDialect::LlamaFactory:
            return "llamafactory_jsonl";
        case JsonLinesDialect::MmdetLogJson:
            return "mmdet_json";
        case JsonLinesDialect::MmengineScalars:
            return "mmengine_scalars";
        case JsonLinesDialect::EpochLog:
            return "epoch_log_json";
    }
    return "jsonl";
}

std::string_view JsonLinesLoader::description() const {
    switch (m_dialect) {
        case JsonLinesDialect::Detectron2:
            return "Detectron2 metrics.json";
        case JsonLinesDialect::LlamaFactory:
            return "LLaMA-Factory trainer_log.jsonl";
        case JsonLinesDialect::MmdetLogJson:
            return "MMDetection 2.x .log.json";
        case JsonLinesDialect::MmengineScalars:
            return "MMEngine scalars.json";
        case JsonLinesDialect::EpochLog:
            return "DeiT/MAE/BEiT log.txt (a JSON object per epoch)";
    }
    return "JSON lines";
}

int JsonLinesLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) return confidence::kNone;
    const HeadInfo head = inspectHead(input.head);
    if (!head.objectLines) return confidence::kNone;
    switch (m_dialect) {
        case JsonLinesDialect::Detectron2:
            if (!head.has("iteration")) return confidence::kNone;
            return head.has("total_loss") || head.has("lr") || input.fileName == "metrics.json"
                       ? confidence::kCertain
                       : confidence::kLikely;
        case JsonLinesDialect::LlamaFactory:
            return head.has("current_steps") ? confidence::kCertain : confidence::kNone;
        case JsonLinesDialect::MmdetLogJson:
            if (head.has("env_info") || (head.has("mode") && head.has("iter") && head.has("epoch")))
                return confidence::kCertain;
            return endsWith(input.fileName, ".log.json") ? confidence::kNameOnly
                                                         : confidence::kNone;
        case JsonLinesDialect::MmengineScalars:
            if (!head.has("step") || head.has("mode")) return confidence::kNone;
            return input.fileName == "scalars.json" || head.has("iter") ? confidence::kCertain
                                                                        : confidence::kLikely;
        case JsonLinesDialect::EpochLog:
            // DeiT's main.py writes {**train_stats prefixed train_, **test_stats prefixed test_,
            // "epoch", "n_parameters"}; MAE and BEiT copy it.
            if (!head.has("epoch") || head.has("step") || head.has("mode") || head.has("iter") ||
                head.has("iteration") || head.has("current_steps"))
                return confidence::kNone;
            return head.hasPrefix("train_") || head.hasPrefix("test_") ? confidence::kLikely
                                                                       : confidence::kNone;
    }
    return confidence::kNone;
}

LoadResult JsonLinesLoader::load(const LoadInput& input) const {
    LoadResult result;
    RunBuilder builder;
    JsonLinesReader reader(m_dialect, builder);
    if (!reader.read(input.bytes, input.progress)) result.cancelled = true;
    if (reader.objectLines() == 0) {
        result.error = "no line holds a JSON object";
        if (!builder.run().warnings.empty())
            result.error += " (" + builder.run().warnings[0].message + ")";
        return result;
    }
    if (builder.pointCount() == 0)
        builder.warn(LoadWarningCode::NoValues, 0, -1, "no numeric values to plot");
    result.runs.push_back(builder.finish());
    return result;
}

std::unique_ptr<Loader> makeDetectron2Loader() {
    return std::make_unique<JsonLinesLoader>(JsonLinesDialect::Detectron2);
}
std::unique_ptr<Loader> makeLlamaFactoryLoader() {
    return std::make_unique<JsonLinesLoader>(JsonLinesDialect::LlamaFactory);
}
std::unique_ptr<Loader> makeMmdetJsonLoader() {
    return std::make_unique<JsonLinesLoader>(JsonLinesDialect::MmdetLogJson);
}
std::unique_ptr<Loader> makeMmengineScalarsLoader() {
    return std::make_unique<JsonLinesLoader>(JsonLinesDialect::MmengineScalars);
}
std::unique_ptr<Loader> makeEpochLogJsonLoader() {
    return std::make_unique<JsonLinesLoader>(JsonLinesDialect::EpochLog);
}

}  // namespace curvedoctor::core
