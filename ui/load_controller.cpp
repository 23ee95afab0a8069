#include "ui/load_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <chrono>

#include "core/diagnosis.h"
#include "core/load_warning_text.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

// A folder's runs reach the window in batches at most this often: each batch costs the charts
// one rebuild, and a first batch this soon shows the first runs at once.
constexpr std::chrono::milliseconds kPostInterval{100};

}  // namespace

LoadController::LoadController(RunStore& store, QObject* parent)
    : LoadController(store, core::LoaderRegistry::builtin(), parent) {}

LoadController::LoadController(RunStore& store, const core::LoaderRegistry& registry,
                               QObject* parent)
    : QObject(parent), m_store(store), m_registry(registry) {
    // Rows the running job already filled stay marked when the user closes other runs.
    connect(&m_store, &RunStore::runAboutToBeRemoved, this, [this](int row) {
        if (row >= 0 && static_cast<std::size_t>(row) < m_taken.size())
            m_taken.erase(m_taken.begin() + row);
    });
    connect(&m_store, &RunStore::cleared, this, [this] { m_taken.clear(); });
}

LoadController::~LoadController() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

void LoadController::open(const QStringList& paths) {
    if (paths.isEmpty()) return;
    m_queue.push_back({paths});
    if (!isBusy()) startNext();
}

void LoadController::reloadAll() {
    QStringList sources;
    for (const RunEntry& e : m_store.entries()) {
        const QString s = QString::fromStdString(e.run->source);
        if (!sources.contains(s)) sources << s;
    }
    open(sources);
}

void LoadController::cancel() {
    m_queue.clear();
    if (isBusy()) m_cancel = true;
}

void LoadController::startNext() {
    if (m_queue.empty()) return;
    const QStringList paths = m_queue.front().paths;
    m_queue.pop_front();
    m_cancel = false;
    m_lastPermille = -1;
    m_taken.assign(static_cast<std::size_t>(m_store.count()), false);
    m_jobRuns = 0;
    Q_EMIT busyChanged(true);
    Q_EMIT progressChanged(0);
    m_worker = std::thread([this, paths] { work(paths); });
}

void LoadController::work(const QStringList& paths) {
    Outcome out;
    const double n = static_cast<double>(paths.size());
    for (qsizetype i = 0; i < paths.size() && !m_cancel; ++i) {
        core::LoadOptions options;
        const double base = static_cast<double>(i) / n;
        options.progress = [this, base, n](double f) {
            // Loading is 90% of a path's share; diagnosis the rest.
            const int permille = static_cast<int>(1000.0 * (base + 0.9 * f / n));
            if (permille != m_lastPermille) {
                m_lastPermille = permille;
                QMetaObject::invokeMethod(
                    this, [this, permille] { Q_EMIT progressChanged(permille); },
                    Qt::QueuedConnection);
            }
            return !m_cancel.load();
        };
        // A folder's runs are posted as the walker finishes them, in batches.
        std::vector<core::RunPtr> pending;
        std::size_t streamed = 0;
        auto lastPost = std::chrono::steady_clock::now();
        options.onRun = [&](const core::RunPtr& run) {
            if (m_cancel) return;
            pending.push_back(run);
            ++streamed;
            const auto now = std::chrono::steady_clock::now();
            if (now - lastPost >= kPostInterval) {
                post(pending);
                lastPost = now;
            }
        };
        core::LoadBatch batch = core::loadPaths({paths[i].toStdString()}, m_registry, options);
        if (batch.cancelled || m_cancel) {
            out.cancelled = true;
            break;
        }
        if (streamed == 0) pending = batch.runs;  // a file: nothing was streamed
        post(pending);
        if (m_cancel) {
            out.cancelled = true;
            break;
        }
        const QFileInfo input(paths[i]);
        if (batch.runs.size() == 1 && input.isDir())
            out.renames.emplace_back(batch.runs.front(), input.fileName());
        if (!batch.runs.empty()) out.openedPaths << paths[i];
        for (auto& e : batch.errors) out.errors.push_back(std::move(e));
        for (auto& f : batch.skipped) out.skipped.push_back(std::move(f));
    }
    QMetaObject::invokeMethod(
        this, [this, out = std::move(out)] { finishJob(out); }, Qt::QueuedConnection);
}

void LoadController::post(std::vector<core::RunPtr>& runs) {
    if (runs.empty() || m_cancel) return;
    // The batch's runs diagnosed at once, on every core.
    std::vector<const core::Run*> ptrs;
    ptrs.reserve(runs.size());
    for (const core::RunPtr& run : runs) ptrs.push_back(run.get());
    core::GroupDiagnosis diagnosed = core::diagnoseRuns(ptrs);
    std::vector<LoadedRun> loaded;
    loaded.reserve(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r)
        loaded.push_back({std::move(runs[r]), std::move(diagnosed.runs[r])});
    runs.clear();
    QMetaObject::invokeMethod(
        this, [this, loaded = std::move(loaded)] { addRuns(loaded); }, Qt::QueuedConnection);
}

int LoadController::matchRow(const core::Run& run, const std::vector<bool>& taken) const {
    int sameSource = -1;
    int sameSourceCount = 0;
    for (int row = 0; row < m_store.count(); ++row) {
        if (taken[static_cast<std::size_t>(row)]) continue;
        const core::Run& open = *m_store.at(row).run;
        if (open.source != run.source) continue;
        if (open.name == run.name) return row;
        if (sameSource < 0) sameSource = row;
        ++sameSourceCount;
    }
    // Same file but the loader named it differently (opened via a folder, reloaded alone).
    return sameSourceCount == 1 ? sameSource : -1;
}

void LoadController::addRuns(const std::vector<LoadedRun>& runs) {
    m_taken.resize(static_cast<std::size_t>(m_store.count()), false);
    for (const LoadedRun& r : runs) {
        const int row = matchRow(*r.run, m_taken);
        if (row >= 0) {
            m_taken[static_cast<std::size_t>(row)] = true;
            m_store.replace(row, r.run, r.diagnosis);
        } else {
            m_store.add(r.run, r.diagnosis);
            m_taken.push_back(true);
        }
        ++m_jobRuns;
        if (!r.run->warnings.empty()) {
            const core::LoadWarning& w = r.run->warnings.front();
            QString text = QString::fromStdString(core::locatedMessage(w));
            if (r.run->warnings.size() > 1)
                text += tr(" (and %n more)", nullptr, static_cast<int>(r.run->warnings.size() - 1));
            Q_EMIT loadWarned(QString::fromStdString(r.run->source), text);
        }
    }
}

void LoadController::nameFilesSharingAFolder() {
    // Loaders name a file with a generic name (metrics.csv) after its folder: two such files
    // of one folder opened one by one would be "ux" and "ux (2)". Each is named after its file.
    auto folderNamed = [](const RunEntry& e) {
        const QFileInfo file(QString::fromStdString(e.run->source));
        const QString folder = file.dir().dirName();
        return file.isFile() && QString::fromStdString(e.run->name) == folder &&
                       (e.name == folder || e.name.startsWith(folder + QStringLiteral(" (")))
                   ? file.absolutePath()
                   : QString();
    };
    std::vector<QString> dirs;
    for (const RunEntry& e : m_store.entries()) dirs.push_back(folderNamed(e));
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        if (dirs[i].isEmpty()) continue;
        const std::string& source = m_store.at(static_cast<int>(i)).run->source;
        for (std::size_t j = 0; j < dirs.size(); ++j)
            if (j != i && dirs[j] == dirs[i] &&
                m_store.at(static_cast<int>(j)).run->source != source) {
                m_store.rename(static_cast<int>(i),
                               QFileInfo(QString::fromStdString(source)).completeBaseName());
                break;
            }
    }
}

void LoadController::finishJob(const Outcome& outcome) {
    if (m_worker.joinable()) m_worker.join();
    for (const auto& [run, name] : outcome.renames)
        for (int row = 0; row < m_store.count(); ++row)
            if (m_store.at(row).run == run) {
                m_store.rename(row, name);
                break;
            }
    nameFilesSharingAFolder();
    for (const core::LoadError& e : outcome.errors)
        Q_EMIT loadFailed(QString::fromStdString(e.source), QString::fromStdString(e.message));
    for (const auto& [folder, text] : core::skippedSummaries(outcome.skipped))
        Q_EMIT loadWarned(QString::fromStdString(folder), QString::fromStdString(text));
    if (!outcome.openedPaths.isEmpty()) Q_EMIT pathsOpened(outcome.openedPaths);
    Q_EMIT progressChanged(1000);
    Q_EMIT finished(m_jobRuns, outcome.cancelled);
    if (m_queue.empty()) {
        m_store.endLoad();
        Q_EMIT busyChanged(false);
    } else {
        startNext();
    }
}

}  // namespace curvedoctor::ui
