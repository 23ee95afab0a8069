#pragma once
// A strict UTF-8 check for tests of the --json output, written independently of the writer:
// it decodes each code point and rejects overlong forms, surrogates, values above U+10FFFF,
// stray continuation bytes and cut sequences (what Python's json.load on bytes rejects).

#include <cstddef>
#include <string_view>

namespace curvedoctor::app::test {

/// The byte offset of the first ill-formed sequence, or npos when `s` is valid UTF-8.
inline std::size_t firstInvalidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        if ((b0 & 0xE0) == 0xC0) {
            n = 2, cp = b0 & 0x1F, min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            n = 3, cp = b0 & 0x0F, min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            n = 4, cp = b0 & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + n > s.size()) return i;
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n;
    }
    return std::string_view::npos;
}

}  // namespace curvedoctor::app::test
