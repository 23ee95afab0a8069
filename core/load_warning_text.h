#pragma once
/// \file load_warning_text.h
/// A load warning, and the files a folder walk skipped, as one line for people, shared by the
/// window's banner and the command line.

#include <string>
#include <utility>
#include <vector>

#include "core/load_warning.h"

namespace curvedoctor::core {

/// "line 3 (byte 120): message", "line 3: message", "byte 120: message", or the message alone
/// when it has no place or already begins with it (a loader's own "line 3 (byte 1328): ..."),
/// so the place is never said twice.
[[nodiscard]] std::string locatedMessage(const LoadWarning& w);

/// One line per opened folder, in the order the folders first appear: the folder, and "skipped 3
/// files: a.csv (empty), b.csv (binary, not text), notes.txt (no training log found)"; past
/// kSkippedNamed files, "and N more".
[[nodiscard]] std::vector<std::pair<std::string, std::string>> skippedSummaries(
    const std::vector<SkippedFile>& skipped);
inline constexpr std::size_t kSkippedNamed = 10;

}  // namespace curvedoctor::core
