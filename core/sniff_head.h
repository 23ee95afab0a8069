#pragma once
/// \file sniff_head.h
/// The first bytes of a file that the loaders' sniffers see (SniffInput::head).
///
/// At least the first 64 KiB, extended so that it ends on a complete line and holds at least
/// kSniffMinLines complete lines, but never past kSniffMaxBytes: a CSV of 8,000 columns or an
/// MMDetection log.json whose first line is 67 kB is sniffed from whole lines, not from a line
/// cut in its middle. A file shorter than that is its own head.

#include <cstddef>
#include <string>
#include <string_view>

namespace curvedoctor::core {

inline constexpr std::size_t kSniffBytes = std::size_t{64} << 10;
inline constexpr std::size_t kSniffMaxBytes = std::size_t{4} << 20;
inline constexpr std::size_t kSniffMinLines = 5;

/// The head of a file whose bytes are all in `bytes`.
[[nodiscard]] std::string_view sniffHead(std::string_view bytes);

/// Reads the head of the regular file open as `fd` (from offset 0) into `head`; false with the
/// system's reason in `error` on a read error. An empty file gives an empty head.
bool readSniffHead(int fd, std::string& head, std::string& error);

}  // namespace curvedoctor::core
