#include "core/loader_registry.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "core/file_bytes.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kSniffBytes = 64 * 1024;  // enough for a long header or JSON preamble.

std::string fileNameOf(const std::string& path) {
    return fs::path(path).filename().string();
}
}  // namespace

const LoaderRegistry& LoaderRegistry::builtin() {
    static const LoaderRegistry registry = [] {
        LoaderRegistry r;
        registerBuiltinLoaders(r);
        return r;
    }();
    return registry;
}

void LoaderRegistry::add(std::unique_ptr<Loader> loader) { m_loaders.push_back(std::move(loader)); }

const Loader* LoaderRegistry::pick(const SniffInput& input) const {
    const Loader* best = nullptr;
    int bestScore = confidence::kNone;
    for (const auto& loader : m_loaders) {
        const int score = loader->sniff(input);
        if (score > bestScore) {
            bestScore = score;
            best = loader.get();
        }
    }
    return best;
}

const Loader* LoaderRegistry::byId(std::string_view id) const {
    for (const auto& loader : m_loaders)
        if (loader->id() == id) return loader.get();
    return nullptr;
}

LoadBatch loadFile(const std::string& path, const LoaderRegistry& registry,
                   const LoadOptions& options) {
    LoadBatch batch;
    FileBytes bytes;
    std::string error;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > options.maxFileBytes) {
        batch.errors.push_back({path, "file is " + std::to_string(size >> 20) +
                                          " MiB, over the " +
                                          std::to_string(options.maxFileBytes >> 20) +
                                          " MiB limit; not loaded"});
        return batch;
    }
    if (!bytes.open(path, error)) {
        batch.errors.push_back({path, error});
        return batch;
    }
    if (bytes.size() == 0) {
        batch.errors.push_back({path, "file is empty"});
        return batch;
    }
    const std::string name = fileNameOf(path);
    SniffInput sniff{path, name, bytes.view().substr(0, kSniffBytes), false};
    const Loader* loader = options.forceFormat.empty() ? registry.pick(sniff)
                                                       : registry.byId(options.forceFormat);
    if (loader == nullptr) {
        batch.errors.push_back({path, options.forceFormat.empty()
                                          ? "not a training log this program can read"
                                          : "unknown format '" + options.forceFormat + "'"});
        return batch;
    }
    LoadResult result;
    try {
        result = loader->load(LoadInput{path, bytes.view(), options.progress});
    } catch (const std::exception& e) {
        // Loaders do not throw by contract; std::bad_alloc on a hostile file still might.
        result.error = std::string("internal error: ") + e.what();
    }
    batch.cancelled = result.cancelled;
    if (!result.error.empty()) batch.errors.push_back({path, result.error});
    for (auto& run : result.runs) {
        if (run.source.empty()) run.source = path;
        if (run.format.empty()) run.format = std::string(loader->id());
        if (run.name.empty()) run.name = fs::path(path).parent_path().filename().string();
        if (run.name.empty()) run.name = name;
        for (auto& [metric, series] : run.metrics) series.shrinkToFit();
        batch.runs.push_back(std::make_shared<const Run>(std::move(run)));
    }
    return batch;
}

LoadBatch loadPaths(const std::vector<std::string>& paths, const LoaderRegistry& registry,
                    const LoadOptions& options) {
    LoadBatch all;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        LoadOptions perPath = options;
        if (options.progress) {
            const double base = static_cast<double>(i) / static_cast<double>(paths.size());
            const double span = 1.0 / static_cast<double>(paths.size());
            perPath.progress = [&options, base, span](double f) {
                return options.progress(base + span * std::clamp(f, 0.0, 1.0));
            };
        }
        std::error_code ec;
        const bool isDir = fs::is_directory(paths[i], ec);
        LoadBatch one = isDir ? loadFolder(paths[i], registry, perPath)
                              : loadFile(paths[i], registry, perPath);
        if (isDir && one.runs.empty() && one.errors.empty() && !one.cancelled)
            one.errors.push_back({paths[i], "no training log found in this folder"});
        for (auto& r : one.runs) all.runs.push_back(std::move(r));
        for (auto& e : one.errors) all.errors.push_back(std::move(e));
        if (one.cancelled) {
            all.cancelled = true;
            break;
        }
        if (options.progress && !options.progress(static_cast<double>(i + 1) /
                                                  static_cast<double>(paths.size()))) {
            all.cancelled = true;
            break;
        }
    }
    return all;
}

}  // namespace curvedoctor::core
