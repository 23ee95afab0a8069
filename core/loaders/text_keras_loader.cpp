#include "core/loaders/text_keras_loader.h"

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/loaders/run_builder.h"
#include "core/loaders/text_log_scan.h"

namespace curvedoctor::core {

namespace {

using textlog::KeyValue;

constexpr int kConfidence = confidence::kGeneric + 20;

/// One piece of console output between '\n', '\r' or a run of '\b' (a progress-bar redraw).
struct Segment {
    std::string_view text;
    std::int64_t line = 0;  // 1-based line of the file.
    std::size_t end = 0;    // byte offset after the segment.
};

class SegmentReader {
public:
    explicit SegmentReader(std::string_view bytes) : m_bytes(bytes) {}
    bool next(Segment& segment) {
        while (m_pos < m_bytes.size()) {
            std::size_t stop = m_pos;
            while (stop < m_bytes.size() && m_bytes[stop] != '\n' && m_bytes[stop] != '\r' &&
                   m_bytes[stop] != '\b')
                ++stop;
            segment.text = m_bytes.substr(m_pos, stop - m_pos);
            segment.line = m_line;
            if (stop < m_bytes.size() && m_bytes[stop] == '\n') ++m_line;
            m_pos = stop + 1;
            segment.end = m_pos;
            if (!segment.text.empty()) return true;
        }
        return false;
    }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1;
};

/// "Epoch 3/50" alone on its segment: returns 3.
std::optional<std::int64_t> epochHeader(std::string_view text) {
    text = textlog::trim(text);
    if (text.size() < 9 || text.substr(0, 6) != "Epoch ") return std::nullopt;
    const auto value = textlog::parseFieldValue(text.substr(6));
    if (!value || !value->integral || value->total <= 0 || value->value < 0 || value->value > 1e15)
        return std::nullopt;
    if (!textlog::trim(text.substr(6 + value->length)).empty()) return std::nullopt;
    return static_cast<std::int64_t>(value->value);
}

/// A progress update: "- name: value" pairs. Returns false when the segment holds none.
bool progressPairs(std::string_view text, std::vector<KeyValue>& pairs, bool& hasEta) {
    hasEta = text.find("ETA") != std::string_view::npos;
    if (text.find(": ") == std::string_view::npos) return false;
    textlog::extractKeyValues(text, pairs);
    std::erase_if(pairs, [&](const KeyValue& kv) {
        // Keras writes every metric as " - name: value".
        return kv.keyOffset < 2 || text.substr(kv.keyOffset - 2, 2) != "- ";
    });
    return !pairs.empty();
}

/// The final update seen so far for the current epoch.
struct EpochState {
    std::int64_t epoch = -1;
    std::int64_t headerLine = 0;
    std::vector<std::pair<std::string, double>> values;
    std::int64_t line = 0;
    bool finished = false;  // the last update had no ETA.
    bool any = false;
};

void flushEpoch(EpochState& state, RunBuilder& builder, int& unfinished) {
    if (state.epoch < 0) return;
    if (state.any && state.finished) {
        // Keras prints 1-based epochs; CSVLogger and TensorBoard count from 0.
        const std::int64_t step = state.epoch - 1;
        for (const auto& [name, value] : state.values)
            builder.add(builder.series(name), step, value, static_cast<double>(step),
                        RunBuilder::kUnknown, state.line, -1);
    } else if (state.any && unfinished++ == 0) {
        builder.warn(
            LoadWarningCode::UnfinishedEpoch, state.headerLine, -1,
            "epoch " + std::to_string(state.epoch) + " did not finish (only ETA updates); skipped");
    }
    state = EpochState{};
}

}  // namespace

int TextKerasLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || input.head.empty()) return confidence::kNone;
    SegmentReader reader(input.head);
    Segment segment;
    std::string scratch;
    std::vector<KeyValue> pairs;
    bool sawHeader = false;
    while (reader.next(segment)) {
        const std::string_view text = textlog::stripAnsi(segment.text, scratch);
        if (epochHeader(text)) {
            sawHeader = true;
            continue;
        }
        bool hasEta = false;
        if (sawHeader && progressPairs(text, pairs, hasEta)) return kConfidence;
    }
    return confidence::kNone;
}

LoadResult TextKerasLoader::load(const LoadInput& input) const {
    LoadResult result;
    SegmentReader reader(input.bytes);
    textlog::ProgressTicker ticker(input.progress, input.bytes.size());
    RunBuilder builder;
    builder.allowRepeatedSteps();
    Segment segment;
    std::string scratch;
    std::vector<KeyValue> pairs;
    EpochState state;
    int unfinished = 0;
    while (reader.next(segment)) {
        if (!ticker.tick(segment.end)) {
            result.cancelled = true;
            break;
        }
        const std::string_view text = textlog::stripAnsi(segment.text, scratch);
        if (const auto epoch = epochHeader(text)) {
            flushEpoch(state, builder, unfinished);
            state.epoch = *epoch;
            state.headerLine = segment.line;
            continue;
        }
        bool hasEta = false;
        if (state.epoch < 0 || !progressPairs(text, pairs, hasEta)) continue;
        state.values.clear();
        for (const auto& kv : pairs) state.values.emplace_back(std::string(kv.key), kv.value.value);
        state.line = segment.line;
        state.finished = !hasEta;
        state.any = true;
    }
    flushEpoch(state, builder, unfinished);
    if (unfinished > 1)
        builder.warn(LoadWarningCode::UnfinishedEpoch, 0, -1,
                     std::to_string(unfinished) + " epochs did not finish; skipped");
    if (builder.pointCount() == 0 && !result.cancelled) {
        result.error = "no finished Keras epoch ('Epoch n/m' followed by '- loss: ...')";
        return result;
    }
    builder.run().format = std::string(id());
    result.runs.push_back(builder.finish());
    return result;
}

}  // namespace curvedoctor::core
