#pragma once
/// \file text_encoding.h
/// UTF-16 text files (Windows tools and PowerShell's `>` write them) turned into the UTF-8 that
/// every loader reads.

#include <string>
#include <string_view>

namespace curvedoctor::core {

/// True when `bytes` start with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian).
[[nodiscard]] bool startsWithUtf16Bom(std::string_view bytes);

/// `bytes` (which start with a UTF-16 BOM) as UTF-8 without the BOM. An unpaired surrogate
/// becomes U+FFFD; a last odd byte is dropped.
[[nodiscard]] std::string utf16ToUtf8(std::string_view bytes);

}  // namespace curvedoctor::core
