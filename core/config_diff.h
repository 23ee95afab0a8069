#pragma once
/// \file config_diff.h
/// What differs between two runs' hyperparameters: the keys one run has and the other lacks,
/// and the keys whose values differ. Values are compared as a person reads them: `0.001` and
/// `1e-3` are the same number, `True` and `true` the same flag.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

struct ConfigChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    std::string key;
    std::string before;  ///< empty for Added.
    std::string after;   ///< empty for Removed.
};

struct ConfigDiff {
    std::vector<ConfigChange> changes;  ///< by key, in key order.
    std::size_t identical = 0;          ///< keys both runs have with the same value.
};

/// The changes from `before` to `after`.
[[nodiscard]] ConfigDiff diffConfigs(const std::map<std::string, std::string>& before,
                                     const std::map<std::string, std::string>& after);

/// True when two hyperparameter values mean the same: equal text, equal finite numbers
/// (`3` and `3.0`, `0.001` and `1e-3`), or the same word ignoring ASCII case (`True`, `true`;
/// `None`, `null`, `~` and an empty value are all "no value", as in YAML).
[[nodiscard]] bool sameConfigValue(std::string_view a, std::string_view b);

/// "added", "removed" or "changed" (the JSON output's ids).
[[nodiscard]] std::string_view toString(ConfigChange::Kind kind);

}  // namespace curvedoctor::core
