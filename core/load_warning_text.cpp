#include "core/load_warning_text.h"

#include <string_view>

namespace curvedoctor::core {

std::string locatedMessage(const LoadWarning& w) {
    const std::string_view m = w.message;
    if (m.starts_with("line ") || m.starts_with("byte ")) return w.message;
    if (w.line > 0 && w.byteOffset >= 0)
        return "line " + std::to_string(w.line) + " (byte " + std::to_string(w.byteOffset) +
               "): " + w.message;
    if (w.line > 0) return "line " + std::to_string(w.line) + ": " + w.message;
    if (w.byteOffset >= 0) return "byte " + std::to_string(w.byteOffset) + ": " + w.message;
    return w.message;
}

}  // namespace curvedoctor::core
