#include "core/loaders/console/console_line_shapes.h"

#include <cstring>

namespace curvedoctor::core::console {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// `line` equals `shape` but for digits where `mayDiffer` allows another digit. Eight bytes
/// compared at once; only a word that differs is looked at byte by byte.
bool sameShape(std::string_view shape, const std::uint8_t* mayDiffer, std::string_view line) {
    const std::size_t n = line.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t a = 0;
        std::uint64_t b = 0;
        std::memcpy(&a, shape.data() + i, 8);
        std::memcpy(&b, line.data() + i, 8);
        if (a == b) continue;
        for (std::size_t j = i; j < i + 8; ++j)
            if (shape[j] != line[j] && (mayDiffer[j] == 0 || !isDigit(line[j]))) return false;
    }
    for (; i < n; ++i)
        if (shape[i] != line[i] && (mayDiffer[i] == 0 || !isDigit(line[i]))) return false;
    return true;
}

/// `view` moved from `from` to `to` (the same bytes at the same offsets) when it points into
/// `from`; kept otherwise (a name that is a literal of the reader).
std::string_view rebase(std::string_view view, std::string_view from, std::string_view to) {
    if (view.data() < from.data() || view.data() + view.size() > from.data() + from.size())
        return view;
    return to.substr(static_cast<std::size_t>(view.data() - from.data()), view.size());
}

}  // namespace

bool LineShapes::match(std::string_view line, bool inBlock, Record& record, bool& isRecord) {
    if (m_paused > 0) {
        --m_paused;
        return false;
    }
    for (std::size_t k = 0; k < kShapes; ++k) {
        const std::size_t index = (m_last + k) % kShapes;
        const Shape& shape = m_shapes[index];
        if (!shape.valid || shape.line.size() != line.size() || shape.inBlock != inBlock ||
            !sameShape(shape.line, shape.digitMayDiffer.data(), line))
            continue;
        record = shape.record;
        for (const Number& n : shape.numbers) {
            textlog::NumberToken token;
            if (!textlog::parseNumber(line.substr(n.at, n.length), token) ||
                token.length != n.length)
                return false;  // cannot happen for equal shapes; the full read decides then.
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
        return true;
    }
    if (++m_misses >= kMissesBeforePause) {
        m_misses = 0;
        m_paused = kPausedLines;
    }
    return false;
}

bool LineShapes::addNumber(Shape& shape, Number::Field field, std::size_t metric, std::size_t at) {
    const std::string_view line = shape.line;
    textlog::NumberToken token;
    if (at >= line.size() || !textlog::parseNumber(line.substr(at), token)) return false;
    const std::string_view number = line.substr(at, token.length);
    // A grouped "1,234" may be longer than the piece it was read from ("loss 1,234" is 1).
    if (number.find(',') != std::string_view::npos) return false;
    for (std::size_t i = at; i < at + token.length; ++i)
        if (isDigit(line[i])) shape.digitMayDiffer[i] = 1;
    shape.numbers.push_back({field, metric, at, token.length});
    return true;
}

void LineShapes::remember(std::string_view line, bool inBlock, const Record& record,
                          bool isRecord) {
    if (m_paused > 0) return;
    Shape& shape = m_shapes[m_oldest];
    m_oldest = (m_oldest + 1) % kShapes;
    shape.valid = false;
    if (line.size() > kMaxLine) return;
    const char* const text = record.text.data();
    if (text < line.data() || text + record.text.size() > line.data() + line.size()) return;
    const auto base = static_cast<std::size_t>(text - line.data());
    shape.line.assign(line);
    shape.digitMayDiffer.assign(line.size(), 0);
    // The logging prefix (a timestamp) is dropped by the kind of its bytes alone.
    for (std::size_t i = 0; i < base; ++i)
        if (isDigit(line[i])) shape.digitMayDiffer[i] = 1;
    shape.numbers.clear();
    using Field = Number::Field;
    bool ok = true;
    if (record.step) ok = ok && addNumber(shape, Field::Step, 0, base + record.step->at);
    if (record.epoch) ok = ok && addNumber(shape, Field::Epoch, 0, base + record.epoch->at);
    if (record.counter) ok = ok && addNumber(shape, Field::Counter, 0, base + record.counterAt);
    if (record.fraction)
        ok = ok && addNumber(shape, Field::Fraction, 0, base + record.fraction->at);
    for (std::size_t m = 0; ok && m < record.metrics.size(); ++m)
        ok = addNumber(shape, Field::Metric, m, base + record.metrics[m].at);
    if (!ok) return;
    shape.record = record;
    const std::string_view copy = shape.line;
    shape.record.text = rebase(record.text, line, copy);
    shape.record.category = rebase(record.category, line, copy);
    for (Metric& metric : shape.record.metrics) metric.key = rebase(metric.key, line, copy);
    shape.inBlock = inBlock;
    shape.isRecord = isRecord;
    shape.valid = true;
}

}  // namespace curvedoctor::core::console
