#include "core/loader_registry.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <new>
#include <system_error>

#include "core/file_bytes.h"
#include "core/file_stream.h"
#include "core/parallel_for.h"
#include "core/sniff_head.h"
#include "core/text_encoding.h"

#include <sys/stat.h>
#include <unistd.h>

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

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

void LoaderRegistry::add(std::unique_ptr<Loader> loader) {
    m_loaders.push_back(std::move(loader));
}

const Loader* LoaderRegistry::pick(const SniffInput& input, int atLeast) const {
    const Loader* best = nullptr;
    int bestScore = std::max(confidence::kNone, atLeast - 1);
    for (const auto& loader : m_loaders) {
        const int score = loader->sniff(input);
        if (score > bestScore) {
            bestScore = score;
            best = loader.get();
            // No sniffer says more than certain, and ties go to the first: the rest cannot win.
            if (score >= confidence::kCertain) break;
        }
    }
    return best;
}

const Loader* LoaderRegistry::byId(std::string_view id) const {
    for (const auto& loader : m_loaders)
        if (loader->id() == id) return loader.get();
    return nullptr;
}

namespace {

// The file changed while it was read, and what was read is what it starts with now (it grew,
// most likely): the loaders drop a torn last line or record, this says why.
std::string changedWarning(std::size_t bytesRead) {
    return "the file changed while it was read (still being written?); loaded its first " +
           std::to_string(bytesRead) + " bytes";
}

// Runs a loader (which never throws by contract; std::bad_alloc on a hostile file still might)
// and files its runs and error into `out`; `note`, when set, becomes each run's first warning.
void runLoader(const Loader& loader, const LoadInput& input, const std::string& name, FileLoad& out,
               const std::string& note = {}) {
    LoadResult result;
    try {
        result = loader.load(input);
    } catch (const std::exception& e) {
        result.error = std::string("internal error: ") + e.what();
    }
    const std::string& path = input.path;
    out.cancelled = result.cancelled;
    if (!result.error.empty()) out.errors.push_back({path, result.error});
    for (auto& run : result.runs) {
        if (run.source.empty()) run.source = path;
        if (run.format.empty()) run.format = std::string(loader.id());
        if (run.name.empty()) run.name = fs::path(path).parent_path().filename().string();
        if (run.name.empty()) run.name = name;
        run.shrinkToFit();
        if (!note.empty())
            run.warnings.insert(run.warnings.begin(),
                                LoadWarning{0, -1, note, LoadWarningCode::ChangedWhileRead, {}});
        out.runs.push_back(std::move(run));
    }
}

// The loader for a file whose head is `sniff.head`, or nullptr with the error filed in `out`.
const Loader* pickLoader(const LoaderRegistry& registry, const LoadOptions& options,
                         const SniffInput& sniff, IfUnclaimed ifUnclaimed, FileLoad& out) {
    const std::string path(sniff.path);
    const Loader* loader = options.forceFormat.empty() ? registry.pick(sniff, options.minConfidence)
                                                       : registry.byId(options.forceFormat);
    if (loader == nullptr) {
        if (!options.forceFormat.empty())
            out.errors.push_back({path, "unknown format '" + options.forceFormat + "'"});
        else if (ifUnclaimed == IfUnclaimed::Error)
            out.errors.push_back({path, "not a training log this program can read"});
    }
    out.claimed = loader != nullptr;
    return loader;
}

// A UTF-16 text file (it starts with a byte-order mark): read whole, turned into UTF-8, then
// sniffed and loaded like any other text. Line numbers in warnings stay right; byte offsets
// count the UTF-8 bytes.
FileLoad loadUtf16(int fd, const std::string& path, const std::string& name,
                   const std::string& head, const LoaderRegistry& registry,
                   const LoadOptions& options, IfUnclaimed ifUnclaimed) {
    FileLoad out;
    // Sniffed from the decoded head first: a binary file that happens to start with FF FE is
    // not read whole.
    const Loader* loader =
        pickLoader(registry, options, SniffInput{path, name, head, false}, ifUnclaimed, out);
    if (loader == nullptr) return out;
    FileBytes bytes;
    std::string error;
    if (!bytes.read(fd, error, options.maxFileBytes)) {
        out.errors.push_back({path, error});
        return out;
    }
    const std::string text = utf16ToUtf8(bytes.view());
    runLoader(*loader, LoadInput{path, text, options.progress}, name, out,
              bytes.changedWhileRead() ? changedWarning(bytes.size()) : std::string());
    return out;
}

// A file read by a loader that streams(): parsed as it is read, never whole in memory. Read
// again when it was rewritten meanwhile, as FileBytes::read does.
void loadStreamed(int fd, const Loader& loader, const std::string& path, const std::string& name,
                  const std::string& head, const LoadOptions& options, FileLoad& out) {
    std::uint64_t lastRead = 0;
    for (int attempt = 0; attempt < FileBytes::kMaxTries; ++attempt) {
        FileStream stream(fd, attempt > 0);
        std::string error;
        if (!stream.start(options.maxFileBytes, error)) {
            out.errors.push_back({path, error});
            return;
        }
        FileLoad one;
        runLoader(loader, LoadInput{path, head, options.progress, true, &stream}, name, one);
        const FileStream::Outcome outcome = stream.finish();
        if (outcome == FileStream::Outcome::Failed) {
            out.errors.push_back({path, stream.error()});
            return;
        }
        lastRead = stream.delivered();
        if (outcome == FileStream::Outcome::Rewritten && !one.cancelled) continue;
        if (outcome == FileStream::Outcome::Grew) {
            for (Run& run : one.runs)
                run.warnings.insert(
                    run.warnings.begin(),
                    LoadWarning{
                        0, -1, changedWarning(lastRead), LoadWarningCode::ChangedWhileRead, {}});
        }
        one.claimed = out.claimed;
        out = std::move(one);
        return;
    }
    out.errors.push_back({path, "changed during each of " + std::to_string(FileBytes::kMaxTries) +
                                    " reads (" + std::to_string(lastRead) +
                                    " bytes at the last); rewritten while it is read? not loaded"});
}

class FdCloser {
public:
    explicit FdCloser(int fd) : m_fd(fd) {}
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;
    ~FdCloser() {
        if (m_fd >= 0) ::close(m_fd);
    }

private:
    int m_fd;
};

}  // namespace

FileLoad loadFileRuns(const std::string& path, const LoaderRegistry& registry,
                      const LoadOptions& options, IfUnclaimed ifUnclaimed) {
    FileLoad out;
    std::string error;
    const int fd = openRegularFile(path, error);
    if (fd < 0) {
        out.errors.push_back({path, error});
        return out;
    }
    const FdCloser closer(fd);
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        out.errors.push_back({path, std::strerror(errno)});
        return out;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    // A file named by the user is refused for its size at once; in a folder walk only a file
    // some loader claims is (checkpoints of many gigabytes sit beside logs).
    const bool tooLarge = size > options.maxFileBytes;
    if (tooLarge && ifUnclaimed == IfUnclaimed::Error) {
        out.errors.push_back({path, overLimitMessage(size, options.maxFileBytes)});
        return out;
    }
    // Sniffed once, from the head alone: a file no loader claims (a 1 GiB checkpoint, garbage)
    // is never read whole.
    std::string head;
    if (!readSniffHead(fd, head, error)) {
        out.errors.push_back({path, error});
        return out;
    }
    if (head.empty()) {
        if (ifUnclaimed == IfUnclaimed::Error) out.errors.push_back({path, "file is empty"});
        return out;
    }
    const std::string name = fileNameOf(path);
    if (startsWithUtf16Bom(head))
        return loadUtf16(fd, path, name, utf16ToUtf8(head), registry, options, ifUnclaimed);
    const Loader* loader =
        pickLoader(registry, options, SniffInput{path, name, head, false}, ifUnclaimed, out);
    if (loader == nullptr) return out;
    if (tooLarge) {
        out.errors.push_back({path, overLimitMessage(size, options.maxFileBytes)});
        return out;
    }
    // TensorBoard CSV exports are merged by the run names inside them (the folder walk), so
    // they are read whole even when only sources are asked for (small files, downloaded once).
    if (options.sourcesOnly && loader->id() != "tensorboard_csv") {
        Run run;
        run.source = path;
        run.format = std::string(loader->id());
        out.runs.push_back(std::move(run));
        return out;
    }
    if (loader->streams()) {
        loadStreamed(fd, *loader, path, name, head, options, out);
        return out;
    }
    FileBytes bytes;
    if (!bytes.read(fd, error, options.maxFileBytes)) {
        out.errors.push_back({path, error});
        return out;
    }
    if (bytes.size() == 0) {
        out.errors.push_back({path, "file is empty"});
        return out;
    }
    runLoader(*loader, LoadInput{path, bytes.view(), options.progress}, name, out,
              bytes.changedWhileRead() ? changedWarning(bytes.size()) : std::string());
    return out;
}

LoadBatch loadFile(const std::string& path, const LoaderRegistry& registry,
                   const LoadOptions& options) {
    FileLoad one = loadFileRuns(path, registry, options, IfUnclaimed::Error);
    LoadBatch batch;
    batch.cancelled = one.cancelled;
    batch.errors = std::move(one.errors);
    for (Run& run : one.runs) batch.runs.push_back(std::make_shared<const Run>(std::move(run)));
    return batch;
}

namespace {

LoadBatch loadOnePath(const std::string& path, const LoaderRegistry& registry,
                      const LoadOptions& options) {
    std::error_code ec;
    const bool isDir = fs::is_directory(path, ec);
    LoadBatch one = isDir ? loadFolder(path, registry, options) : loadFile(path, registry, options);
    if (isDir && one.runs.empty() && one.errors.empty() && !one.cancelled)
        one.errors.push_back({path, "no training log found in this folder"});
    return one;
}

}  // namespace

LoadBatch loadPaths(const std::vector<std::string>& paths, const LoaderRegistry& registry,
                    const LoadOptions& options) {
    const std::size_t n = paths.size();

    // Each path's share of the progress bar, reported as it moves; a false from the caller's
    // callback stops every worker before its next path (and the loaders inside theirs).
    std::mutex progressMutex;
    std::vector<double> fraction(n, 0.0);
    std::atomic<bool> cancelled{false};
    auto report = [&](std::size_t i, double f) {
        if (!options.progress) return !cancelled.load();
        std::lock_guard lock(progressMutex);
        fraction[i] = std::clamp(f, 0.0, 1.0);
        double total = 0.0;
        for (double x : fraction) total += x;
        if (!options.progress(total / static_cast<double>(n))) cancelled = true;
        return !cancelled.load();
    };

    std::vector<LoadBatch> results(n);
    parallelFor(
        n, options.threads,
        [&](std::size_t i) {
            LoadOptions perPath = options;
            if (options.progress)
                perPath.progress = [&report, i](double f) { return report(i, f); };
            // Loaders never throw by contract; memory can still run out on a hostile file,
            // and that must cost this path only, not the others' results.
            try {
                results[i] = loadOnePath(paths[i], registry, perPath);
            } catch (const std::bad_alloc&) {
                results[i] = {};
                results[i].errors.push_back({paths[i], "out of memory while loading; not loaded"});
            } catch (const std::exception& e) {
                results[i] = {};
                results[i].errors.push_back({paths[i], std::string("internal error: ") + e.what()});
            }
            if (results[i].cancelled) cancelled = true;
            if (!cancelled.load()) report(i, 1.0);
        },
        &cancelled);

    LoadBatch all;
    all.cancelled = cancelled.load();
    for (LoadBatch& one : results) {
        for (auto& r : one.runs) all.runs.push_back(std::move(r));
        for (auto& e : one.errors) all.errors.push_back(std::move(e));
        for (auto& f : one.skipped) all.skipped.push_back(std::move(f));
    }
    return all;
}

}  // namespace curvedoctor::core
