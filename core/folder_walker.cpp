// Folder loading, the way TensorBoard walks a logdir: every folder that holds logs is one run,
// named by its path relative to the folder that was opened (the opened folder itself by its own
// name). A folder loader (TensorBoard event files, MLflow run folders) may claim a folder as a
// whole or a part of it; every other file is offered to the file loaders. A file no loader
// claims is listed in LoadBatch::skipped with the reason (empty, binary, no training log) when
// its name says it could be a log (.csv, .tsv, .txt, .log, .out, .json, .jsonl); others
// (checkpoints, images, configs, code: core/source_code_name.h) are ignored silently by design: a
// run folder holds dozens of those, and naming them would bury the files a person expected to load.
// TensorBoard's "Download CSV" files (one tag each) of one run in a folder are merged into that
// run. Folders load in parallel (LoadOptions::threads); the batch keeps the order of a depth-first
// walk of sorted names whatever the threads did.
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <system_error>
#include <thread>

#include "core/loader_registry.h"
#include "core/parallel_for.h"
#include "core/source_code_name.h"
#include "core/text_encoding.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

// Deeper than any real log tree; stops runaway walks through odd mounts.
constexpr int kMaxDepth = 24;

struct Found {
    Run run;
    fs::path file;             // empty for a run loaded from the folder as a whole
    bool loaderNamed = false;  // a folder loader gave it a name (MLflow's run name)
};

// A file whose name says it could be a training log (see the top of this file).
bool mayBeLog(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.empty() || name[0] == '.') return false;
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv" || ext == ".tsv" || ext == ".txt" || ext == ".log" || ext == ".out" ||
           ext == ".json" || ext == ".jsonl";
}

// Why no loader claimed `file`, from its first bytes.
SkipReason whyNotRead(const fs::path& file) {
    std::array<char, 4096> buffer{};
    std::ifstream in(file, std::ios::binary);
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::string_view head(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (head.empty()) return SkipReason::Empty;
    if (!startsWithUtf16Bom(head) && head.find('\0') != std::string_view::npos)
        return SkipReason::Binary;
    return SkipReason::NoTrainingLog;
}

// One folder of the walk: what it gave, and its sub-folders in name order.
struct DirNode {
    fs::path dir;
    int depth = 0;
    std::vector<RunPtr> runs;
    std::vector<LoadError> errors;
    std::vector<SkippedFile> skipped;
    std::vector<std::unique_ptr<DirNode>> children;
    bool done = false;  // walked (or never to be): runs and children are final
};

class FolderWalker {
public:
    FolderWalker(const fs::path& root, const LoaderRegistry& registry, const LoadOptions& options)
        : m_root(root), m_registry(registry), m_options(options) {}

    LoadBatch run() {
        std::error_code ec;
        if (m_options.progress) {
            for (fs::recursive_directory_iterator
                     it(m_root, fs::directory_options::skip_permission_denied, ec),
                 end;
                 !ec && it != end; it.increment(ec)) {
                if (it.depth() > kMaxDepth) it.disable_recursion_pending();
                if (it->is_regular_file(ec)) ++m_totalFiles;
            }
        }
        DirNode root{m_root, 0, {}, {}, {}, {}};
        m_queue.push_back(&root);
        m_emit.push_back({&root, kRunsNotSent});
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < workerCount(SIZE_MAX, m_options.threads); ++t)
            helpers.emplace_back([this] { work(); });
        work();
        helpers.clear();
        LoadBatch batch;
        batch.cancelled = m_cancelled.load();
        collect(root, batch);
        return batch;
    }

private:
    std::string nameOf(const fs::path& p) const {
        if (p == m_root) {
            const fs::path normal = m_root.lexically_normal();
            std::string name = normal.filename().string();
            if (name.empty()) name = normal.parent_path().filename().string();  // "dir/"
            return name.empty() ? normal.string() : name;
        }
        return p.lexically_relative(m_root).generic_string();
    }

    // Hands out folders until none is queued and none is being read (which could queue more).
    void work() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return !m_queue.empty() || m_busy == 0; });
            if (m_queue.empty()) return;
            DirNode* node = m_queue.front();
            m_queue.pop_front();
            ++m_busy;
            lock.unlock();
            // Loaders never throw by contract; memory can still run out on a hostile file.
            try {
                walk(*node);
            } catch (const std::bad_alloc&) {
                node->errors.push_back({node->dir.string(), "out of memory while loading"});
            } catch (const std::exception& e) {
                node->errors.push_back(
                    {node->dir.string(), std::string("internal error: ") + e.what()});
            }
            if (m_options.onRun) {
                const std::lock_guard callbackLock(m_callbackMutex);
                node->done = true;
                sendFinishedRuns();
            }
            lock.lock();
            --m_busy;
            m_wake.notify_all();
        }
    }

    // Hands the caller the runs of finished folders in walk order, up to the first folder still
    // loading. Called with m_callbackMutex held.
    void sendFinishedRuns() {
        while (!m_emit.empty()) {
            auto& [node, next] = m_emit.back();
            if (next == kRunsNotSent) {
                if (!node->done) return;
                for (const RunPtr& run : node->runs) m_options.onRun(run);
                if (!m_options.keepRuns) node->runs = {};
                next = 0;
            }
            if (next < node->children.size())
                m_emit.push_back({node->children[next++].get(), kRunsNotSent});
            else
                m_emit.pop_back();
        }
    }

    // The tree in depth-first order: each folder's runs and errors before its sub-folders'.
    static void collect(DirNode& node, LoadBatch& batch) {
        for (auto& r : node.runs) batch.runs.push_back(std::move(r));
        for (auto& e : node.errors) batch.errors.push_back(std::move(e));
        for (auto& s : node.skipped) batch.skipped.push_back(std::move(s));
        for (auto& child : node.children) collect(*child, batch);
    }

    bool tick(std::size_t files) {
        if (m_cancelled.load()) return false;
        if (!m_options.progress) return true;
        const std::lock_guard lock(m_callbackMutex);
        m_doneFiles += files;
        if (m_totalFiles == 0) return true;
        if (!m_options.progress(std::min(
                1.0, static_cast<double>(m_doneFiles) / static_cast<double>(m_totalFiles)))) {
            m_cancelled = true;
            return false;
        }
        return true;
    }

    void tickBelow(const fs::path& dir) {
        if (m_options.progress) tick(countFilesBelow(dir));
    }

    void finishRun(DirNode& node, Run&& run, const std::string& source) {
        if (run.source.empty()) run.source = source;
        run.shrinkToFit();
        node.runs.push_back(std::make_shared<const Run>(std::move(run)));
    }

    void walk(DirNode& node) {
        if (m_cancelled.load()) return;
        const fs::path& dir = node.dir;
        std::vector<LoadError>& errors = node.errors;
        std::error_code ec;
        std::vector<fs::path> files;
        std::vector<fs::path> dirs;
        // No skip_permission_denied: a folder that cannot be listed is said so, not skipped.
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            std::error_code typeEc;
            const fs::file_status status = it->status(typeEc);  // follows symlinks
            if (typeEc) {
                // A symlink that leads nowhere or loops: an entry that cannot be read.
                if (!name.empty() && name[0] != '.')
                    errors.push_back({it->path().string(), typeEc.message()});
                continue;
            }
            // Symlinked folders could loop; logdirs do not need them.
            if (fs::is_directory(status) && !it->is_symlink(typeEc)) {
                if (!name.empty() && name[0] != '.') dirs.push_back(it->path());
            } else if (fs::is_regular_file(status)) {
                files.push_back(it->path());
            }
        }
        if (ec) errors.push_back({dir.string(), "cannot list folder: " + ec.message()});
        std::sort(files.begin(), files.end());
        std::sort(dirs.begin(), dirs.end());

        std::vector<Found> found;
        std::set<fs::path> consumed;
        const std::string dirPath = dir.string();
        const std::string dirName = dir.filename().string();
        const SniffInput folderSniff{dirPath, dirName, {}, true};
        if (const Loader* loader = m_registry.pick(folderSniff)) {
            LoadResult result;
            try {
                LoadInput input{dir.string(), {}, {}};
                input.sourcesOnly = m_options.sourcesOnly;
                result = loader->load(input);
            } catch (const std::exception& e) {
                result.error = std::string("internal error: ") + e.what();
            }
            if (!result.error.empty()) errors.push_back({dir.string(), result.error});
            for (auto& run : result.runs) {
                const bool named = !run.name.empty();
                if (run.format.empty()) run.format = std::string(loader->id());
                found.push_back({std::move(run), {}, named});
            }
            if (result.consumed.empty()) {
                // The whole folder is one run (an MLflow run folder): nothing inside is walked.
                nameAndStore(found, node);
                tickBelow(dir);
                return;
            }
            for (const auto& c : result.consumed) consumed.insert(fs::path(c));
        }

        for (const auto& file : files) {
            if (m_cancelled.load()) return;
            if (consumed.count(file) != 0) {
                tick(1);
                continue;
            }
            loadFileInFolder(file, found, errors, node.skipped);
            if (!tick(1)) return;
        }
        mergeTensorboardExports(found);
        nameAndStore(found, node);

        std::vector<DirNode*> queued;
        for (const auto& sub : dirs) {
            if (consumed.count(sub) != 0) {
                tickBelow(sub);
                continue;
            }
            auto& child = node.children.emplace_back(
                std::make_unique<DirNode>(DirNode{sub, node.depth + 1, {}, {}, {}, {}}));
            if (child->depth > kMaxDepth) {
                child->errors.push_back(
                    {sub.string(), "nested deeper than " + std::to_string(kMaxDepth) +
                                       " folders below the opened one; not read"});
                child->done = true;
            } else {
                queued.push_back(child.get());
            }
        }
        if (queued.empty()) return;
        const std::lock_guard lock(m_mutex);
        m_queue.insert(m_queue.end(), queued.begin(), queued.end());
        m_wake.notify_all();
    }

    void loadFileInFolder(const fs::path& file, std::vector<Found>& found,
                          std::vector<LoadError>& errors, std::vector<SkippedFile>& skipped) {
        // Opened and sniffed once; files no loader claims (checkpoints, images) are passed over
        // silently, before they are read whole or refused for their size. A file that cannot be
        // opened is named, as it is when given directly.
        LoadOptions quiet = m_options;
        quiet.progress = nullptr;
        quiet.forceFormat.clear();
        // Program source (the script that wrote the logs) is read only when its content is
        // unmistakably a log (a trainer_state.json committed as __init__.py, hf_trainer_04 of
        // ../shared/realworld): its `print(f"loss={loss}")` lines read as a key=value log.
        if (isSourceCodeName(file.filename().string())) quiet.minConfidence = confidence::kLikely;
        FileLoad one = loadFileRuns(file.string(), m_registry, quiet, IfUnclaimed::Ignore);
        if (!one.claimed && one.errors.empty() && one.runs.empty() && !one.cancelled &&
            mayBeLog(file))
            skipped.push_back({m_root.string(), nameOf(file), whyNotRead(file)});
        for (auto& e : one.errors) errors.push_back(std::move(e));
        for (auto& run : one.runs) found.push_back({std::move(run), file, false});
    }

    // TensorBoard's "Download CSV" gives a file per tag, `run-<run>-tag-<tag>.csv` (the loader
    // names the run after `<run>`, or after the folder for `run-.-tag-...` and plain `<tag>.csv`
    // exports): the files of one run name in a folder become one run, with a metric per tag.
    static void mergeTensorboardExports(std::vector<Found>& found) {
        std::vector<Found> out;
        std::map<std::string, std::size_t> groupOf;  // run name -> its index in `out`
        for (Found& f : found) {
            if (f.run.format != "tensorboard_csv" || f.file.empty()) {
                out.push_back(std::move(f));
                continue;
            }
            const auto [group, isNew] = groupOf.emplace(f.run.name, out.size());
            if (isNew) {
                f.loaderNamed = true;  // by its run name, unless it is the folder's one run.
                out.push_back(std::move(f));
                continue;
            }
            Found& into = out[group->second];
            if (!into.file.empty()) {  // its second file: the run is the folder's from now on.
                nameWarnings(into.run, into.file);
                into.file.clear();
                into.run.source.clear();
            }
            nameWarnings(f.run, f.file);
            for (auto& [metric, series] : f.run.metrics) {
                if (into.run.metrics.emplace(metric, std::move(series)).second) continue;
                into.run.warnings.push_back(
                    {0, -1,
                     "tag '" + metric + "' is also in another file of this run; " +
                         f.file.filename().string() + " not loaded",
                     LoadWarningCode::DuplicateColumn, f.file.filename().string()});
            }
            for (auto& w : f.run.warnings) into.run.warnings.push_back(std::move(w));
            assignRoles(into.run);
        }
        // One run in the folder is named by the folder (nameAndStore); several by their names.
        if (out.size() == 1 && out.front().run.format == "tensorboard_csv")
            out.front().loaderNamed = false;
        found = std::move(out);
    }

    static void nameWarnings(Run& run, const fs::path& file) {
        for (LoadWarning& w : run.warnings)
            if (w.file.empty()) w.file = file.filename().string();
    }

    // One run from a folder is named by the folder; several are named by their files.
    void nameAndStore(std::vector<Found>& found, DirNode& node) {
        const fs::path& dir = node.dir;
        for (auto& f : found) {
            if (!f.loaderNamed) {
                f.run.name = (found.size() == 1 || f.file.empty()) ? nameOf(dir) : nameOf(f.file);
            }
            const std::string source = f.file.empty() ? dir.string() : f.file.string();
            finishRun(node, std::move(f.run), source);
        }
        found.clear();
    }

    static std::size_t countFilesBelow(const fs::path& dir) {
        std::size_t n = 0;
        std::error_code ec;
        for (fs::recursive_directory_iterator
                 it(dir, fs::directory_options::skip_permission_denied, ec),
             end;
             !ec && it != end; it.increment(ec)) {
            if (it.depth() > kMaxDepth) it.disable_recursion_pending();
            if (it->is_regular_file(ec)) ++n;
        }
        return n;
    }

    fs::path m_root;
    const LoaderRegistry& m_registry;
    const LoadOptions& m_options;
    std::atomic<bool> m_cancelled{false};
    std::size_t m_totalFiles = 0;
    std::mutex m_mutex;  // the queue and m_busy
    std::condition_variable m_wake;
    std::deque<DirNode*> m_queue;
    std::size_t m_busy = 0;
    // The caller's callbacks are called one at a time, whichever thread has news.
    std::mutex m_callbackMutex;
    std::size_t m_doneFiles = 0;
    // Where sendFinishedRuns stopped: folders on the path from the root, each with the next of
    // its sub-folders to send (kRunsNotSent: its own runs first).
    static constexpr std::size_t kRunsNotSent = SIZE_MAX;
    std::vector<std::pair<DirNode*, std::size_t>> m_emit;
};

}  // namespace

LoadBatch loadFolder(const std::string& path, const LoaderRegistry& registry,
                     const LoadOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        LoadBatch batch;
        batch.errors.push_back({path, "not a folder"});
        return batch;
    }
    return FolderWalker(fs::path(path), registry, options).run();
}

}  // namespace curvedoctor::core
