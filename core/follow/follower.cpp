#include "core/follow/follower.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

// Files kept open between updates (FollowOptions::keepOpen): far below the usual limit of 1,024
// descriptors a process may have, whatever else the program opens.
constexpr std::size_t kMaxKeptOpen = 256;

bool isUnder(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           (path[folder.size()] == '/' || folder.back() == '/');
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
    if (std::find(m_roots.begin(), m_roots.end(), path) != m_roots.end()) return;
    m_roots.push_back(path);
    std::string error;
    if (!m_watcher.watch(path, error)) m_start.push_back(path + ": " + error);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        m_folders.push_back(path);
        walk(path, nullptr);
    } else if (std::none_of(m_items.begin(), m_items.end(),
                            [&](const Item& i) { return i.source == path; })) {
        add(path, false, nullptr, nullptr);
    }
}

void Follower::add(const std::string& source, bool isFolder, RunPtr run, Step* step) {
    Item item;
    item.source = source;
    if (isFolder) {
        item.folderRun = std::move(run);
    } else {
        FollowOptions options = m_followOptions;
        options.keepOpen = m_keptOpen < kMaxKeptOpen;
        if (options.keepOpen) ++m_keptOpen;
        item.file = std::make_unique<FollowedFile>(source, *m_registry, options);
        if (!item.file->loaded()) m_start.push_back(source + ": " + item.file->error());
    }
    m_items.push_back(std::move(item));
    if (step != nullptr) step->changed.push_back(m_items.size() - 1);
}

void Follower::walk(const std::string& folder, Step* step) {
    LoadOptions options;
    options.maxFileBytes = m_followOptions.maxFileBytes;
    options.threads = 1;
    const LoadBatch batch = loadFolder(folder, *m_registry, options);
    for (const LoadError& e : batch.errors) {
        const std::string line = e.source + ": " + e.message;
        if (!m_walkMessages.insert(line).second) continue;
        if (step != nullptr) {
            step->messages.push_back(line);
        } else {
            m_start.push_back(line);
        }
    }
    for (const RunPtr& run : batch.runs) {
        const auto known = std::find_if(m_items.begin(), m_items.end(),
                                        [&](const Item& i) { return i.source == run->source; });
        if (known != m_items.end()) continue;
        std::error_code ec;
        add(run->source, fs::is_directory(run->source, ec), run, step);
    }
}

const Run& Follower::run(std::size_t index) const {
    static const Run kEmpty;
    const Item& item = m_items[index];
    if (item.file) return item.file->run();
    return item.folderRun ? *item.folderRun : kEmpty;
}

bool Follower::loaded(std::size_t index) const {
    const Item& item = m_items[index];
    return item.file ? item.file->loaded() : item.folderRun != nullptr;
}

RunPtr Follower::snapshot(std::size_t index) const {
    const Item& item = m_items[index];
    if (item.file) return item.file->snapshot();
    return item.folderRun ? item.folderRun : std::make_shared<const Run>();
}

bool Follower::gone(std::size_t index) const {
    const Item& item = m_items[index];
    return item.file && item.file->gone();
}

Follower::Step Follower::wait(std::chrono::milliseconds timeout) {
    return takeIn(m_watcher.wait(timeout));
}

Follower::Step Follower::check() {
    return takeIn(m_watcher.check());
}

Follower::Step Follower::takeIn(const std::vector<WatchEvent>& events) {
    Step step;
    bool rewalk = false;
    for (const WatchEvent& e : events) {
        const bool appeared = e.kind == ChangeKind::NewFile || e.kind == ChangeKind::NewFolder;
        for (Item& item : m_items) {
            if (e.path == item.source || (!item.file && isUnder(e.path, item.source)))
                item.dirty = true;
        }
        if (appeared) rewalk = true;
    }
    // A file is looked at when the watcher saw it change, and every file once a second (one
    // stat each), so that a half-written record's patience runs out and a file that has not
    // loaded yet is tried again.
    const auto now = std::chrono::steady_clock::now();
    const bool all = now >= m_nextLookAtAll;
    if (all) m_nextLookAtAll = now + std::chrono::seconds(1);
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        if (item.file && (item.dirty || all)) {
            item.dirty = false;
            FollowUpdate u = item.file->update();
            if (u.changed) step.changed.push_back(i);
            for (auto& m : u.messages) step.messages.push_back(std::move(m));
        } else if (item.dirty) {
            item.dirty = false;
            LoadOptions options;
            options.maxFileBytes = m_followOptions.maxFileBytes;
            options.threads = 1;
            LoadBatch batch = loadFolder(item.source, *m_registry, options);
            const auto same =
                std::find_if(batch.runs.begin(), batch.runs.end(),
                             [&](const RunPtr& r) { return r->source == item.source; });
            if (same != batch.runs.end()) {
                item.folderRun = *same;
                step.changed.push_back(i);
            }
        }
    }
    if (rewalk) {
        for (const std::string& folder : m_folders) walk(folder, &step);
    }
    return step;
}

}  // namespace curvedoctor::core
