#pragma once
/// \file headless.h
/// The command line's Qt-free half: `--help`, `--version`, `inspect`, `diagnose` and `diff`
/// (and the refusal of an unknown option). Both programs run it first: `curvedoctor`, which
/// loads no Qt library and hands everything else to `curvedoctor-ui`, and `curvedoctor-ui`
/// itself.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace curvedoctor::app {

/// Runs `args` (the arguments after the program name) when they name a Qt-free command and
/// returns its exit status; std::nullopt when they need the UI: `report`, or paths (and
/// `--session`, `--screenshot`) that open the window.
[[nodiscard]] std::optional<int> runHeadless(const std::vector<std::string>& args,
                                             std::ostream& out, std::ostream& err);

}  // namespace curvedoctor::app
