#include "ui/follow/follow_controller.h"

#include <QHash>
#include <QMetaObject>
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "core/diagnosis.h"
#include "core/finding_kind.h"
#include "core/follow/follower.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

using Clock = std::chrono::steady_clock;

// A diagnosis is followed by a pause this many times as long as it took (see work()).
constexpr int kDiagnosisCostFactor = 50;
// A growing run is diagnosed again at most this often.
constexpr std::chrono::milliseconds kDiagnosisGap{2000};
// Posts of many changed runs wait this much longer per run (up to kMaxPostInterval): the
// GUI thread's work per post grows with the runs in it, and the charts of 100 runs redraw
// about once a second anyway (ChartPanel). One run is still posted within kPostInterval.
constexpr std::chrono::milliseconds kPostPerRun{20};
constexpr std::chrono::milliseconds kMaxPostInterval{2000};
// The worker sleeps at most this long without a change (the watcher wakes it earlier for a
// change, a due poll, a new path or the stop).
constexpr std::chrono::milliseconds kIdleWait{60000};

// How far before the moment the window began loading (or stopped following) a change still
// counts as possibly missed: the load starts just before the worker is given the path, and a
// post waits up to kMaxPostInterval.
constexpr std::chrono::seconds kSinceMargin{3};

std::filesystem::file_time_type sinceNow() {
    return std::filesystem::file_time_type::clock::now() - kSinceMargin;
}

// Whether `path` (a file, or a run folder and what it holds, at most kMaxLook entries deep
// inside) was written at or after `since`.
bool changedSince(const std::string& path, std::filesystem::file_time_type since) {
    namespace fs = std::filesystem;
    constexpr int kMaxLook = 1000;
    std::error_code ec;
    if (fs::last_write_time(path, ec) >= since && !ec) return true;
    if (!fs::is_directory(path, ec)) return false;
    int looked = 0;
    for (fs::recursive_directory_iterator
             it(path, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end && looked < kMaxLook; it.increment(ec), ++looked) {
        std::error_code e;
        if (it->last_write_time(e) >= since && !e) return true;
    }
    return false;
}

std::tuple<std::string, int, std::string> findingKey(const std::string& source,
                                                     const core::Finding& f) {
    return {source, static_cast<int>(f.kind), f.metric};
}

}  // namespace

struct FollowController::Posted {
    struct RunData {
        std::string source;
        core::RunPtr run;  ///< null: only the diagnosis or the gone mark changed
        std::optional<core::RunDiagnosis> diagnosis;
        bool gone = false;
    };
    std::vector<RunData> runs;
    std::vector<std::string> messages;
};

FollowController::FollowController(RunStore& store, QObject* parent)
    : QObject(parent), m_store(store) {}

FollowController::~FollowController() {
    stop();
}

void FollowController::follow(const QStringList& paths) {
    QStringList added;
    for (const QString& p : paths)
        if (!p.isEmpty() && !m_paths.contains(p)) added << p;
    if (added.isEmpty()) return;
    m_paths << added;
    for (const QString& p : added) m_since.insert(p, sinceNow());  // the window loads it now
    if (!m_enabled) return;
    if (!m_worker.joinable()) {
        start();
        return;
    }
    const std::lock_guard lock(m_mutex);
    for (const QString& p : added) m_newPaths.push_back({p.toStdString(), m_since.value(p)});
    if (m_watcher != nullptr) m_watcher->wake();
}

void FollowController::setEnabled(bool on) {
    if (on == m_enabled) return;
    m_enabled = on;
    if (on)
        start();
    else
        stop();
}

void FollowController::setPollInterval(std::chrono::milliseconds interval) {
    interval = std::max(interval, std::chrono::milliseconds(0));
    if (interval == m_pollInterval) return;
    m_pollInterval = interval;
    if (m_worker.joinable()) {
        stop();
        start();
    }
}

void FollowController::setUseInotify(bool on) {
    if (on == m_useInotify) return;
    m_useInotify = on;
    if (m_worker.joinable()) {
        stop();
        start();
    }
}

void FollowController::start() {
    if (m_worker.joinable() || m_paths.isEmpty()) return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = false;
        m_newPaths.clear();
        for (const QString& p : std::as_const(m_paths))
            m_newPaths.push_back({p.toStdString(), m_since.value(p)});
    }
    m_worker = std::thread([this] { work(); });
}

void FollowController::stop() {
    if (!m_worker.joinable()) return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_watcher != nullptr) m_watcher->wake();
    }
    m_worker.join();
    // The window has what the worker posted; what changes from now on is missed until it
    // starts again.
    for (const QString& p : std::as_const(m_paths)) m_since.insert(p, sinceNow());
}

void FollowController::work() {
    core::WatchOptions watch;
    watch.pollInterval = m_pollInterval;  // these two change only while no worker runs
    watch.useInotify = m_useInotify;
    core::Follower follower({}, {}, watch);
    {
        const std::lock_guard lock(m_mutex);
        m_watcher = &follower.watcher();
    }
    std::set<std::size_t> toPost;                        // runs changed since the last post
    std::map<std::size_t, core::RunDiagnosis> findings;  // diagnoses not posted yet
    std::map<std::size_t, Clock::time_point> diagDue;    // runs to diagnose again, and when
    std::map<std::size_t, Clock::time_point> diagnosed;  // when each run was last diagnosed
    std::vector<bool> goneSent;
    std::vector<std::string> messages;
    Clock::time_point lastPost{};
    Clock::time_point nextDiagnosis{};
    for (;;) {
        std::vector<NewPath> paths;
        {
            const std::lock_guard lock(m_mutex);
            if (m_stop) break;
            paths.swap(m_newPaths);
        }
        // Runs the window loads itself (LoadController) are posted when they change, and those
        // found here that changed since the window began loading them (it may have missed
        // them: a logdir made just after it was opened, rows written while following was off).
        // The window has the others: the follower loads them when they first change.
        for (const NewPath& p : paths) {
            const std::size_t before = follower.size();
            follower.followLoaded(p.path);
            for (std::size_t i = before; i < follower.size(); ++i) {
                if (!changedSince(follower.source(i), p.since)) continue;
                follower.load(i);
                toPost.insert(i);
                diagDue.try_emplace(i, Clock::now() + kDebounce);
            }
        }
        // Files that could not be loaded: the window's own load of the same paths said so.
        for (auto& m : follower.takeStartMessages(false)) messages.push_back(std::move(m));

        // The runs the next post carries: new data, a new diagnosis, or both.
        auto pending = [&] {
            std::size_t n = toPost.size();
            for (const auto& [index, diagnosis] : findings) n += toPost.count(index) == 0 ? 1 : 0;
            return n;
        };
        auto postInterval = [&] {
            return std::min(kMaxPostInterval,
                            kPostInterval + kPostPerRun * static_cast<std::int64_t>(pending() - 1));
        };
        auto now = Clock::now();
        const Clock::time_point postDue =
            pending() > 0 ? lastPost + postInterval() : now + kIdleWait;
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(postDue - now);
        for (const auto& [index, when] : diagDue)
            wait = std::min(
                wait, std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::max(when, nextDiagnosis) - now + std::chrono::milliseconds(1)));
        wait = std::max(wait, std::chrono::milliseconds(0));
        core::Follower::Step step;
        if (pending() == 0) {
            step = follower.wait(wait);
        } else {
            // A post waits: what changes until it is due is read just before it, each file once
            // for all its new rows (100 runs growing 10 rows a second were 1,000 reads and
            // parses a second, and as many wake-ups). A diagnosis due before then sees the
            // runs as the last read left them.
            follower.watcher().sleep(wait);
            if (Clock::now() >= postDue) step = follower.check();
        }
        now = Clock::now();
        for (auto& m : step.messages) messages.push_back(std::move(m));
        for (std::size_t i : step.changed) {
            toPost.insert(i);
            const auto last = diagnosed.find(i);
            diagDue.try_emplace(i, last == diagnosed.end()
                                       ? now + kDebounce
                                       : std::max(now + kDebounce, last->second + kDiagnosisGap));
        }
        goneSent.resize(follower.size(), false);
        for (std::size_t i = 0; i < follower.size(); ++i)
            if (follower.gone(i) != goneSent[i]) toPost.insert(i);

        // The earliest due run first, each diagnosis followed by a pause kDiagnosisCostFactor
        // times as long as it took: 100 growing runs cost the worker a few percent of a core
        // in diagnoses, however often they change.
        while (now >= nextDiagnosis) {
            auto due =
                std::min_element(diagDue.begin(), diagDue.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
            if (due == diagDue.end() || due->second > now) break;
            const std::size_t i = due->first;
            diagDue.erase(due);
            if (!follower.loaded(i)) continue;
            diagnosed[i] = now;
            const core::Run& run = follower.run(i);
            core::RunDiagnosis diagnosis = core::diagnoseRun(run);
            std::erase_if(diagnosis.findings,
                          [&](const core::Finding& f) { return core::tooEarlyToJudge(run, f); });
            findings[i] = std::move(diagnosis);
            const auto took = Clock::now() - now;
            now = Clock::now();
            nextDiagnosis = now + kDiagnosisCostFactor * took;
        }
        // Diagnoses wait for the next post like new data does: each post costs the GUI thread
        // a store update and a redraw of what lists findings, and 100 runs diagnosed one after
        // another were 20 posts a second.
        Posted posted;
        if (pending() > 0 && now - lastPost >= postInterval()) {
            std::set<std::size_t> runs = toPost;
            for (const auto& [index, diagnosis] : findings) runs.insert(index);
            for (std::size_t i : runs) {
                // A run the window loaded and the follower never did can still go (gone).
                if (!follower.loaded(i) && !follower.gone(i)) continue;
                Posted::RunData d{follower.source(i), nullptr, std::nullopt, false};
                if (toPost.count(i) > 0 && follower.loaded(i)) d.run = follower.snapshot(i);
                if (auto f = findings.find(i); f != findings.end())
                    d.diagnosis = std::move(f->second);
                d.gone = goneSent[i] = follower.gone(i);
                posted.runs.push_back(std::move(d));
            }
            toPost.clear();
            findings.clear();
            lastPost = now;
        }
        if (posted.runs.empty() && messages.empty()) continue;
        posted.messages = std::move(messages);
        messages.clear();
        QMetaObject::invokeMethod(
            this, [this, posted = std::move(posted)] { apply(posted); }, Qt::QueuedConnection);
    }
    const std::lock_guard lock(m_mutex);
    m_watcher = nullptr;
}

void FollowController::apply(const Posted& posted) {
    for (const std::string& m : posted.messages) Q_EMIT message(QString::fromStdString(m));
    QHash<QString, int> rows;
    for (int row = 0; row < m_store.count(); ++row)
        rows.insert(QString::fromStdString(m_store.at(row).run->source), row);
    std::vector<RunStore::RunUpdate> updates;
    struct Announcement {
        int row;
        QString text;
        bool error;
    };
    std::vector<Announcement> announcements;
    for (const Posted::RunData& d : posted.runs) {
        const int row = rows.value(QString::fromStdString(d.source), -1);
        if (row < 0) {
            // A new run of a followed folder (or a file that could not be loaded at first).
            if (d.run)
                rows.insert(QString::fromStdString(d.source),
                            m_store.add(d.run, d.diagnosis.value_or(core::RunDiagnosis{})));
            continue;
        }
        if (d.diagnosis) {
            const RunEntry& e = m_store.at(row);
            for (const core::Finding& f : d.diagnosis->findings) {
                if (f.severity == core::Severity::Info) continue;
                const std::string_view kind = core::toString(f.kind);
                const bool before =
                    std::any_of(e.diagnosis.findings.begin(), e.diagnosis.findings.end(),
                                [&](const core::Finding& g) {
                                    return g.kind == f.kind && g.metric == f.metric;
                                });
                if (!m_announced.insert(findingKey(d.source, f)).second || before) continue;
                announcements.push_back(
                    {row,
                     tr("%1: %2 (%3) at step %4")
                         .arg(e.name,
                              QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size())),
                              QString::fromStdString(f.metric))
                         .arg(f.beginStep),
                     f.severity == core::Severity::Error});
            }
        }
        updates.push_back({row, d.run, d.diagnosis, d.gone});
    }
    m_store.update(updates);
    ++m_updates;
    for (const Announcement& a : announcements) {
        m_store.announce(a.row);
        Q_EMIT findingAppeared(m_store.at(a.row).id, m_store.at(a.row).name, a.text, a.error);
    }
}

}  // namespace curvedoctor::ui
