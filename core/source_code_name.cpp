#include "core/source_code_name.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace curvedoctor::core {

bool isSourceCodeName(std::string_view fileName) {
    // The languages training code and its launchers are written in; lower case, with the dot.
    static constexpr std::array<std::string_view, 24> kExtensions{
        ".py",  ".pyi", ".pyx",  ".ipynb", ".sh",  ".bash", ".zsh", ".ps1",
        ".bat", ".c",   ".cc",   ".cpp",   ".cxx", ".h",    ".hpp", ".cu",
        ".js",  ".ts",  ".java", ".rs",    ".go",  ".jl",   ".lua", ".rb"};
    const std::size_t dot = fileName.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    std::string ext(fileName.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

}  // namespace curvedoctor::core
