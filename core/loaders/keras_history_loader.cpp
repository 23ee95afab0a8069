#include "core/loaders/keras_history_loader.h"

#include <string>

#include "core/json/json_reader.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {
namespace {

bool looksLikeHistoryKey(std::string_view key) {
    return key.find("loss") != std::string_view::npos ||
           key.find("acc") != std::string_view::npos || key.rfind("val_", 0) == 0;
}

std::string_view withoutBom(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return bytes;
}

/// "\"name\" " + `what`: built by appends (GCC 12's -Wrestrict misfires on operator+ chains).
std::string quoted(std::string_view key, std::string_view what) {
    std::string message = "\"";
    message.append(key).append("\" ").append(what);
    return message;
}

/// Reads one member's value into the builder: a list gives its numbers (the elements before a
/// cut are kept, `cut` is set). Returns the list's length; -2 when the value is not a list (it is
/// skipped with a warning); -1 when the text ends inside the value.
std::int64_t readList(JsonReader& r, RunBuilder& b, std::string_view key, std::string_view text,
                      bool& cut) {
    const JsonType type = r.peek();
    if (type != JsonType::Array) {
        const std::size_t at = r.offset();
        if (!r.skipValue()) return -1;
        b.warn(LoadWarningCode::NotANumber, JsonReader::lineOf(text, at),
               static_cast<std::int64_t>(at), quoted(key, "is not a list of numbers; skipped"));
        return -2;
    }
    r.beginArray();
    const std::size_t index = b.series(key);
    std::int64_t i = 0;
    while (r.nextElement()) {
        const std::size_t at = r.offset();
        const JsonType element = r.peek();
        if (element == JsonType::Null) {
            r.readNull();
        } else if (element == JsonType::Number) {
            double v = 0.0;
            if (!r.readNumber(v)) break;
            // Line 0: counting lines here would make the load quadratic; the byte says where.
            b.add(index, i, v, static_cast<double>(i), RunBuilder::kUnknown, 0,
                  static_cast<std::int64_t>(at));
        } else {
            if (!r.skipValue()) break;
            b.warn(LoadWarningCode::NotANumber, JsonReader::lineOf(text, at),
                   static_cast<std::int64_t>(at),
                   quoted(key, std::string("element ")
                                   .append(std::to_string(i))
                                   .append(" is not a number; skipped")));
        }
        ++i;
    }
    if (!r.ok()) cut = true;
    return i;
}

}  // namespace

int KerasHistoryJsonLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory || input.head.empty()) return confidence::kNone;
    JsonReader r(withoutBom(input.head));
    if (r.peek() != JsonType::Object || !r.beginObject()) return confidence::kNone;
    std::string_view key;
    bool named = false;
    int lists = 0;
    // The head may end inside a list: what was read up to there decides.
    while (r.nextKey(key)) {
        named = named || looksLikeHistoryKey(key);
        if (r.peek() != JsonType::Array || !r.beginArray()) return confidence::kNone;
        while (r.nextElement()) {
            const JsonType t = r.peek();
            if (t != JsonType::Number && t != JsonType::Null) return confidence::kNone;
            if (!r.skipValue()) break;
        }
        if (!r.ok()) break;
        ++lists;
    }
    const bool started = lists > 0 || r.offset() > 0;
    return started && named ? confidence::kLikely : confidence::kNone;
}

LoadResult KerasHistoryJsonLoader::load(const LoadInput& input) const {
    LoadResult result;
    const std::string_view text = withoutBom(input.bytes);
    JsonReader r(text);
    if (r.peek() != JsonType::Object || !r.beginObject()) {
        result.error = "not a JSON object of lists";
        return result;
    }
    RunBuilder b;
    std::string_view key;
    std::int64_t length = -1;
    bool cut = false;
    while (!cut && r.nextKey(key)) {
        const std::string name(key);
        const std::int64_t n = readList(r, b, name, text, cut);
        if (n == -1) break;
        if (n < 0 || cut) continue;
        if (length >= 0 && n != length)
            b.warn(LoadWarningCode::Other, 0, -1,
                   quoted(name, std::string("has ")
                                    .append(std::to_string(n))
                                    .append(" epochs, the lists before it ")
                                    .append(std::to_string(length))));
        length = n;
    }
    if (!r.ok()) {
        const std::size_t at = r.errorOffset();
        b.warn(LoadWarningCode::CutShort, JsonReader::lineOf(text, at),
               static_cast<std::int64_t>(at),
               std::string("line ")
                   .append(std::to_string(JsonReader::lineOf(text, at)))
                   .append(": ")
                   .append(r.error())
                   .append("; the values before it are loaded"));
    }
    if (b.pointCount() == 0) {
        result.error = r.ok() ? "no lists of numbers" : r.error();
        return result;
    }
    b.run().format = std::string(id());
    result.runs.push_back(b.finish());
    return result;
}

std::unique_ptr<Loader> makeKerasHistoryJsonLoader() {
    return std::make_unique<KerasHistoryJsonLoader>();
}

}  // namespace curvedoctor::core
