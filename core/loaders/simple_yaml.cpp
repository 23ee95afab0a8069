#include "core/loaders/simple_yaml.h"

#include <vector>

#include "core/file_bytes.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kMaxYamlBytes = 1 << 20;

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::string unquote(std::string_view v) {
    if (v.size() >= 2 &&
        ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        return std::string(v.substr(1, v.size() - 2));
    return std::string(v);
}

// Removes a trailing " # comment" outside quotes.
std::string_view stripComment(std::string_view v) {
    char quote = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (i == 0) quote = c;
        } else if (c == '#' && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) {
            return trim(v.substr(0, i));
        }
    }
    return v;
}

// Position of the ':' that ends a mapping key ("key: value" or "key:"), or npos.
std::size_t keyColon(std::string_view s) {
    std::size_t start = 0;
    if (!s.empty() && (s[0] == '"' || s[0] == '\'')) {
        const auto close = s.find(s[0], 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        start = close + 1;
    }
    for (std::size_t i = start; i < s.size(); ++i) {
        if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) return i;
    }
    return std::string_view::npos;
}

struct Level {
    std::size_t indent;
    std::string key;
};

}  // namespace

std::map<std::string, std::string> parseSimpleYaml(std::string_view text) {
    std::map<std::string, std::string> out;
    std::map<std::string, std::vector<std::string>> lists;
    std::vector<Level> stack;
    std::string blockKey;  // collecting a `|` or `>` block scalar for this key.
    std::size_t blockIndent = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue;
        std::string_view body = trim(line);
        if (!blockKey.empty()) {
            if (indent > blockIndent) {
                std::string& v = out[blockKey];
                if (!v.empty()) v += ' ';
                v += body;
                continue;
            }
            blockKey.clear();
        }
        if (body.empty() || body[0] == '#' || body == "---" || body == "...") continue;
        while (!stack.empty() && stack.back().indent >= indent &&
               !(body.rfind("- ", 0) == 0 && stack.back().indent == indent))
            stack.pop_back();
        const std::string parent = stack.empty() ? std::string() : stack.back().key;
        if (body == "-" || body.rfind("- ", 0) == 0) {
            if (!parent.empty())
                lists[parent].push_back(unquote(stripComment(trim(body.substr(1)))));
            continue;
        }
        const auto colon = keyColon(body);
        if (colon == std::string_view::npos) continue;
        const std::string key = unquote(trim(body.substr(0, colon)));
        if (key.empty() || key.front() == ':') continue;
        const std::string full = parent.empty() ? key : parent + "." + key;
        const std::string_view value = stripComment(trim(body.substr(colon + 1)));
        if (value.empty() || value.rfind("!!", 0) == 0 || value.rfind('&', 0) == 0) {
            stack.push_back({indent, full});
            continue;
        }
        if (value[0] == '|' || value[0] == '>') {
            blockKey = full;
            blockIndent = indent;
            out[full];
            continue;
        }
        out[full] = unquote(value);
    }
    for (const auto& [key, items] : lists) {
        std::string v = "[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) v += ", ";
            v += items[i];
        }
        out[key] = v + "]";
    }
    return out;
}

std::map<std::string, std::string> readSimpleYamlFile(const std::string& path) {
    FileBytes bytes;
    std::string error;
    if (!bytes.open(path, error) || bytes.size() > kMaxYamlBytes) return {};
    return parseSimpleYaml(bytes.view());
}

}  // namespace curvedoctor::core
