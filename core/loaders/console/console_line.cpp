#include "core/loaders/console/console_line.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace curvedoctor::core::console {
namespace {

// A logging prefix is short; a level word further in is part of the message.
constexpr std::size_t kMaxPrefix = 160;
constexpr std::size_t kMaxKeyWords = 3;
// Longer names are noise, not metric names (text_log_scan's limit too).
constexpr std::size_t kMaxKeyLength = 64;

constexpr std::array kLevels{std::string_view{"INFO"},  std::string_view{"WARNING"},
                             std::string_view{"WARN"},  std::string_view{"DEBUG"},
                             std::string_view{"ERROR"}, std::string_view{"CRITICAL"}};

constexpr bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

// The byte classes the tokenizer asks about, one table lookup each.
enum CharClass : std::uint8_t { kKeyChar = 1, kBreak = 2, kBlank = 4, kWordStart = 8 };
constexpr std::array<std::uint8_t, 256> kClasses = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        if (isAlpha(ch) || isDigit(ch) || ch == '_' || ch == '.' || ch == '/' || ch == '@' ||
            ch == '-')
            t[static_cast<std::size_t>(c)] |= kKeyChar;
        if (ch == ',' || ch == ';' || ch == '|') t[static_cast<std::size_t>(c)] |= kBreak;
        if (ch == ' ' || ch == '\t' || ch == '\r') t[static_cast<std::size_t>(c)] |= kBlank;
        if (isAlpha(ch) || ch == '_') t[static_cast<std::size_t>(c)] |= kWordStart;
    }
    return t;
}();
std::uint8_t classOf(char c) {
    return kClasses[static_cast<unsigned char>(c)];
}

/// "hh:mm" somewhere in `s`: the mark of a timestamp. Found from its ':' (memchr): a line has
/// few, and DCGAN's "[ 3 Epoch:[ 0/25] .." lines are searched in full.
bool hasClock(std::string_view s) {
    const char* const begin = s.data();
    const char* const end = begin + s.size();
    for (const char* p = begin; p < end;) {
        const auto* colon = static_cast<const char*>(std::memchr(p, ':', end - p));
        if (colon == nullptr) return false;
        if (colon - begin >= 2 && end - colon > 2 && isDigit(colon[-2]) && isDigit(colon[-1]) &&
            isDigit(colon[1]) && isDigit(colon[2]))
            return true;
        p = colon + 1;
    }
    return false;
}

std::string_view skipSeparators(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) || s.front() == '-' || s.front() == ':' ||
                          s.front() == '|' || s.front() == ']'))
        s.remove_prefix(1);
    return s;
}

/// absl/glog: `I0103 20:06:16.160465 139972513848384 train.py:81] message`.
std::string_view stripGlog(std::string_view text) {
    if (text.size() < 8 || std::string_view("IWEFD").find(text[0]) == std::string_view::npos)
        return {};
    for (std::size_t i = 1; i <= 4; ++i)
        if (!isDigit(text[i])) return {};
    if (text[5] != ' ') return {};
    const std::size_t close = text.substr(0, kMaxPrefix).find("] ");
    if (close == std::string_view::npos) return {};
    return text.substr(close + 2);
}

/// A date and time at the start: `2024-01-05 10:00:00,123`, `2023/06/04 00:43:21`.
std::size_t leadingDateTime(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '-' || s[i] == '/')) ++i;
    if (i < 8 || i >= s.size() || (s[i] != ' ' && s[i] != 'T')) return 0;
    std::size_t j = i + 1;
    while (j < s.size() && (isDigit(s[j]) || s[j] == ':' || s[j] == '.' || s[j] == ',')) ++j;
    return hasClock(s.substr(i + 1, j - i - 1)) ? j : 0;
}

/// loguru (YOLOX): after the level comes `yolox.core.trainer:247 - `, the source of the line.
std::string_view skipSource(std::string_view s) {
    const std::size_t space = s.find(' ');
    if (space == std::string_view::npos || space == 0 || s.substr(space, 3) != " - ") return s;
    const std::string_view source = s.substr(0, space);
    if (!isDigit(source.back()) || source.find(':') == std::string_view::npos) return s;
    return s.substr(space + 3);
}

/// A number, possibly with an attached unit or a trailing ':'.
bool numberToken(std::string_view t, textlog::NumberToken& number) {
    if (!t.empty() && t.back() == ':') t.remove_suffix(1);
    if (!textlog::parseNumber(t, number)) return false;
    const std::string_view rest = t.substr(number.length);
    return rest.empty() || textlog::isUnit(rest);
}

bool isRunningAverage(std::string_view t) {
    if (t.size() < 3 || t.front() != '(' || t.back() != ')') return false;
    textlog::NumberToken number;
    return textlog::parseNumber(t.substr(1, t.size() - 2), number) && number.length == t.size() - 2;
}

bool isFieldBreak(char c) {
    return (classOf(c) & kBreak) != 0;
}

/// "nan", "inf", "infinity" in any case: a value where it follows a name ("loss nan" is how
/// nanoGPT prints a diverged loss), never a word of one.
bool isNonFiniteWord(std::string_view t) {
    textlog::NumberToken number;
    return textlog::parseNumber(t, number) && number.length == t.size();
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
    out.clear();
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        std::uint8_t c = classOf(text[i]);
        if ((c & kBlank) != 0) {
            ++i;
            continue;
        }
        if ((c & kBreak) != 0) {
            out.push_back({text.substr(i, 1), i, false});
            ++i;
            continue;
        }
        // One pass over the piece finds its end and whether it is a word.
        const std::size_t start = i;
        const bool wordStart = (c & kWordStart) != 0;
        std::uint8_t all = kKeyChar;
        do {
            all &= c;
            if (++i == n) break;
            c = classOf(text[i]);
        } while ((c & (kBlank | kBreak)) == 0);
        out.push_back({text.substr(start, i - start), start, wordStart && (all & kKeyChar) != 0});
    }
}

std::string_view stripLogPrefix(std::string_view text) {
    if (const std::string_view rest = stripGlog(text); !rest.empty()) return rest;
    if (text.empty() || !(isDigit(text[0]) || text[0] == '[')) return text;
    const std::string_view window = text.substr(0, kMaxPrefix);
    // A level counts only after a clock: without one in the window, no level search is needed
    // (DCGAN's "[ 3 Epoch:[ 0/25] ..." lines start with '[' and have none).
    const bool clock = hasClock(window);
    for (std::string_view level : kLevels) {
        if (!clock) break;
        for (std::size_t at = window.find(level); at != std::string_view::npos;
             at = window.find(level, at + 1)) {
            const std::size_t end = at + level.size();
            const bool startOk = at > 0 && !isAlpha(text[at - 1]);
            const bool endOk = end >= text.size() || !isAlpha(text[end]);
            if (startOk && endOk && hasClock(text.substr(0, at)))
                return skipSource(skipSeparators(text.substr(end)));
        }
    }
    if (const std::size_t n = leadingDateTime(text); n > 0) return skipSeparators(text.substr(n));
    return text;
}

void extractSpacePairs(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                       std::vector<textlog::KeyValue>& out) {
    auto isTaken = [&](const Token& t) {
        return std::any_of(taken.begin(), taken.end(), [&](const auto& span) {
            return t.offset < span.second && t.offset + t.text.size() > span.first;
        });
    };
    std::size_t words = 0;  // consecutive word tokens right before the current one.
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (isTaken(t) || t.text == "-" || (t.text.size() == 1 && isFieldBreak(t.text[0]))) {
            words = 0;
            continue;
        }
        if (t.word && !(words > 0 && isNonFiniteWord(t.text))) {
            ++words;
            continue;
        }
        if (words > 0 && words <= kMaxKeyWords) {
            if (textlog::NumberToken value; numberToken(t.text, value)) {
                const Token& first = tokens[k - words];
                const Token& last = tokens[k - 1];
                const std::size_t keyLength = last.offset + last.text.size() - first.offset;
                if (keyLength > kMaxKeyLength) {
                    words = 0;
                    continue;
                }
                // Written in place, field by field: a copied KeyValue stalls on its stores.
                textlog::KeyValue& kv = out.emplace_back();
                kv.key = text.substr(first.offset, keyLength);
                kv.value.value = value.value;
                kv.value.integral = value.integral;
                kv.value.length = t.text.size();
                kv.value.at = t.offset;
                kv.keyOffset = first.offset;
                // A unit or a running average after the value belongs to it.
                while (k + 1 < tokens.size() && (textlog::isUnit(tokens[k + 1].text) ||
                                                 isRunningAverage(tokens[k + 1].text)))
                    ++k;
            }
        }
        words = 0;
    }
}

}  // namespace curvedoctor::core::console
