#pragma once
/// \file loader_registry.h
/// The one place that knows every loader, and the entry point that turns paths into runs.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/loader.h"
#include "core/run.h"

namespace curvedoctor::core {

class LoaderRegistry {
public:
    /// A registry holding every built-in loader (see builtin_loaders.cpp).
    static const LoaderRegistry& builtin();

    void add(std::unique_ptr<Loader> loader);
    /// The loader with the highest confidence of at least `atLeast` (above zero), or nullptr.
    /// Ties go to the loader registered first, so specific formats are registered before
    /// generic ones. The first loader that says confidence::kCertain wins without asking the
    /// ones after it.
    [[nodiscard]] const Loader* pick(const SniffInput& input, int atLeast = 1) const;
    [[nodiscard]] const Loader* byId(std::string_view id) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Loader>>& loaders() const { return m_loaders; }

private:
    std::vector<std::unique_ptr<Loader>> m_loaders;
};

/// Adds every built-in loader to `registry`, most specific first. Adding a format is one line
/// there.
void registerBuiltinLoaders(LoaderRegistry& registry);

/// A file or folder that could not be loaded. `message` is one line and names the line or byte
/// offset where that applies; `source` is the path.
struct LoadError {
    std::string source;
    std::string message;
};

struct LoadBatch {
    std::vector<RunPtr> runs;
    std::vector<LoadError> errors;
    /// Files of opened folders that no loader read, and why (not errors: the rest loaded).
    /// Files that are obviously not logs (checkpoints, images, configs) are not listed.
    std::vector<SkippedFile> skipped;
    bool cancelled = false;
};

struct LoadOptions {
    /// Files larger than this are refused with a message instead of exhausting memory.
    std::uint64_t maxFileBytes = 4ULL << 30;
    /// Overall progress over all paths, 0..1. Return false to cancel.
    ProgressFn progress;
    /// Forces a loader by id instead of sniffing (empty: sniff).
    std::string forceFormat;
    /// The least confidence a sniffer must say to read a file (confidence::kLikely: the
    /// content must carry the format's markers; a name or a generic table is not enough).
    int minConfidence = 1;
    /// Paths (each on its own thread) and folders inside a folder loaded at once; 0: one per
    /// hardware thread. Results keep the order of the paths and of the walk either way.
    unsigned threads = 0;
    /// Folder loads: called with each run as the walker has it (a viewer shows runs as they
    /// arrive), from any loading thread but one call at a time (as `progress`), a folder's runs
    /// when it is read and those before it are. The runs are in LoadBatch::runs all the same.
    std::function<void(const RunPtr&)> onRun;
    /// Folder loads with onRun: false lets each run go once onRun had it, and LoadBatch::runs
    /// stays empty (a caller that only needs to know which runs there are holds no copy of them
    /// all at once).
    bool keepRuns = true;
    /// Folder loads: each run is found, not read: a Run with its source and format only (no
    /// metrics, its name not final). Files are sniffed from their heads; folder loaders list
    /// what they claim (LoadInput::sourcesOnly; the TensorBoard one does, MLflow and W&B
    /// folders are still read, and TensorBoard CSV exports, merged by the run names inside
    /// them). What a follower needs to know which runs there are: a sweep of 1,000 runs is
    /// listed without parsing its 399 MB.
    bool sourcesOnly = false;
};

/// Loads each path: a file through the loader that claims it, a folder by walking it.
/// Never throws; every failure becomes a LoadError and the other paths still load.
[[nodiscard]] LoadBatch loadPaths(const std::vector<std::string>& paths,
                                  const LoaderRegistry& registry = LoaderRegistry::builtin(),
                                  const LoadOptions& options = {});

/// Loads one file (not a folder). Fills `errors` on failure.
[[nodiscard]] LoadBatch loadFile(const std::string& path, const LoaderRegistry& registry,
                                 const LoadOptions& options);

/// What loadFileRuns does with a file no loader claims.
enum class IfUnclaimed {
    Error,   ///< "not a training log this program can read" (a file named by the user)
    Ignore,  ///< nothing (a checkpoint or image met while walking a folder)
};

/// One file's runs before they are shared, so the folder walker can still name them.
struct FileLoad {
    std::vector<Run> runs;
    std::vector<LoadError> errors;
    bool cancelled = false;
    bool claimed = false;  ///< a loader took the file (runs or errors came from it)
};

/// loadFile's work: opens the file once, sniffs its head once (core/sniff_head.h) and reads the
/// file whole (or streams it) only when a loader claims it. Never throws.
[[nodiscard]] FileLoad loadFileRuns(const std::string& path, const LoaderRegistry& registry,
                                    const LoadOptions& options, IfUnclaimed ifUnclaimed);

/// Loads one folder: each folder inside it that holds logs becomes a run (see folder_walker.cpp).
[[nodiscard]] LoadBatch loadFolder(const std::string& path, const LoaderRegistry& registry,
                                   const LoadOptions& options);

}  // namespace curvedoctor::core
