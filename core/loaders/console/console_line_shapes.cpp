#include "core/loaders/console/console_line_shapes.h"

namespace curvedoctor::core::console {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// `line` equals `shape` but for digits where `mayDiffer` allows another digit. One pass
/// without an early exit: the lines are short, and the loop has no branch to mispredict.
bool sameShape(std::string_view shape, const std::uint8_t* mayDiffer, std::string_view line) {
    unsigned bad = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto digit = static_cast<unsigned>(static_cast<unsigned char>(line[i] - '0') < 10);
        const auto differs = static_cast<unsigned>(shape[i] != line[i]);
        bad |= differs & ~(mayDiffer[i] & digit);
    }
    return bad == 0;
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
        return true;
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
    // After '/', a number may be a total, whose value the general scan compares with 0.
    std::size_t before = at;
    while (before > 0 && (line[before - 1] == ' ' || line[before - 1] == '\t')) --before;
    if (before > 0 && line[before - 1] == '/') return false;
    for (std::size_t i = at; i < at + token.length; ++i)
        if (isDigit(line[i])) shape.digitMayDiffer[i] = 1;
    shape.numbers.push_back({field, metric, at, token.length});
    return true;
}

void LineShapes::remember(std::string_view line, bool inBlock, const Record& record,
                          bool isRecord) {
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
