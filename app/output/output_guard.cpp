#include "app/output/output_guard.h"

#include <sys/stat.h>

#include <filesystem>

namespace curvedoctor::app {
namespace {

namespace fs = std::filesystem;

// Folders below a run's source deeper than this are not looked into (the walker stops at 24).
constexpr int kMaxDepth = 32;

struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> idOf(const std::string& path, bool* isDirectory = nullptr) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    if (isDirectory) *isDirectory = S_ISDIR(st.st_mode);
    return FileId{st.st_dev, st.st_ino};
}

// `path` itself when it is the output; for a folder, the first file below it that is.
std::optional<std::string> findIn(const std::string& path, const FileId& target) {
    bool isDirectory = false;
    const auto id = idOf(path, &isDirectory);
    if (!id) return std::nullopt;
    if (!isDirectory) {
        if (*id == target) return path;
        return std::nullopt;
    }
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(path, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it.depth() > kMaxDepth) it.disable_recursion_pending();
        std::error_code typeEc;
        if (it->is_directory(typeEc)) continue;
        if (idOf(it->path().string()) == target) return it->path().string();
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> inputOverwrittenBy(const std::string& output,
                                              const std::vector<std::string>& paths,
                                              const core::LoadBatch& batch) {
    bool outputIsDirectory = false;
    const auto target = idOf(output, &outputIsDirectory);
    if (!target || outputIsDirectory) return std::nullopt;  // a new file, or the writer's error
    for (const std::string& p : paths) {
        bool isDirectory = false;
        if (idOf(p, &isDirectory) == target && !isDirectory) return p;
    }
    for (const core::RunPtr& run : batch.runs)
        if (auto hit = findIn(run->source, *target)) return hit;
    for (const core::LoadError& e : batch.errors)
        if (auto hit = findIn(e.source, *target)) return hit;
    return std::nullopt;
}

}  // namespace curvedoctor::app
