#pragma once
/// \file severity.h
/// How bad a finding is.

#include <string_view>

namespace curvedoctor::core {

/// Ordered from mild to bad: a larger value is worse.
enum class Severity { Info, Warning, Error };

/// "info", "warning", "error".
[[nodiscard]] std::string_view toString(Severity s);

}  // namespace curvedoctor::core
