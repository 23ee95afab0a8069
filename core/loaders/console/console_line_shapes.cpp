#include "core/loaders/console/console_line_shapes.h"

#include <algorithm>
#include <cstring>

namespace curvedoctor::core::console {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// A number may start after `c`: a blank or one of `([:=|;` (not `,`, which groups digits, nor
/// `/`, before a total, nor a byte of a name).
bool startsNumberAfter(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == '[' || c == ':' || c == '=' || c == '|' ||
           c == ';';
}

/// `n` bytes of `a` and `b` equal; eight compared at once.
bool equalBytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; n -= 8, a += 8, b += 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

/// `view` moved from `from` to `to` (the same bytes at the same offsets) when it points into
/// `from`; kept otherwise (a name that is a literal of the reader).
std::string_view rebase(std::string_view view, std::string_view from, std::string_view to) {
    if (view.data() < from.data() || view.data() + view.size() > from.data() + from.size())
        return view;
    return to.substr(static_cast<std::size_t>(view.data() - from.data()), view.size());
}

bool within(std::string_view view, std::string_view text) {
    return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
}

}  // namespace

void LineShapes::findRuns(std::string_view text, std::vector<FoundRun>& runs) {
    runs.clear();
    const bool quoted = text.find_first_of("'\"") != std::string_view::npos;
    const std::size_t n = text.size();
    std::size_t chainEnd = std::string_view::npos;  // the end of the last run that starts a number.
    for (std::size_t i = 0; i < n;) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        const std::size_t a = i;
        while (i < n && isDigit(text[i])) ++i;
        bool starts = a == 0;
        std::size_t start = a;
        if (a > 0) {
            const char c = text[a - 1];
            const bool afterStart = a == 1 || startsNumberAfter(text[a - 2]);
            if (startsNumberAfter(c)) {
                starts = true;
            } else if (c == '-' || c == '+' || c == '.') {
                starts = afterStart || (c == '.' && chainEnd == a - 1);
                start = a - 1;
            }
        }
        if (starts) {
            // "3/ 50", "3/-50": a total, however it is spaced or signed.
            while (start > 0 && (text[start - 1] == '-' || text[start - 1] == '+')) --start;
            while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
            if (start > 0 && text[start - 1] == '/') starts = false;
        }
        chainEnd = starts ? i : std::string_view::npos;
        RunKind kind = RunKind::Fixed;
        if (starts && !quoted) {
            const bool comma = (a > 0 && text[a - 1] == ',') || (i < n && text[i] == ',');
            kind = comma ? RunKind::SameWidth : RunKind::Free;
        }
        runs.push_back({a, i - a, kind});
    }
}

bool LineShapes::sameShape(const Shape& shape, std::string_view text) {
    const char* const s = shape.text.data();
    const char* const t = text.data();
    const std::size_t n = text.size();
    std::size_t sp = 0;
    std::size_t tp = 0;
    std::ptrdiff_t shift = 0;
    m_shift.resize(shape.runs.size() + 1);
    m_shift[0] = 0;
    for (std::size_t k = 0; k < shape.runs.size(); ++k) {
        const DigitRun& run = shape.runs[k];
        const std::size_t literal = run.at - sp;
        if (tp + literal > n || !equalBytes(s + sp, t + tp, literal)) return false;
        sp = run.at + run.length;
        tp += literal;
        if (run.widthMayChange) {
            std::size_t digits = 0;
            while (tp + digits < n && isDigit(t[tp + digits])) ++digits;
            if (digits == 0) return false;
            tp += digits;
            shift += static_cast<std::ptrdiff_t>(digits) - static_cast<std::ptrdiff_t>(run.length);
        } else {
            if (tp + run.length > n) return false;
            for (std::size_t j = 0; j < run.length; ++j)
                if (!isDigit(t[tp + j])) return false;
            tp += run.length;
        }
        m_shift[k + 1] = shift;
    }
    const std::size_t rest = shape.text.size() - sp;
    return n - tp == rest && equalBytes(s + sp, t + tp, rest);
}

const Record* LineShapes::match(std::string_view text, bool inBlock, bool& isRecord) {
    if (text.size() < 3) return nullptr;  // not remembered, and no miss either.
    if (m_paused > 0) {
        --m_paused;
        return nullptr;
    }
    for (std::size_t k = 0; k < kShapes; ++k) {
        // The last shape, then the one remembered after it: logs cycle through their shapes.
        const std::size_t index = (m_last + k) % kShapes;
        Shape& shape = m_shapes[index];
        if (!shape.valid || shape.inBlock != inBlock || shape.text[0] != text[0] ||
            !sameShape(shape, text))
            continue;
        Record& record = shape.record;
        for (const Number& n : shape.numbers) {
            const auto at =
                static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.at) + m_shift[n.firstRun]);
            const auto end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.at + n.length) +
                                                      m_shift[n.endRun]);
            textlog::NumberToken token;
            if (!textlog::parseNumber(text.substr(at), token) || at + token.length != end)
                return nullptr;  // cannot happen for equal shapes; the full read decides then.
            switch (n.field) {
                case Number::Field::Step:
                    record.step->value = token.value;
                    break;
                case Number::Field::Epoch:
                    record.epoch->value = token.value;
                    break;
                case Number::Field::Counter:
                    record.counter = token.value;
                    break;
                case Number::Field::Fraction:
                    record.fraction->value = token.value;
                    break;
                case Number::Field::Metric:
                    record.metrics[n.metric].value = token.value;
                    break;
            }
        }
        isRecord = shape.isRecord;
        m_last = index;
        m_misses = 0;
        return &record;
    }
    if (++m_misses >= kMissesBeforePause) {
        m_misses = 0;
        m_paused = kPausedLines;
    }
    return nullptr;
}

bool LineShapes::addNumber(Shape& shape, Number::Field field, std::size_t metric, std::size_t at) {
    const std::string_view text = shape.text;
    textlog::NumberToken token;
    if (at >= text.size() || !textlog::parseNumber(text.substr(at), token)) return false;
    // A grouped "1,234" may be longer than the piece it was read from ("loss 1,234" is 1).
    if (text.substr(at, token.length).find(',') != std::string_view::npos) return false;
    const std::size_t end = at + token.length;
    Number number{field, metric, at, token.length, 0, 0};
    // Runs of the number, if it took any (not "nan"), start at its start or after; none
    // straddles its start or end.
    for (const DigitRun& run : shape.runs) {
        const std::size_t runEnd = run.at + run.length;
        if ((run.at < at && runEnd > at) || (run.at < end && runEnd > end)) return false;
        if (run.at < at) ++number.firstRun;
        if (run.at < end) ++number.endRun;
    }
    shape.numbers.push_back(number);
    return true;
}

void LineShapes::remember(std::string_view text, bool inBlock, const Record& record,
                          bool isRecord) {
    // Blank and very short lines (parseRecord reads nothing from them) take no shape's place.
    if (m_paused > 0 || text.size() < 3 || text.size() > kMaxLine ||
        record.text.data() != text.data() || record.text.size() != text.size())
        return;
    Shape& shape = m_shapes[m_oldest];
    m_oldest = (m_oldest + 1) % kShapes;
    shape.valid = false;
    shape.text.assign(text);
    // The numbers of the record may hold other digits wherever they stand; other runs of
    // digits only where they start a number.
    std::vector<FoundRun>& found = m_found;
    findRuns(text, found);
    auto taken = [&](std::size_t at) {
        textlog::NumberToken token;
        if (at >= text.size() || !textlog::parseNumber(text.substr(at), token)) return;
        for (FoundRun& run : found)
            if (run.at >= at && run.at < at + token.length && run.kind == RunKind::Fixed)
                run.kind = RunKind::SameWidth;
    };
    if (record.step) taken(record.step->at);
    if (record.epoch) taken(record.epoch->at);
    if (record.counter) taken(record.counterAt);
    if (record.fraction) taken(record.fraction->at);
    for (const Metric& metric : record.metrics) taken(metric.at);
    shape.runs.clear();
    for (const FoundRun& run : found)
        if (run.kind != RunKind::Fixed)
            shape.runs.push_back({static_cast<std::uint32_t>(run.at),
                                  static_cast<std::uint32_t>(run.length),
                                  run.kind == RunKind::Free});
    // A name is never a number; if a run that may change lies in one, the shape is not kept.
    auto fixedName = [&](std::string_view name) {
        if (!within(name, text)) return true;
        const auto from = static_cast<std::size_t>(name.data() - text.data());
        return std::none_of(shape.runs.begin(), shape.runs.end(), [&](const DigitRun& run) {
            return run.at < from + name.size() && run.at + run.length > from;
        });
    };
    if (!fixedName(record.category)) return;
    for (const Metric& metric : record.metrics)
        if (!fixedName(metric.key)) return;
    shape.numbers.clear();
    using Field = Number::Field;
    bool ok = true;
    if (record.step) ok = ok && addNumber(shape, Field::Step, 0, record.step->at);
    if (record.epoch) ok = ok && addNumber(shape, Field::Epoch, 0, record.epoch->at);
    if (record.counter) ok = ok && addNumber(shape, Field::Counter, 0, record.counterAt);
    if (record.fraction) ok = ok && addNumber(shape, Field::Fraction, 0, record.fraction->at);
    for (std::size_t m = 0; ok && m < record.metrics.size(); ++m)
        ok = addNumber(shape, Field::Metric, m, record.metrics[m].at);
    if (!ok) return;
    shape.record = record;
    const std::string_view copy = shape.text;
    shape.record.text = copy;
    shape.record.category = rebase(record.category, text, copy);
    for (Metric& metric : shape.record.metrics) metric.key = rebase(metric.key, text, copy);
    shape.inBlock = inBlock;
    shape.isRecord = isRecord;
    shape.valid = true;
}

}  // namespace curvedoctor::core::console
