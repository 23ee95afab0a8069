#pragma once
/// \file load_warning_text.h
/// A load warning as one line for people, shared by the window's banner and `inspect`.

#include <string>

#include "core/load_warning.h"

namespace curvedoctor::core {

/// "line 3 (byte 120): message", "line 3: message", "byte 120: message", or the message alone
/// when it has no place or already begins with it (a loader's own "line 3 (byte 1328): ..."),
/// so the place is never said twice.
[[nodiscard]] std::string locatedMessage(const LoadWarning& w);

}  // namespace curvedoctor::core
