#include "core/follow/follower.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "core/file_bytes.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

// A settled followed file (FollowedFile::settled) is looked at without an event every this
// many seconds.
constexpr long long kLookAtSettledEvery = 10;

// Files kept open between updates (FollowOptions::keepOpen): far below the usual limit of 1,024
// descriptors a process may have, whatever else the program opens.
constexpr std::size_t kMaxKeptOpen = 256;

// A file beside logs that may hold their hyperparameters (see FollowedFile::besideChanged).
bool isBesideFile(const std::string& path) {
    const auto endsWith = [&](std::string_view end) {
        return path.size() >= end.size() &&
               path.compare(path.size() - end.size(), end.size(), end) == 0;
    };
    return endsWith(".yaml") || endsWith(".yml");
}

bool isUnder(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           (path[folder.size()] == '/' || folder.back() == '/');
}

// A copy of `run` to hand to another thread, its step columns copied too (as
// FollowedFile::snapshot: a RunBuilder continuing `run` appends to them in place).
RunPtr copyForAnotherThread(const Run& run) {
    auto copy = std::make_shared<Run>(run);
    for (auto& [name, s] : copy->metrics) {
        if (!s.steps.empty()) s.steps = std::vector<std::int64_t>(s.steps.begin(), s.steps.end());
    }
    return copy;
}

// Bytes [from, size) of `fd` (fewer when the file is shorter), ending at a line end: only the
// complete lines.
std::string completeLinesFrom(int fd, std::uint64_t from, std::uint64_t size) {
    std::string buf(static_cast<std::size_t>(size - from), '\0');
    std::size_t got = 0;
    while (got < buf.size()) {
        const ssize_t n =
            ::pread(fd, buf.data() + got, buf.size() - got, static_cast<off_t>(from + got));
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    const std::size_t nl = std::string_view(buf.data(), got).rfind('\n');
    buf.resize(nl == std::string_view::npos ? 0 : nl + 1);
    return buf;
}

}  // namespace

Follower::Follower(const std::vector<std::string>& paths, FollowOptions follow, WatchOptions watch,
                   const LoaderRegistry& registry)
    : m_followOptions(follow), m_registry(&registry), m_watcher([&watch] {
          WatchOptions w = watch;
          w.readHeads = false;  // each FollowedFile checks its own head
          return w;
      }()) {
    for (const std::string& path : paths) this->follow(path);
}

void Follower::follow(const std::string& path) {
    followPath(path, false);
}

void Follower::followLoaded(const std::string& path) {
    followPath(path, true);
}

void Follower::followPath(const std::string& path, bool loadedByCaller) {
    if (std::find(m_roots.begin(), m_roots.end(), path) != m_roots.end()) return;
    m_roots.push_back(path);
    std::string error;
    if (!m_watcher.watch(path, error)) m_start.push_back(path + ": " + error);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        m_folders.push_back(path);
        walk(path, nullptr, loadedByCaller);
    } else if (std::none_of(m_items.begin(), m_items.end(),
                            [&](const Item& i) { return i.source == path; })) {
        add(path, false, loadedByCaller && fs::is_regular_file(path, ec), nullptr);
    }
}

std::vector<std::string> Follower::takeStartMessages(bool loadErrors) {
    std::vector<std::string> out = std::move(m_start);
    m_start.clear();
    if (loadErrors) out.insert(out.end(), m_startLoad.begin(), m_startLoad.end());
    m_startLoad.clear();
    return out;
}

std::unique_ptr<FollowedFile> Follower::openFollowed(const std::string& source) {
    FollowOptions options = m_followOptions;
    options.keepOpen = m_keptOpen < kMaxKeptOpen;
    if (options.keepOpen) ++m_keptOpen;
    return std::make_unique<FollowedFile>(source, *m_registry, options);
}

void Follower::add(const std::string& source, bool isFolder, bool waiting, Step* step,
                   const std::string& name) {
    Item item;
    item.source = source;
    item.isFolder = isFolder;
    item.waiting = waiting;
    std::string failed;
    if (waiting) {
        // Watched only: loaded when it first changes (loadWaiting).
    } else if (isFolder) {
        // An MLflow run read incrementally from now on, another folder run whole.
        std::string error;
        if (!reloadFolder(item, &error)) failed = source + ": " + error;
        // Named as the walk named it (by its path below the followed folder), not after
        // itself as a load of the run folder alone names it.
        if (!name.empty() && item.folderRun && item.folderRun->name != name) {
            auto named = std::make_shared<Run>(*item.folderRun);
            named->name = name;
            item.folderRun = std::move(named);
        }
        if (!name.empty() && item.mlflow) item.mlflow->run.name = name;
    } else {
        item.file = openFollowed(source);
        if (!item.file->loaded()) failed = source + ": " + item.file->error();
    }
    if (!failed.empty()) {
        // Said once, however often the folder is walked (a file still being started).
        if (step == nullptr) {
            m_startLoad.push_back(failed);
        } else if (m_walkMessages.insert(failed).second) {
            step->messages.push_back(failed);
        }
    }
    if (isFileItem(item)) m_fileItems.emplace(source, m_items.size());
    m_items.push_back(std::move(item));
    if (step != nullptr) step->changed.push_back(m_items.size() - 1);
}

void Follower::walk(const std::string& folder, Step* step, bool loadedByCaller) {
    LoadOptions options;
    options.maxFileBytes = m_followOptions.maxFileBytes;
    options.threads = 1;
    // The walk only learns which runs there are (files sniffed from their heads, folders
    // listed): a run it did not have before is loaded by add(), one the caller loaded waits.
    // Parsing every run here cost a 1,000-run sweep 1.5-2 s of CPU at each walk.
    options.sourcesOnly = true;
    options.keepRuns = false;
    const auto found = [&](const RunPtr& run) {
        if (std::any_of(m_items.begin(), m_items.end(),
                        [&](const Item& i) { return i.source == run->source; }))
            return;
        std::error_code ec;
        add(run->source, fs::is_directory(run->source, ec), loadedByCaller, step, run->name);
    };
    options.onRun = found;
    const LoadBatch batch = loadFolder(folder, *m_registry, options);
    for (const RunPtr& run : batch.runs) found(run);  // any the walk did not hand to onRun
    for (const LoadError& e : batch.errors) {
        const std::string line = e.source + ": " + e.message;
        if (!m_walkMessages.insert(line).second) continue;
        if (step != nullptr) {
            step->messages.push_back(line);
        } else {
            m_startLoad.push_back(line);
        }
    }
}

bool Follower::loadWaiting(Item& item) {
    if (!item.waiting) return false;
    if (item.isFolder) {
        if (!reloadFolder(item)) return false;  // still waits (its folder went, or failed)
        item.waiting = false;
        return true;
    }
    std::error_code ec;
    item.waitingGone = !fs::exists(item.source, ec);
    if (item.waitingGone) return false;  // the caller's run stays, marked gone
    item.waiting = false;
    item.file = openFollowed(item.source);
    return item.file->loaded();
}

void Follower::checkReadable(Item& item, Step& step) {
    // Effective ids, as an open would use (AT_EACCESS); one call, no open and close.
    if (::faccessat(AT_FDCWD, item.source.c_str(), R_OK, AT_EACCESS) == 0) {
        if (std::exchange(item.waitingUnreadable, false))
            step.messages.push_back(item.source + ": readable again");
        return;
    }
    const int e = errno;
    if (e == ENOENT || item.waitingUnreadable) return;  // a deletion is the watcher's to see
    item.waitingUnreadable = true;
    step.messages.push_back(item.source + ": cannot be read any more (" + std::strerror(e) +
                            "); the run loaded before is kept");
}

void Follower::load(std::size_t index) {
    loadWaiting(m_items[index]);
}

std::unique_ptr<Follower::MlflowRun> Follower::startMlflow(const Run& loaded) {
    auto m = std::make_unique<MlflowRun>();
    RunBuilder b;
    for (const auto& [name, path] : mlflowMetricFiles(loaded.source)) {
        std::string error;
        const int fd = openRegularFile(path, error);
        if (fd < 0) continue;
        struct stat st {};
        if (::fstat(fd, &st) == 0) {
            MetricTail& tail = m->files[name];
            tail.device = static_cast<std::uint64_t>(st.st_dev);
            tail.inode = static_cast<std::uint64_t>(st.st_ino);
            const std::string lines =
                completeLinesFrom(fd, 0, static_cast<std::uint64_t>(st.st_size));
            readMlflowMetricLines(lines, name, b, tail.state);
            tail.consumed = lines.size();
        }
        ::close(fd);
    }
    m->run = b.finish();
    m->run.name = loaded.name;
    m->run.source = loaded.source;
    m->run.format = loaded.format;
    m->run.hyperparameters = loaded.hyperparameters;
    return m;
}

int Follower::appendMlflow(const std::string& source, MlflowRun& m) {
    std::optional<RunBuilder> b;
    std::size_t seen = 0;
    int result = 0;
    for (const auto& [name, path] : mlflowMetricFiles(source)) {
        std::string error;
        const int fd = openRegularFile(path, error);
        if (fd < 0) continue;
        struct stat st {};
        const auto known = m.files.find(name);
        if (known != m.files.end()) ++seen;
        if (::fstat(fd, &st) != 0 ||
            (known != m.files.end() &&
             (known->second.device != static_cast<std::uint64_t>(st.st_dev) ||
              known->second.inode != static_cast<std::uint64_t>(st.st_ino) ||
              static_cast<std::uint64_t>(st.st_size) < known->second.consumed))) {
            ::close(fd);  // replaced or cut: only a whole load tells what it holds now
            result = -1;
            break;
        }
        MetricTail& tail = m.files[name];
        const auto size = static_cast<std::uint64_t>(st.st_size);
        if (size > tail.consumed) {
            const std::string lines = completeLinesFrom(fd, tail.consumed, size);
            if (!lines.empty()) {
                if (!b) b.emplace(std::move(m.run));
                const std::size_t before = b->pointCount();
                readMlflowMetricLines(lines, name, *b, tail.state);
                tail.consumed += lines.size();
                if (b->pointCount() != before) result = 1;
            }
        }
        ::close(fd);
    }
    if (b) m.run = b->finish();
    if (result >= 0 && seen < m.files.size()) result = -1;  // a metric file went
    return result;
}

bool Follower::reloadFolder(Item& item, std::string* error) {
    LoadOptions options;
    options.maxFileBytes = m_followOptions.maxFileBytes;
    options.threads = 1;
    LoadBatch batch = loadFolder(item.source, *m_registry, options);
    const auto same = std::find_if(batch.runs.begin(), batch.runs.end(),
                                   [&](const RunPtr& r) { return r->source == item.source; });
    if (same == batch.runs.end()) {
        if (error != nullptr)
            *error =
                batch.errors.empty() ? "no run found in this folder" : batch.errors.front().message;
        return false;
    }
    if ((*same)->format == "mlflow") {
        item.mlflow = startMlflow(**same);
        item.folderRun.reset();
    } else {
        item.mlflow.reset();
        item.folderRun = *same;
    }
    return true;
}

const Run& Follower::run(std::size_t index) const {
    static const Run kEmpty;
    const Item& item = m_items[index];
    if (item.file) return item.file->run();
    if (item.mlflow) return item.mlflow->run;
    return item.folderRun ? *item.folderRun : kEmpty;
}

bool Follower::loaded(std::size_t index) const {
    const Item& item = m_items[index];
    return item.file ? item.file->loaded() : item.mlflow || item.folderRun != nullptr;
}

RunPtr Follower::snapshot(std::size_t index) const {
    const Item& item = m_items[index];
    if (item.file) return item.file->snapshot();
    if (item.mlflow) return copyForAnotherThread(item.mlflow->run);
    return item.folderRun ? item.folderRun : std::make_shared<const Run>();
}

bool Follower::gone(std::size_t index) const {
    const Item& item = m_items[index];
    return item.file ? item.file->gone() : item.waitingGone;
}

Follower::Step Follower::wait(std::chrono::milliseconds timeout) {
    return takeIn(m_watcher.wait(timeout));
}

Follower::Step Follower::check() {
    return takeIn(m_watcher.check());
}

void Follower::followAppearedFolders(Step& step) {
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        if (!item.file || item.file->loaded() ||
            std::find(m_roots.begin(), m_roots.end(), item.source) == m_roots.end())
            continue;
        std::error_code ec;
        if (!fs::is_directory(item.source, ec)) continue;
        const std::string folder = item.source;
        item.file.reset();
        m_folders.push_back(folder);
        // Watched again as the folder it is now, with what is inside it.
        m_watcher.unwatch(folder);
        std::string error;
        if (!m_watcher.watch(folder, error)) step.messages.push_back(folder + ": " + error);
        // A run folder given itself (event files, an MLflow run) is this item's run; a logdir's
        // runs are found by the walk.
        if (reloadFolder(m_items[i])) {
            step.changed.push_back(i);
        } else {
            m_items[i].retired = true;
        }
        walk(folder, &step);
    }
}

Follower::Step Follower::takeIn(const std::vector<WatchEvent>& events) {
    Step step;
    bool rewalk = false;
    const auto now = std::chrono::steady_clock::now();
    for (const WatchEvent& e : events) {
        const bool appeared = e.kind == ChangeKind::NewFile || e.kind == ChangeKind::NewFolder;
        bool known = false;
        // A followed file by its path (100 followed files appended 10 times a second were
        // 100,000 path comparisons a second), a folder run by what is in it.
        if (const auto file = m_fileItems.find(e.path);
            file != m_fileItems.end() && isFileItem(m_items[file->second])) {
            m_items[file->second].dirty = true;
            known = true;
        }
        for (Item& item : m_items) {
            // A retired path (given before it existed, now a logdir) claims nothing: its runs
            // are items of their own, and a file in it that is no run yet must set off a walk.
            if (isFileItem(item) || item.retired) continue;
            if (e.path == item.source || isUnder(e.path, item.source)) {
                item.dirty = true;
                known = true;
                if (!isUnder(e.path, item.source + "/metrics")) item.outsideMetrics = true;
            }
        }
        if (appeared) rewalk = true;
        // A YAML file beside a followed log (Lightning's hparams.yaml, Ultralytics' args.yaml)
        // holds its hyperparameters, which appended lines are parsed without.
        if (!known && e.kind != ChangeKind::Deleted && isBesideFile(e.path)) {
            const std::string folder = fs::path(e.path).parent_path().string();
            for (Item& item : m_items) {
                if (isFileItem(item) && fs::path(item.source).parent_path().string() == folder)
                    item.besideChanged = true;
            }
        }
        // A file that was no run when its folder was walked may be one now: a trainer creates
        // metrics.csv and writes its header when its buffer first fills, so the walk that the
        // new file set off found it empty. Its growth walks the folders again, at most three
        // times a file and once a second, so a growing checkpoint costs three walks, not one
        // a second.
        if (!known && !appeared &&
            (e.kind == ChangeKind::Grew || e.kind == ChangeKind::Rewritten ||
             e.kind == ChangeKind::Replaced || e.kind == ChangeKind::Reappeared)) {
            UnknownTries& tries = m_unknownTries[e.path];
            tries.pending = tries.walks < 3;
        }
    }
    // A file is looked at when the watcher saw it change, and once a second when it is not
    // settled (one stat each), so that a half-written record's patience runs out and a file
    // that has not loaded yet is tried again. A settled file's change is the watcher's to see
    // (inotify or its poll); all of them are looked at every kLookAtSettledEvery seconds too
    // (a lost read permission, which the watcher does not read heads to see).
    const bool all = now >= m_nextLookAtAll;
    if (all) m_nextLookAtAll = now + std::chrono::seconds(1);
    const bool settledToo = all && ++m_looksAtAll % kLookAtSettledEvery == 0;
    for (auto& [path, tries] : m_unknownTries) {
        if (!tries.pending || now < tries.next) continue;
        tries.pending = false;
        ++tries.walks;
        tries.next = now + std::chrono::seconds(1);
        rewalk = true;
    }
    if (all || !events.empty()) followAppearedFolders(step);
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        if (item.waiting) {
            // First change since the caller loaded it: loaded whole here, and posted whole.
            const bool dirty = std::exchange(item.dirty, false);
            const bool beside = std::exchange(item.besideChanged, false);
            item.outsideMetrics = false;
            if ((dirty || beside) && loadWaiting(item)) step.changed.push_back(i);
            // A lost read permission changes no content the watcher sees: checked as a
            // settled followed file's is, every kLookAtSettledEvery seconds.
            if (settledToo && item.waiting && !item.isFolder && !item.waitingGone)
                checkReadable(item, step);
            continue;
        }
        const bool look =
            item.file && (item.dirty || (all && (settledToo || !item.file->settled())));
        if (item.file && (look || item.besideChanged)) {
            FollowUpdate u = look ? item.file->update() : FollowUpdate{};
            if (std::exchange(item.besideChanged, false) && item.file->besideChanged().changed)
                u.changed = true;
            item.dirty = false;
            if (u.changed) step.changed.push_back(i);
            for (auto& m : u.messages) step.messages.push_back(std::move(m));
        } else if (item.dirty) {
            item.dirty = false;
            if (item.retired) continue;
            const bool outside = std::exchange(item.outsideMetrics, false);
            const int appended =
                item.mlflow && !outside ? appendMlflow(item.source, *item.mlflow) : -1;
            if (appended > 0 || (appended < 0 && reloadFolder(item))) step.changed.push_back(i);
        }
    }
    if (rewalk) {
        for (const std::string& folder : m_folders) walk(folder, &step);
    }
    return step;
}

}  // namespace curvedoctor::core
