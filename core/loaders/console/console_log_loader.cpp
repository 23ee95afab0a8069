#include "core/loaders/console/console_log_loader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/loaders/console/console_line.h"
#include "core/loaders/console/console_line_shapes.h"
#include "core/loaders/console/console_record.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/text_log_scan.h"

namespace curvedoctor::core {

namespace {

using textlog::FieldValue;
using textlog::KeyValue;

constexpr int kConfidence = confidence::kGeneric + 5;
// How much more room the series reserve than the head of the file promises (see load()).
constexpr double kGrowthMargin = 1.04;
// Steps beyond this are not counters (and would not fit the int64 step arithmetic).
constexpr double kMaxStep = 1e15;

constexpr std::array kStepKeys{std::string_view{"step"},
                               std::string_view{"steps"},
                               std::string_view{"global_step"},
                               std::string_view{"global step"},
                               std::string_view{"iter"},
                               std::string_view{"iters"},
                               std::string_view{"iteration"},
                               std::string_view{"iterations"},
                               std::string_view{"it"},
                               std::string_view{"itr"},
                               std::string_view{"current_steps"},
                               std::string_view{"timestep"},
                               std::string_view{"timesteps"},
                               std::string_view{"num_timesteps"},
                               std::string_view{"update"},
                               std::string_view{"updates"},
                               std::string_view{"n_updates"},
                               std::string_view{"num_updates"}};
constexpr std::array kEpochKeys{std::string_view{"epoch"}, std::string_view{"epochs"},
                                std::string_view{"ep"}};
// Words that name a step or epoch without a separator: "Epoch 3/50", "step 100".
constexpr std::array kBareKeywords{std::string_view{"epoch"}, std::string_view{"step"},
                                   std::string_view{"iter"}, std::string_view{"iteration"}};
// Fields that are not metrics: a remaining-time estimate.
// A total is the length of training, not where a line is (a printed config's "total_steps:
// 10000" would otherwise place every config line at step 10000).
constexpr std::array kSkippedKeys{std::string_view{"eta"}, std::string_view{"total_steps"},
                                  std::string_view{"total_timesteps"}};
constexpr std::array kCategories{
    std::string_view{"train"},      std::string_view{"training"}, std::string_view{"eval"},
    std::string_view{"evaluation"}, std::string_view{"val"},      std::string_view{"valid"},
    std::string_view{"validation"}, std::string_view{"test"},     std::string_view{"validate"}};

template <std::size_t N>
bool containsNoCase(const std::array<std::string_view, N>& set, std::string_view key) {
    return std::any_of(set.begin(), set.end(),
                       // The length first, here: equalsNoCase is a call into another file.
                       [&](std::string_view s) {
                           return s.size() == key.size() && textlog::equalsNoCase(s, key);
                       });
}

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
// Letters, digits and '_', one table lookup (findBareKeywords asks it of every byte).
constexpr std::array<bool, 256> kWordChars = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return t;
}();
bool isWordChar(char c) {
    return kWordChars[static_cast<unsigned char>(c)];
}

/// `a == b`, compared here: names are a few bytes, and memcmp is a call per name.
bool sameBytes(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return i == a.size() && i == b.size();
}

/// The TD-MPC2 console logger's one-letter columns (its CONSOLE_FORMAT table).
struct Alias {
    std::string_view letter;
    std::string_view name;  // empty: not a metric.
};
constexpr std::array kTdmpcAliases{Alias{"I", "step"},           Alias{"E", ""},
                                   Alias{"R", "episode_reward"}, Alias{"S", "episode_success"},
                                   Alias{"F", "episode_fail"},   Alias{"T", ""}};

std::string_view lastWord(std::string_view key) {
    const std::size_t space = key.rfind(' ');
    return space == std::string_view::npos ? key : key.substr(space + 1);
}

/// What a field's name makes of it.
enum class KeyKind : std::uint8_t { Step, Epoch, Category, Skipped, Metric };

KeyKind classifyKey(std::string_view key) {
    // "Train Epoch: 3" names the epoch by its last word.
    const std::string_view last = lastWord(key);
    if (containsNoCase(kStepKeys, key) || containsNoCase(kStepKeys, last)) return KeyKind::Step;
    if (containsNoCase(kEpochKeys, key) || containsNoCase(kEpochKeys, last)) return KeyKind::Epoch;
    if (containsNoCase(kCategories, key)) return KeyKind::Category;
    if (containsNoCase(kSkippedKeys, key)) return KeyKind::Skipped;
    return KeyKind::Metric;
}

}  // namespace

/// A distinct field name, met once: its kind, and its series for each line category it came
/// with (the category as it is lower-cased in the series name, and the series' index).
struct console::KeyEntry {
    KeyKind kind = KeyKind::Metric;
    std::vector<std::pair<std::string, std::size_t>> series;
};

namespace {

using console::KeyEntry;
using console::Metric;
using console::Record;

/// The names of a log, interned: a line's fields are looked up by their text, so a name is
/// classified and its series found once per distinct key, not once per line.
class KeyTable {
public:
    KeyEntry& entry(std::string_view key) {
        if (auto it = m_entries.find(key); it != m_entries.end()) return it->second;
        KeyEntry& e = m_entries[std::string(key)];
        e.kind = classifyKey(key);
        return e;
    }

    /// entry() through a small direct-mapped cache: a log repeats a few dozen names, and a
    /// slot chosen by the name's length and three of its bytes, mixed (nanoGPT's "iter",
    /// "time" and "mfu" shared a slot under a plain sum), is compared without hashing the name.
    KeyEntry& cachedEntry(std::string_view key) {
        if (key.empty()) return entry(key);
        auto byte = [&](std::size_t i) {
            return std::uint64_t{static_cast<unsigned char>(key[i])};
        };
        std::uint64_t h = key.size() | byte(0) << 8U | byte(key.size() - 1) << 16U |
                          byte(key.size() / 2) << 24U | byte(key.size() > 1 ? 1 : 0) << 32U;
        h *= 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29U;
        h *= 0xBF58476D1CE4E5B9ULL;
        const std::size_t slot = static_cast<std::size_t>(h >> 56U);
        Recent& recent = m_recent[slot];
        if (recent.key != nullptr && sameBytes(*recent.key, key)) return *recent.entry;
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            it = m_entries.emplace(std::string(key), KeyEntry{}).first;
            it->second.kind = classifyKey(key);
        }
        // Map nodes never move: the pointers stay valid as the table grows.
        recent = {&it->first, &it->second};
        return it->second;
    }

private:
    static constexpr std::size_t kCacheSlots = 256;  // the slot is the hash's top 8 bits.
    struct Recent {
        const std::string* key = nullptr;
        KeyEntry* entry = nullptr;
    };
    std::array<Recent, kCacheSlots> m_recent{};
    struct Hash {
        using is_transparent = void;
        // FNV-1a: names are short, and a line looks up each of its names.
        std::size_t operator()(std::string_view s) const {
            std::uint64_t h = 14695981039346656037ULL;
            for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
            return static_cast<std::size_t>(h);
        }
    };
    std::unordered_map<std::string, KeyEntry, Hash, std::equal_to<>> m_entries;
};

struct Scratch {
    std::string ansi;
    std::vector<console::Token> tokens;  // the line's pieces, split once.
    std::vector<KeyValue> pairs;
    std::vector<std::pair<std::size_t, std::size_t>> used;  // spans already read as values.
    KeyTable keys;
};

std::string_view leadingCategory(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && isWordChar(text[end])) ++end;
    if (end == 0 || end == text.size() || !containsNoCase(kCategories, text.substr(0, end)))
        return {};
    const char next = text[end];
    if (!(isSpace(next) || next == '|' || next == ']' || next == ':')) return {};
    const std::string_view word = text.substr(0, end);
    // Swin/timm's "Validate:" block is the validation split.
    return textlog::equalsNoCase(word, "validate") ? std::string_view{"val"} : word;
}

std::optional<double> leadingCounter(std::string_view text, std::size_t& at, std::size_t& end) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '[') ++i;
    while (i < text.size() && isSpace(text[i])) ++i;
    at = i;
    textlog::NumberToken number;
    if (!textlog::parseNumber(text.substr(i), number) || !number.integral || text[i] == '-' ||
        text[i] == '+')
        return std::nullopt;
    i += number.length;
    // "[   2784 Epoch..." or big_vision's "[10] train_loss=...".
    if (text[0] == '[' && i < text.size() && text[i] == ']') ++i;
    if (i >= text.size() || !isSpace(text[i])) return std::nullopt;
    end = i;
    return number.value;
}

bool overlaps(const Scratch& scratch, std::size_t at) {
    return std::any_of(scratch.used.begin(), scratch.used.end(),
                       [&](const auto& span) { return at >= span.first && at < span.second; });
}

/// "Epoch 3", "step 100": a keyword of kBareKeywords, a whole word (not after '/'), whitespace
/// and a value. Whitespace ends a token, so only the word ending each token is looked at; words
/// starting within a value read or right after it are not keywords.
void findBareKeywords(std::string_view text, Record& record, Scratch& scratch) {
    std::size_t resume = 0;  // where the next keyword may start.
    for (const console::Token& token : scratch.tokens) {
        const std::size_t end = token.offset + token.text.size();
        if (end >= text.size() || !isSpace(text[end])) continue;
        // Every keyword ends in 'h', 'p', 'r' or 'n': most pieces are rejected by their last byte.
        const char last = static_cast<char>(text[end - 1] | 0x20);
        if (last != 'h' && last != 'p' && last != 'r' && last != 'n') continue;
        std::size_t start = end;
        while (start > token.offset && isWordChar(text[start - 1])) --start;
        if (start == end || start < resume || (start > 0 && text[start - 1] == '/')) continue;
        const std::string_view word = text.substr(start, end - start);
        if (!containsNoCase(kBareKeywords, word)) continue;
        std::size_t v = end;
        while (v < text.size() && isSpace(text[v])) ++v;
        if (v >= text.size()) continue;
        auto value = textlog::parseFieldValue(text.substr(v));
        if (!value) continue;
        value->at += v;
        const bool isEpoch = textlog::equalsNoCase(word, "epoch");
        auto& slot = isEpoch ? record.epoch : record.step;
        if (!slot) slot = value;
        record.bare = true;
        scratch.used.emplace_back(v, v + value->length);
        resume = v + value->length + 1;
    }
}

/// "[2783/20018]", or PyTorch's MNIST example "[640/60000 (1%)]": the counter and its total.
std::optional<FieldValue> bareFraction(std::string_view text) {
    std::size_t i = 1;  // past '['.
    while (i < text.size() && isSpace(text[i])) ++i;
    const std::size_t counterAt = i;
    textlog::NumberToken counter;
    if (!textlog::parseNumber(text.substr(i), counter) || !counter.integral || text[i] == '-' ||
        text[i] == '+')
        return std::nullopt;
    i += counter.length;
    if (i >= text.size() || text[i] != '/') return std::nullopt;
    textlog::NumberToken total;
    if (!textlog::parseNumber(text.substr(i + 1), total) || !total.integral || total.value <= 0)
        return std::nullopt;
    i += 1 + total.length;
    while (i < text.size() && isSpace(text[i])) ++i;
    if (i >= text.size() || (text[i] != ']' && text[i] != '(')) return std::nullopt;
    FieldValue value;
    value.value = counter.value;
    value.total = total.value;
    value.integral = true;
    value.at = counterAt;
    return value;
}

void findBareFraction(std::string_view text, std::size_t from, Record& record,
                      const Scratch& scratch) {
    for (std::size_t at = text.find('[', from); at != std::string_view::npos;
         at = text.find('[', at + 1)) {
        if (overlaps(scratch, at)) continue;
        std::size_t b = at;
        while (b > 0 && isSpace(text[b - 1])) --b;
        if (b > 0 && (text[b - 1] == ':' || text[b - 1] == '=')) continue;
        if (const auto value = bareFraction(text.substr(at))) {
            record.fraction = value;
            record.fraction->at += at;
            return;
        }
    }
}

bool applyTdmpcAliases(Scratch& scratch, Record& record, std::string_view category) {
    bool hasI = false;
    bool hasR = false;
    for (const auto& kv : scratch.pairs) {
        if (kv.key.size() != 1) return false;
        hasI = hasI || kv.key == "I";
        hasR = hasR || kv.key == "R";
    }
    if (!hasI || !hasR) return false;
    for (const auto& kv : scratch.pairs) {
        for (const Alias& alias : kTdmpcAliases) {
            if (kv.key != alias.letter) continue;
            if (alias.name == "step") {
                record.step = kv.value;
            } else if (!alias.name.empty()) {
                record.metrics.push_back(
                    {alias.name, kv.value.value, &scratch.keys.entry(alias.name), kv.value.at});
            }
        }
    }
    (void)category;
    return true;
}

/// True when a `key: value` pair is a sentence's end, not a metric: the text before a key of
/// several words ends in a number that is not a value itself ("the 50000 train images: 9.9%"),
/// or the key has the most words a key may
/// have and another word comes right before it ("Setting work unit notes: 0.4").
bool isProse(std::string_view text, const KeyValue& kv) {
    std::size_t at = kv.keyOffset;
    if (at >= 2 && text[at - 1] == ' ' && isWordChar(text[at - 2]) &&
        std::count(kv.key.begin(), kv.key.end(), ' ') >= 2)
        return true;
    // A one-word key after a number is a field ("1000 loss=9.5"); words after it are prose.
    if (kv.key.find(' ') == std::string_view::npos) return false;
    while (at > 0 && isSpace(text[at - 1])) --at;
    if (at == 0 || text[at - 1] < '0' || text[at - 1] > '9') return false;
    // "Step: 100 Learning rate: 0.0075": that number is the value of a pair before.
    while (at > 0 && (isWordChar(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == '/' ||
                      text[at - 1] == ','))
        --at;
    while (at > 0 && isSpace(text[at - 1])) --at;
    return !(at > 0 && (text[at - 1] == ':' || text[at - 1] == '='));
}

/// What a line without its ANSI codes says: itself without logging prefix and outer blanks.
std::string_view recordText(std::string_view line) {
    return textlog::trim(console::stripLogPrefix(textlog::trim(line)));
}

/// Reads one line's recordText(). Returns false when it is not a record (no metric, or no
/// step/epoch field and `inBlock` false).
bool parseRecord(std::string_view text, bool inBlock, Record& record, Scratch& scratch) {
    record.reset();
    scratch.used.clear();
    record.text = text;
    if (text.size() < 3) return false;
    textlog::extractKeyValues(text, scratch.pairs, true);
    scratch.pairs.erase(std::remove_if(scratch.pairs.begin(), scratch.pairs.end(),
                                       [&](const KeyValue& kv) { return isProse(text, kv); }),
                        scratch.pairs.end());
    for (const auto& kv : scratch.pairs)
        scratch.used.emplace_back(kv.keyOffset, kv.keyOffset + kv.key.size() + 1 + kv.value.length);
    console::tokenize(text, scratch.tokens);
    console::extractSpacePairs(text, scratch.tokens, scratch.used, scratch.pairs);
    if (scratch.pairs.empty()) {
        // "Epoch: 1/30" alone is caught above; "EPOCH 0 training takes 0:00:03" here.
        findBareKeywords(text, record, scratch);
        record.ownStep = record.step || record.epoch;
        record.blockHead = record.ownStep;
        return false;
    }
    record.category = leadingCategory(text);
    std::size_t counterEnd = 0;
    record.counter = leadingCounter(text, record.counterAt, counterEnd);
    for (const auto& kv : scratch.pairs)
        scratch.used.emplace_back(kv.keyOffset, kv.keyOffset + kv.key.size() + 1);
    findBareKeywords(text, record, scratch);
    if (!applyTdmpcAliases(scratch, record, record.category)) {
        for (const auto& kv : scratch.pairs) {
            KeyEntry& entry = scratch.keys.cachedEntry(kv.key);
            switch (entry.kind) {
                case KeyKind::Step:
                    if (!record.step) record.step = kv.value;
                    break;
                case KeyKind::Epoch:
                    if (!record.epoch) record.epoch = kv.value;
                    break;
                case KeyKind::Category:
                    // Swin/timm: "Train: [3/50]" is epoch 3 of 50.
                    if (kv.value.total > 0 && !record.epoch) record.epoch = kv.value;
                    break;
                case KeyKind::Skipped:
                    break;
                case KeyKind::Metric:
                    record.metrics.push_back({kv.key, kv.value.value, &entry, kv.value.at});
                    break;
            }
        }
    }
    record.ownStep = record.step || record.epoch || record.counter;
    // "Epoch: 1/30" alone heads a block; a printed config's "total_steps: 10000" does not.
    record.blockHead =
        record.metrics.empty() && (record.bare || (record.epoch && record.epoch->total > 0) ||
                                   (record.step && record.step->total > 0));
    if (!record.ownStep && record.metrics.empty()) return false;
    if (!record.ownStep && !inBlock) return false;
    findBareFraction(text, counterEnd, record, scratch);
    return true;
}

/// Whether the lines after `record` without a step of their own belong to its step: after a
/// block head ("Epoch: 1/30"), or after a record placed by its epoch alone (Swin's "Train:
/// [3/50] ..." line, then its " * Train Acc .." summary). A record with a step or counter of its
/// own ("[10] train_loss=..") does not: what follows it may be anything.
bool opensBlock(const Record& record) {
    return record.blockHead || (!record.metrics.empty() && record.epoch && !record.step &&
                                !record.counter && !record.fraction);
}

/// "Train Loss" on a line starting with "Train" names its split itself: no "train/" prefix.
bool namesItsSplit(std::string_view key, std::string_view category) {
    const std::size_t n = category.size();
    return key.size() > n && textlog::equalsNoCase(key.substr(0, n), category) &&
           (key[n] == ' ' || key[n] == '_');
}

/// The series of `metric` on a line of `category`: "train/loss" for "loss" on a "Train ..." line.
std::size_t seriesOf(const Metric& metric, std::string_view category, RunBuilder& builder,
                     std::string& name) {
    for (const auto& [cat, index] : metric.entry->series)
        if (cat.size() == category.size() &&
            (category.empty() || textlog::equalsNoCase(cat, category)))
            return index;
    std::string lowered = textlog::toLower(category);
    name.clear();
    if (!category.empty() && !namesItsSplit(metric.key, category)) name.append(lowered).append("/");
    name.append(metric.key);
    const std::size_t index = builder.series(name);
    metric.entry->series.emplace_back(std::move(lowered), index);
    return index;
}

bool finiteCounter(double v) {
    return std::isfinite(v) && v >= -kMaxStep && v <= kMaxStep;
}

}  // namespace

int ConsoleLogLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || input.head.empty()) return confidence::kNone;
    if (input.head.find('\0') != std::string_view::npos) return confidence::kNone;
    textlog::LineReader reader(input.head);
    textlog::TextLine line;
    Record record;
    Scratch scratch;
    int records = 0;
    bool inBlock = false;
    while (reader.next(line)) {
        const bool isRecord = parseRecord(recordText(textlog::stripAnsi(line.text, scratch.ansi)),
                                          inBlock, record, scratch);
        inBlock = inBlock || (record.ownStep && opensBlock(record));
        if (isRecord && !record.metrics.empty() && ++records >= kMinRecordLines) return kConfidence;
    }
    return confidence::kNone;
}

namespace {

/// Where a record goes: its step and epoch (NaN when unknown).
struct Placement {
    double step = 0;
    double epoch = std::numeric_limits<double>::quiet_NaN();
};

class Placer {
public:
    /// The step and epoch of `record`, the block's when it has none of its own.
    Placement place(const Record& record) {
        if (!record.ownStep) return m_block;
        Placement p;
        p.epoch = record.epoch && std::isfinite(record.epoch->value)
                      ? record.epoch->value
                      : std::numeric_limits<double>::quiet_NaN();
        if (!std::isnan(p.epoch) && !m_epochBase) m_epochBase = p.epoch <= 0 ? 0.0 : 1.0;
        p.step = static_cast<double>(m_ordinal);
        const bool withinEpoch = !std::isnan(p.epoch) && record.epoch->integral;
        if (record.step && finiteCounter(record.step->value)) {
            p.step = record.step->value;
            // "Epoch: 2, Iter: 50/3750": the iteration counts within its epoch.
            if (record.step->total > 0 && withinEpoch)
                p.step = (p.epoch - *m_epochBase) * record.step->total + record.step->value;
        } else if (record.counter && finiteCounter(*record.counter)) {
            p.step = *record.counter;
        } else if (record.fraction && withinEpoch) {
            p.step = (p.epoch - *m_epochBase) * record.fraction->total + record.fraction->value;
        } else if (withinEpoch) {
            p.step = p.epoch;
        }
        if (!finiteCounter(p.step)) p.step = static_cast<double>(m_ordinal);
        ++m_ordinal;
        m_block = p;
        return p;
    }

private:
    Placement m_block;
    std::optional<double> m_epochBase;  // 0 or 1: how the log counts epochs.
    std::int64_t m_ordinal = 0;
};

}  // namespace

LoadResult ConsoleLogLoader::load(const LoadInput& input) const {
    LoadResult result;
    textlog::LineReader reader(input.bytes);
    textlog::ProgressTicker ticker(input.progress, input.bytes.size());
    textlog::TracebackSkipper traceback;
    RunBuilder builder;
    builder.allowRepeatedSteps();
    textlog::TextLine line;
    Record record;
    Scratch scratch;
    Placer placer;
    console::LineShapes shapes;
    std::string name;
    bool inBlock = false;
    // A record is a row: the series of every line (nanoGPT's loss, time, mfu) share one step
    // column, 8 bytes per point fewer to write; not past the growth check if none does (Swin).
    bool rows = true;
    // Once the first MiB (or 1/32 of the file) is read, the series reserve room for the rest.
    std::size_t growthCheck = std::max<std::size_t>(1U << 20, input.bytes.size() / 32);
    while (reader.next(line)) {
        if (!ticker.tick(reader.position())) {
            result.cancelled = true;
            break;
        }
        if (traceback.skip(line)) continue;
        const std::string_view text = recordText(textlog::stripAnsi(line.text, scratch.ansi));
        bool isRecord = false;
        const Record* read = shapes.match(text, inBlock, isRecord);
        if (read == nullptr) {
            isRecord = parseRecord(text, inBlock, record, scratch);
            shapes.remember(text, inBlock, record, isRecord);
            read = &record;
        }
        if (!isRecord) {
            if (read->blockHead) {
                // A step line without metrics opens a block ("EPOCH 3 training takes ...").
                placer.place(*read);
                inBlock = true;
            }
            continue;
        }
        inBlock = inBlock || (read->ownStep && opensBlock(*read));
        const Placement at = placer.place(*read);
        const auto stepValue = static_cast<std::int64_t>(std::llround(at.step));
        if (rows && !read->metrics.empty()) builder.beginRow(stepValue, line.number, at.epoch);
        for (const Metric& metric : read->metrics) {
            const std::size_t index = seriesOf(metric, read->category, builder, name);
            if (rows)
                builder.addToRow(index, metric.value);
            else
                builder.add(index, stepValue, metric.value, at.epoch, RunBuilder::kUnknown,
                            line.number, -1);
        }
        if (reader.position() >= growthCheck) {
            growthCheck = std::numeric_limits<std::size_t>::max();
            rows = builder.rowsShared();
            // A few percent more than the first part promises: a log's head (a printed config,
            // warnings) holds fewer records per byte than the rest, and running out near the
            // end doubled every series (a copy and twice the pages: DCGAN's textlog_01, whose
            // 500 lines of TensorFlow warnings make 1.2% of its head, loaded 1.4x slower).
            builder.expectGrowth(kGrowthMargin * static_cast<double>(input.bytes.size()) /
                                     static_cast<double>(reader.position()),
                                 input.bytes.size() / 8);
        }
    }
    textlog::noteTraceback(traceback, builder);
    if (builder.pointCount() == 0 && !result.cancelled) {
        result.error = "no lines with a step or epoch and numeric key: value pairs";
        return result;
    }
    builder.run().format = std::string(id());
    Run run = builder.finish();
    result.runs.push_back(std::move(run));
    return result;
}

}  // namespace curvedoctor::core
