#include "core/config_diff.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace curvedoctor::core {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0)
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0)
        s.remove_suffix(1);
    return s;
}

/// The value as a finite number when the whole text is one (a leading '+' allowed).
std::optional<double> asNumber(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isNoValue(const std::string& lower) {
    return lower.empty() || lower == "none" || lower == "null" || lower == "~";
}

}  // namespace

bool sameConfigValue(std::string_view a, std::string_view b) {
    a = trimmed(a);
    b = trimmed(b);
    if (a == b) return true;
    const auto x = asNumber(a);
    const auto y = asNumber(b);
    if (x && y) return *x == *y;
    if (x || y) return false;
    const std::string la = lowered(a);
    const std::string lb = lowered(b);
    return la == lb || (isNoValue(la) && isNoValue(lb));
}

ConfigDiff diffConfigs(const std::map<std::string, std::string>& before,
                       const std::map<std::string, std::string>& after) {
    ConfigDiff diff;
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            diff.changes.push_back({ConfigChange::Kind::Removed, b->first, b->second, {}});
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            diff.changes.push_back({ConfigChange::Kind::Added, a->first, {}, a->second});
            ++a;
        } else {
            if (sameConfigValue(b->second, a->second)) {
                ++diff.identical;
            } else {
                diff.changes.push_back(
                    {ConfigChange::Kind::Changed, b->first, b->second, a->second});
            }
            ++a;
            ++b;
        }
    }
    return diff;
}

std::string_view toString(ConfigChange::Kind kind) {
    switch (kind) {
        case ConfigChange::Kind::Added:
            return "added";
        case ConfigChange::Kind::Removed:
            return "removed";
        case ConfigChange::Kind::Changed:
            return "changed";
    }
    return "changed";
}

}  // namespace curvedoctor::core
