#include "core/loaders/text_mmdet_loader.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/loaders/run_builder.h"
#include "core/loaders/text_log_scan.h"

namespace curvedoctor::core {

namespace {

using textlog::KeyValue;

constexpr int kConfidence = confidence::kGeneric + 20;
// Below kConfidence: a head that holds only the logger's prefix, no metric line yet.
constexpr int kLoggerPrefixConfidence = confidence::kGeneric + 10;
// Counters beyond this are not iteration numbers (and would overflow the step arithmetic).
constexpr double kMaxCounter = 1e12;
// Steps must fit an int64 after epoch * iterations_per_epoch.
constexpr double kMaxStep = 9e18;

enum class Mode { Train, Val };

/// The `Epoch [e][i/N]` / `Epoch(val) [e][N]` / `Iter(train) [i/N]` head of a line.
struct MmdetHead {
    Mode mode = Mode::Train;
    bool epochBased = true;
    double epoch = 0;            // epoch-based only.
    double iter = 0;             // iteration within the epoch (or global, iteration-based).
    double iterTotal = 0;        // N of [i/N]; 0 when the group had no '/'.
    std::size_t restOffset = 0;  // where the key: value fields start.
};

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

std::optional<MmdetHead> parseHead(std::string_view line) {
    MmdetHead head;
    std::size_t pos = std::string_view::npos;
    for (std::string_view word : {std::string_view{"Epoch"}, std::string_view{"Iter"}}) {
        std::size_t from = 0;
        while ((from = line.find(word, from)) != std::string_view::npos) {
            const std::size_t after = from + word.size();
            const bool boundary = from == 0 || isSpace(line[from - 1]) || line[from - 1] == '-';
            if (boundary && after < line.size() && (line[after] == ' ' || line[after] == '(')) {
                pos = after;
                head.epochBased = word == "Epoch";
                break;
            }
            from = after;
        }
        if (pos != std::string_view::npos) break;
    }
    if (pos == std::string_view::npos) return std::nullopt;
    if (line[pos] == '(') {
        const std::size_t close = line.find(')', pos);
        if (close == std::string_view::npos || close - pos > 8) return std::nullopt;
        const std::string_view mode = line.substr(pos + 1, close - pos - 1);
        if (mode == "val" || mode == "test") {
            head.mode = Mode::Val;
        } else if (mode != "train") {
            return std::nullopt;
        }
        pos = close + 1;
    }
    // One or two bracket groups: [e][i/N], [e][N], [i/N].
    std::vector<textlog::FieldValue> groups;
    while (groups.size() < 2) {
        while (pos < line.size() && isSpace(line[pos])) ++pos;
        if (pos >= line.size() || line[pos] != '[') break;
        const auto group = textlog::parseFieldValue(line.substr(pos));
        if (!group || !group->integral || group->value < 0 || group->value > kMaxCounter ||
            group->total > kMaxCounter)
            return std::nullopt;
        groups.push_back(*group);
        pos += group->length;
    }
    if (groups.empty()) return std::nullopt;
    if (head.epochBased) {
        if (groups.size() != 2) return std::nullopt;
        head.epoch = groups[0].value;
        head.iter = groups[1].value;
        head.iterTotal = groups[1].total;
    } else {
        head.iter = groups[0].value;
        head.iterTotal = groups[0].total;
    }
    head.restOffset = pos;
    return head;
}

bool skippedKey(std::string_view key) {
    return key == "eta";
}

}  // namespace

int TextMmdetLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || input.head.empty()) return confidence::kNone;
    textlog::LineReader reader(input.head);
    textlog::TextLine line;
    std::string scratch;
    std::vector<KeyValue> pairs;
    while (reader.next(line)) {
        if (line.text.find("Epoch") == std::string_view::npos &&
            line.text.find("Iter") == std::string_view::npos)
            continue;
        const std::string_view text = textlog::stripAnsi(line.text, scratch);
        const auto head = parseHead(text);
        if (!head) continue;
        textlog::extractKeyValues(text.substr(head->restOffset), pairs);
        if (pairs.size() >= 2) return kConfidence;
    }
    // An MMEngine/MMDetection log prints its environment and config first (80 kB in
    // realworld/textlog_04), so its first metric line can lie beyond the head: its logger's
    // prefix on the first line says what it is.
    const std::string_view first = input.head.substr(0, input.head.find('\n'));
    if (first.find(" - mmengine - INFO - ") != std::string_view::npos ||
        first.find(" - mmdet - INFO - ") != std::string_view::npos)
        return kLoggerPrefixConfidence;
    return confidence::kNone;
}

LoadResult TextMmdetLoader::load(const LoadInput& input) const {
    LoadResult result;
    textlog::LineReader reader(input.bytes);
    textlog::ProgressTicker ticker(input.progress, input.bytes.size());
    RunBuilder builder;
    builder.allowRepeatedSteps();
    textlog::TextLine line;
    std::string scratch;
    std::string name;
    std::vector<KeyValue> pairs;
    double itersPerEpoch = 0;  // from the last training line.
    double lastTrainIter = 0;  // iteration-based logs: where validation lines go.
    while (reader.next(line)) {
        if (!ticker.tick(reader.position())) {
            result.cancelled = true;
            break;
        }
        if (line.text.find("Epoch") == std::string_view::npos &&
            line.text.find("Iter") == std::string_view::npos)
            continue;
        const std::string_view text = textlog::stripAnsi(line.text, scratch);
        const auto head = parseHead(text);
        if (!head) continue;
        textlog::extractKeyValues(text.substr(head->restOffset), pairs);
        if (pairs.empty()) continue;
        double step = 0;
        double epoch = std::numeric_limits<double>::quiet_NaN();
        if (head->mode == Mode::Train) {
            if (head->iterTotal > 0) itersPerEpoch = head->iterTotal;
            if (head->epochBased) {
                epoch = head->epoch;
                const double before = head->epoch >= 1 ? head->epoch - 1 : 0;
                step = before * head->iterTotal + head->iter;
            } else {
                step = head->iter;
            }
            lastTrainIter = step;
        } else if (head->epochBased) {
            epoch = head->epoch;
            step = itersPerEpoch > 0 ? head->epoch * itersPerEpoch : head->epoch;
        } else {
            step = lastTrainIter;
        }
        if (!(std::fabs(step) < kMaxStep)) continue;  // nonsense counters: not a point.
        const auto stepValue = static_cast<std::int64_t>(step);
        for (const auto& kv : pairs) {
            if (skippedKey(kv.key)) continue;
            name.assign(head->mode == Mode::Val ? "val/" : "");
            name.append(kv.key);
            builder.add(builder.series(name), stepValue, kv.value.value, epoch,
                        RunBuilder::kUnknown, line.number, -1);
        }
    }
    if (builder.pointCount() == 0 && !result.cancelled) {
        result.error = "no MMDetection 'Epoch [e][i/N]' or 'Iter [i/N]' lines with values";
        return result;
    }
    builder.run().format = std::string(id());
    result.runs.push_back(builder.finish());
    return result;
}

}  // namespace curvedoctor::core
