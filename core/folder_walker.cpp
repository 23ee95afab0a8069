// Folder loading. For now: every file some loader claims becomes its own run, named by its
// path relative to the opened folder. (Grouping event files and MLflow run folders into one run
// per folder arrives with the format-reader issue.)
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/loader_registry.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

LoadBatch loadFolder(const std::string& path, const LoaderRegistry& registry,
                     const LoadOptions& options) {
    LoadBatch batch;
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) batch.errors.push_back({path, ec.message()});
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        LoadOptions quiet = options;
        quiet.progress = nullptr;
        LoadBatch one = loadFile(file.string(), registry, quiet);
        for (auto& run : one.runs) {
            Run copy = *run;
            copy.name = fs::relative(file, path, ec).string();
            batch.runs.push_back(std::make_shared<const Run>(std::move(copy)));
        }
        // Inside a folder, files no loader claims (checkpoints, images) are not errors.
        for (auto& e : one.errors)
            if (e.message != "not a training log this program can read") batch.errors.push_back(e);
    }
    return batch;
}

}  // namespace curvedoctor::core
