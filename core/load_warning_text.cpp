#include "core/load_warning_text.h"

#include <string_view>
#include <utility>

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

std::vector<std::pair<std::string, std::string>> skippedSummaries(
    const std::vector<SkippedFile>& skipped) {
    std::vector<std::pair<std::string, std::string>> lines;
    std::vector<std::size_t> counts;
    for (const SkippedFile& f : skipped) {
        std::size_t i = 0;
        while (i < lines.size() && lines[i].first != f.folder) ++i;
        if (i == lines.size()) {
            lines.emplace_back(f.folder, std::string());
            counts.push_back(0);
        }
        if (counts[i]++ >= kSkippedNamed) continue;
        std::string& text = lines[i].second;
        if (!text.empty()) text += ", ";
        text.append(f.file).append(" (").append(info(f.reason).text).append(")");
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t n = counts[i];
        std::string text = "skipped " + std::to_string(n) + (n == 1 ? " file: " : " files: ");
        text += lines[i].second;
        if (n > kSkippedNamed) text += " and " + std::to_string(n - kSkippedNamed) + " more";
        lines[i].second = std::move(text);
    }
    return lines;
}

}  // namespace curvedoctor::core
