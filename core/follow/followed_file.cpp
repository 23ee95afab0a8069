#include "core/follow/followed_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <utility>

#include "core/file_bytes.h"
#include "core/sniff_head.h"
#include "core/text_encoding.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

// Context kept before new lines of a text or JSON-lines log: enough for a loader that reads a
// line in the light of the ones before it (Keras' "Epoch 3/50" line above its metrics line).
constexpr std::size_t kContextLines = 16;
constexpr std::size_t kContextMaxBytes = std::size_t{16} << 10;
// Warnings gathered while following, beyond which new ones are dropped (a log that keeps
// repeating one fault must not grow the run's warnings without end).
constexpr std::size_t kMaxFollowWarnings = 200;

bool isOneOf(std::string_view id, std::initializer_list<std::string_view> ids) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::size_t completeLines(std::string_view bytes) {
    const std::size_t nl = bytes.rfind('\n');
    return nl == std::string_view::npos ? 0 : nl + 1;
}

// Bytes of `bytes` that are whole TFRecord records (a record whose payload checksum is wrong is
// whole too: the loader skips it with a warning). Stops at a cut record or lost framing.
std::size_t completeEvents(std::string_view bytes) {
    TfRecordReader reader(bytes);
    std::size_t whole = 0;
    std::string_view payload;
    for (;;) {
        const TfRecordReader::Status s = reader.next(payload);
        if (s == TfRecordReader::Status::Record || s == TfRecordReader::Status::BadData) {
            whole = reader.position();
            continue;
        }
        return whole;
    }
}

// A CSV's lines up to and including its header: the first line that is neither blank nor a
// '#' comment (for a header-less table, its first row, whose points are then not appended).
std::string_view headerRegion(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos) return bytes;
        std::string_view line = bytes.substr(pos, nl - pos);
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos && line[first] != '#') return bytes.substr(0, nl + 1);
        pos = nl + 1;
    }
    return bytes;
}

// The last kContextLines complete lines of `bytes` (which ends on a line end), at most
// kContextMaxBytes.
std::string lastLines(std::string_view bytes) {
    std::size_t start = bytes.size();
    for (std::size_t n = 0; n < kContextLines && start > 0; ++n) {
        const std::size_t nl = start >= 2 ? bytes.rfind('\n', start - 2) : std::string_view::npos;
        const std::size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
        if (bytes.size() - begin > kContextMaxBytes) break;
        start = begin;
    }
    return std::string(bytes.substr(start));
}

// The last complete line of `bytes` (which ends on a line end).
std::string lastLine(std::string_view bytes) {
    const std::size_t nl =
        bytes.size() >= 2 ? bytes.rfind('\n', bytes.size() - 2) : std::string_view::npos;
    return std::string(bytes.substr(nl == std::string_view::npos ? 0 : nl + 1));
}

std::map<std::string, std::size_t> pointCounts(const Run& run) {
    std::map<std::string, std::size_t> counts;
    for (const auto& [name, s] : run.metrics) counts[name] = s.size();
    return counts;
}

// `readBeside` false: the bytes alone, not also the files beside the log (hparams.yaml): an
// appended piece's parse would otherwise open them every time, for hyperparameters merge()
// does not take.
LoadResult parse(const Loader& loader, const std::string& path, std::string_view bytes,
                 bool readBeside) {
    try {
        return loader.load(LoadInput{path, bytes, {}, readBeside});
    } catch (const std::exception& e) {
        LoadResult r;
        r.error = std::string("internal error: ") + e.what();
        return r;
    }
}

std::int64_t modifiedNs(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

}  // namespace

FollowedFile::FollowedFile(std::string path, const LoaderRegistry& registry, FollowOptions options)
    : m_path(std::move(path)), m_registry(&registry), m_options(options) {
    std::string error;
    if (!loadWhole(error)) m_error = error;
}

FollowedFile::~FollowedFile() {
    closeKept();
}

void FollowedFile::closeKept() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

void FollowedFile::release(int fd) {
    if (fd == m_fd) return;
    if (m_options.keepOpen && m_loaded) {
        closeKept();
        m_fd = fd;
    } else {
        ::close(fd);
    }
}

int FollowedFile::openNow(std::uint64_t device, std::uint64_t inode, std::uint32_t mode,
                          std::string& error) {
    if (m_fd >= 0 && device == m_device && inode == m_inode && mode == m_mode) return m_fd;
    closeKept();
    return openRegularFile(m_path, error);
}

RunPtr FollowedFile::snapshot() const {
    auto copy = std::make_shared<Run>(run());
    for (auto& [name, s] : copy->metrics) {
        if (!s.steps.empty()) s.steps = std::vector<std::int64_t>(s.steps.begin(), s.steps.end());
    }
    return copy;
}

std::string FollowedFile::pointsKept() const {
    return "the " + std::to_string(run().pointCount()) + " points loaded before are kept";
}

bool FollowedFile::loadWhole(std::string& error) {
    std::string err;
    const int fd = openRegularFile(m_path, err);
    if (fd < 0) {
        error = err;
        return false;
    }
    struct stat st {};
    FileBytes bytes;
    const bool read = ::fstat(fd, &st) == 0 && bytes.read(fd, err, m_options.maxFileBytes);
    ::close(fd);
    if (!read) {
        error = err.empty() ? std::string(std::strerror(errno)) : err;
        return false;
    }
    const std::string_view view = bytes.view();
    if (view.empty()) {
        error = "file is empty; waiting for its first record";
        return false;
    }
    const std::string name = fs::path(m_path).filename().string();
    Run run;
    std::unique_ptr<EventState> events;
    Kind kind = Kind::Whole;
    std::size_t whole = view.size();
    if (startsWithUtf16Bom(view)) {
        // Rare for a log being written; loaded whole by the registry (which decodes it) each time.
        LoadOptions decoded;
        decoded.maxFileBytes = m_options.maxFileBytes;
        decoded.threads = 1;
        FileLoad load = loadFileRuns(m_path, *m_registry, decoded, IfUnclaimed::Error);
        if (load.runs.empty()) {
            error = load.errors.empty() ? "nothing loaded" : load.errors.front().message;
            return false;
        }
        run = std::move(load.runs.front());
        m_loader = nullptr;
    } else {
        const Loader* loader = m_registry->pick(SniffInput{m_path, name, sniffHead(view), false});
        if (loader == nullptr) {
            error = "not a training log this program can read";
            return false;
        }
        const std::string_view id = loader->id();
        if (id == "tfevents") {
            kind = Kind::Events;
            whole = completeEvents(view);
        } else if (isOneOf(id, {"csv", "keras_csv", "lightning_csv", "ultralytics_csv",
                                "tensorboard_csv", "yolov5_txt"})) {
            kind = Kind::Csv;
            whole = completeLines(view);
        } else if (isOneOf(id, {"detectron2_json", "llamafactory_jsonl", "mmengine_scalars",
                                "jsonl", "keras_text", "text_kv", "mmdet_text"})) {
            // Not MMDetection's log.json: its steps are epoch x iterations per epoch, learned
            // from the whole file (the epoch with the most iterations), so it is reloaded whole.
            kind = Kind::Lines;
            whole = completeLines(view);
        }
        if (whole == 0) {
            error = kind == Kind::Events ? "no complete record yet" : "no complete line yet";
            return false;
        }
        if (kind == Kind::Events) {
            events = std::make_unique<EventState>();
            events->decoder.read(view.substr(0, whole), "", "", events->builder);
        } else {
            LoadResult result = parse(*loader, m_path, view.substr(0, whole), true);
            if (result.runs.empty()) {
                error = result.error.empty() ? "nothing loaded" : result.error;
                return false;
            }
            run = std::move(result.runs.front());
        }
        Run& made = events ? events->builder.run() : run;
        if (made.source.empty()) made.source = m_path;
        if (made.format.empty()) made.format = std::string(id);
        if (made.name.empty()) made.name = fs::path(m_path).parent_path().filename().string();
        if (made.name.empty()) made.name = name;
        m_loader = loader;
    }
    m_run = std::move(run);
    m_events = std::move(events);
    m_kind = kind;
    m_loaded = true;
    m_error.clear();
    ++m_version;
    m_device = static_cast<std::uint64_t>(st.st_dev);
    m_inode = static_cast<std::uint64_t>(st.st_ino);
    m_seenSize = view.size();
    m_modifiedNs = modifiedNs(st);
    m_mode = st.st_mode;
    m_sniffedAt = whole;
    m_head.assign(view.substr(0, 256));
    m_consumed = whole;
    m_lines = static_cast<std::int64_t>(std::count(view.begin(), view.begin() + whole, '\n'));
    m_prefix.clear();
    m_prefixCounts.clear();
    m_context.clear();
    m_lastLine.clear();
    if (m_kind == Kind::Csv) {
        m_lastLine = lastLine(view.substr(0, whole));
        m_prefix = std::string(headerRegion(view.substr(0, whole)));
        LoadResult head = parse(*m_loader, m_path, m_prefix, false);
        if (!head.runs.empty()) m_prefixCounts = pointCounts(head.runs.front());
    } else if (m_kind == Kind::Lines) {
        m_context = lastLines(view.substr(0, whole));
    }
    m_tornSince.reset();
    m_tornReported = false;
    return true;
}

void FollowedFile::reload(const std::string& reason, FollowUpdate& update) {
    struct stat st {};
    const std::string signature = ::stat(m_path.c_str(), &st) == 0
                                      ? std::to_string(st.st_ino) + ':' +
                                            std::to_string(st.st_size) + ':' +
                                            std::to_string(modifiedNs(st))
                                      : std::string("missing");
    if (signature == m_failedReload) return;  // the same content failed before
    const std::string oldFormat = run().format;
    std::string error;
    if (loadWhole(error)) {
        m_failedReload.clear();
        update.changed = true;
        update.reloaded = true;
        if (!reason.empty() || run().format != oldFormat) {
            std::string msg = m_path + ": " + (reason.empty() ? "changed" : reason) + "; reloaded";
            if (run().format != oldFormat)
                msg += ", now a " + run().format + " log (was " + oldFormat + ")";
            update.messages.push_back(std::move(msg));
        }
        return;
    }
    m_failedReload = signature;
    // An emptied or freshly rotated file that has no complete record yet is only waited for.
    if (error.rfind("file is empty", 0) == 0 || error.rfind("no complete", 0) == 0) return;
    update.messages.push_back(m_path + ": " + (reason.empty() ? "changed" : reason) +
                              ", and the new content could not be loaded (" + error + "); " +
                              pointsKept());
}

FollowUpdate FollowedFile::update() {
    FollowUpdate u;
    if (!m_loaded) {
        std::string error;
        if (loadWhole(error)) {
            u.changed = true;
            u.reloaded = true;
        } else if (error != m_error) {
            m_error = error;
            u.messages.push_back(m_path + ": " + error);
        }
        return u;
    }
    struct stat st {};
    if (::stat(m_path.c_str(), &st) != 0) {
        const int e = errno;
        closeKept();
        if (e == ENOENT && !m_gone) {
            m_gone = true;
            u.messages.push_back(m_path + ": deleted; " + pointsKept() + " (marked gone)");
        } else if (e != ENOENT && !m_unreadable) {
            m_unreadable = true;
            u.messages.push_back(m_path + ": cannot be read any more (" + std::strerror(e) + "); " +
                                 pointsKept());
        }
        return u;
    }
    if (m_gone) {
        m_gone = false;
        closeKept();
        reload("appeared again", u);
        return u;
    }
    std::string err;
    const int fd = openNow(static_cast<std::uint64_t>(st.st_dev),
                           static_cast<std::uint64_t>(st.st_ino), st.st_mode, err);
    if (fd < 0) {
        if (!m_unreadable) {
            m_unreadable = true;
            u.messages.push_back(m_path + ": cannot be read any more (" + err + "); " +
                                 pointsKept());
        }
        return u;
    }
    if (m_unreadable) {
        m_unreadable = false;
        u.messages.push_back(m_path + ": readable again");
    }
    if (fd != m_fd && ::fstat(fd, &st) != 0) {
        ::close(fd);
        return u;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    std::string reason;
    if (static_cast<std::uint64_t>(st.st_dev) != m_device ||
        static_cast<std::uint64_t>(st.st_ino) != m_inode) {
        reason = "replaced by another file (rotated or renamed over)";
    } else if (size < m_seenSize) {
        reason = "truncated from " + std::to_string(m_seenSize) + " to " + std::to_string(size) +
                 " bytes";
    } else if (size != m_seenSize || modifiedNs(st) != m_modifiedNs) {
        // (An unchanged size and time is an unchanged file: the once-a-second look at every
        // followed file costs one stat then, not also a read of its head.)
        std::string head(std::min<std::uint64_t>(m_head.size(), size), '\0');
        const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
        if (n >= 0 && static_cast<std::size_t>(n) == head.size() &&
            m_head.compare(0, head.size(), head) != 0)
            reason = "rewritten (its first bytes changed)";
    }
    // A whole-file format (trainer_state.json) is rewritten on every save: cut and written
    // again, not worth a message; only another file under its name is.
    if (m_kind == Kind::Whole && reason.rfind("replaced", 0) != 0) reason.clear();
    if (!reason.empty() ||
        (m_kind == Kind::Whole && (size != m_seenSize || modifiedNs(st) != m_modifiedNs))) {
        if (fd != m_fd) ::close(fd);
        closeKept();
        reload(reason, u);
        return u;
    }
    if (m_kind != Kind::Whole && size > m_consumed && m_seenSize < kSniffBytes &&
        sniffedAsOther(fd, size)) {
        // A young log is sniffed again from its head until that is 64 KiB: its first lines can
        // look like a more generic format than the whole will.
        if (fd != m_fd) ::close(fd);
        closeKept();
        reload("", u);
        return u;
    }
    if (m_kind != Kind::Whole && size > m_consumed) append(fd, size, u);
    release(fd);
    m_mode = st.st_mode;
    m_seenSize = std::max(m_seenSize, size);
    m_modifiedNs = modifiedNs(st);

    if (m_consumed < m_seenSize) {
        const auto now = std::chrono::steady_clock::now();
        if (!m_tornSince) {
            m_tornSince = now;
        } else if (!m_tornReported && now - *m_tornSince >= m_options.tornPatience) {
            m_tornReported = true;
            u.messages.push_back(
                m_path + ": byte " + std::to_string(m_consumed) + ": the last " +
                std::to_string(m_seenSize - m_consumed) + " bytes are an incomplete " +
                (m_kind == Kind::Events ? "record" : "line") +
                " that the writer has not finished; waiting for the rest (not taken as data)");
        }
    } else {
        m_tornSince.reset();
        m_tornReported = false;
    }
    return u;
}

FollowUpdate FollowedFile::besideChanged() {
    FollowUpdate u;
    // A whole-file format is loaded again whole when it changes; an event file reads nothing
    // beside it.
    if (!m_loaded || m_loader == nullptr || (m_kind != Kind::Csv && m_kind != Kind::Lines))
        return u;
    // The header and the last line (a CSV) or the last lines (a line log) are a run to read the
    // hyperparameters into: the loader reads the files beside the log only for a run.
    LoadResult r = parse(*m_loader, m_path, m_prefix + m_context + m_lastLine, true);
    if (r.runs.empty() || r.runs.front().hyperparameters == m_run.hyperparameters) return u;
    m_run.hyperparameters = std::move(r.runs.front().hyperparameters);
    ++m_version;
    u.changed = true;
    return u;
}

bool FollowedFile::sniffedAsOther(int fd, std::uint64_t size) {
    // Sniffed again each time the head has doubled since the last sniff (at most 7 times up to
    // 64 KiB), not on every append: a sniff reads the head and asks every loader.
    if (size < 2 * m_sniffedAt) return false;
    std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(size, kSniffBytes)), '\0');
    const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
    if (n <= 0) return false;
    head.resize(static_cast<std::size_t>(n));
    head.resize(m_kind == Kind::Events ? completeEvents(head) : completeLines(head));
    if (head.size() < 2 * m_sniffedAt) return false;  // the new bytes are not complete yet
    m_sniffedAt = head.size();
    const std::string name = fs::path(m_path).filename().string();
    const Loader* now = m_registry->pick(SniffInput{m_path, name, head, false});
    return now != nullptr && now != m_loader;
}

void FollowedFile::append(int fd, std::uint64_t size, FollowUpdate& update) {
    while (m_consumed < size) {
        const std::size_t want = static_cast<std::size_t>(
            std::min<std::uint64_t>(size - m_consumed, m_options.maxReadBytes));
        std::string buf(want, '\0');
        std::size_t got = 0;
        while (got < want) {
            const ssize_t n =
                ::pread(fd, buf.data() + got, want - got, static_cast<off_t>(m_consumed + got));
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        buf.resize(got);
        const std::size_t whole = m_kind == Kind::Events ? completeEvents(buf) : completeLines(buf);
        if (whole == 0) {
            if (got == want && want == m_options.maxReadBytes) {
                // A "line" longer than the read limit: never complete here; skip it loudly.
                update.messages.push_back(m_path + ": byte " + std::to_string(m_consumed) +
                                          ": a record over " + std::to_string(want) +
                                          " bytes; skipped");
                m_consumed += got;
                continue;
            }
            return;  // torn: wait for the rest
        }
        const std::string_view data(buf.data(), whole);
        if (m_kind == Kind::Events) {
            appendEvents(data, update);
        } else {
            appendLines(data, update);
        }
        m_consumed += whole;
        m_lines += static_cast<std::int64_t>(std::count(data.begin(), data.end(), '\n'));
        if (m_kind == Kind::Lines) m_context = lastLines(m_context + std::string(data));
        if (m_kind == Kind::Csv) m_lastLine = lastLine(data);
        m_tornSince.reset();
        m_tornReported = false;
        if (got < want) return;
    }
}

void FollowedFile::appendLines(std::string_view data, FollowUpdate& update) {
    std::string chunk = m_prefix + m_context;
    const std::size_t prefixBytes = chunk.size();
    const auto prefixLines =
        static_cast<std::int64_t>(std::count(chunk.begin(), chunk.end(), '\n'));
    std::map<std::string, std::size_t> skip = m_prefixCounts;
    if (!m_context.empty()) {
        LoadResult before = parse(*m_loader, m_path, chunk, false);
        if (!before.runs.empty()) skip = pointCounts(before.runs.front());
    }
    chunk.append(data);
    LoadResult r = parse(*m_loader, m_path, chunk, false);
    // New lines without values (a text log's chatter) are no error.
    if (r.runs.empty() && m_kind == Kind::Lines) return;
    if (r.runs.empty()) {
        update.messages.push_back(m_path + ": bytes " + std::to_string(m_consumed) + "-" +
                                  std::to_string(m_consumed + data.size()) +
                                  " could not be read (" + r.error + "); skipped");
        return;
    }
    merge(std::move(r.runs.front()), skip, prefixBytes, prefixLines, update);
}

void FollowedFile::appendEvents(std::string_view data, FollowUpdate& update) {
    RunBuilder& builder = m_events->builder;
    const std::size_t pointsBefore = builder.pointCount();
    const std::size_t warningsBefore = builder.run().warnings.size();
    m_events->decoder.read(data, "", "", builder);
    std::vector<LoadWarning>& warnings = builder.run().warnings;
    for (std::size_t i = warningsBefore; i < warnings.size(); ++i) {
        if (warnings[i].byteOffset >= 0)
            warnings[i].byteOffset += static_cast<std::int64_t>(m_consumed);
    }
    if (warnings.size() > kMaxFollowWarnings) warnings.resize(kMaxFollowWarnings);
    if (builder.pointCount() != pointsBefore || warnings.size() != warningsBefore) {
        update.changed = true;
        update.newPoints += builder.pointCount() - pointsBefore;
        ++m_version;
    }
}

void FollowedFile::merge(Run parsed, const std::map<std::string, std::size_t>& skip,
                         std::size_t prefixBytes, std::int64_t prefixLines, FollowUpdate& update) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const std::size_t warningsBefore = m_run.warnings.size();
    RunBuilder builder(std::move(m_run));
    std::size_t added = 0;
    for (const auto& [name, s] : parsed.metrics) {
        const auto it = skip.find(name);
        const std::size_t from = it == skip.end() ? 0 : it->second;
        if (s.size() <= from) continue;
        const std::size_t index = builder.series(name);
        for (std::size_t i = from; i < s.size(); ++i) {
            builder.add(index, s.steps[i], s.values[i], s.hasEpochs() ? s.epochs[i] : kNaN,
                        s.hasWallTimes() ? s.wallTimes[i] : kNaN, 0, -1);
        }
        added += s.size() - from;
    }
    m_run = builder.finish();
    // Warnings about the new bytes, placed in the file (those about the context are old news,
    // and the loader's notes about the whole of its input do not apply to a piece of it).
    for (LoadWarning& w : parsed.warnings) {
        if (m_run.warnings.size() >= warningsBefore + kMaxFollowWarnings / 4 ||
            m_run.warnings.size() >= kMaxFollowWarnings)
            break;
        if (w.line == 0 && w.byteOffset < 0) continue;
        if (w.line > 0 && w.line <= prefixLines) continue;
        if (w.byteOffset >= 0 && static_cast<std::size_t>(w.byteOffset) < prefixBytes) continue;
        if (w.line > 0) w.line = w.line - prefixLines + m_lines;
        if (w.byteOffset >= 0)
            w.byteOffset = w.byteOffset - static_cast<std::int64_t>(prefixBytes) +
                           static_cast<std::int64_t>(m_consumed);
        m_run.warnings.push_back(std::move(w));
    }
    if (m_run.warnings.size() > kMaxFollowWarnings) m_run.warnings.resize(kMaxFollowWarnings);
    if (added > 0 || m_run.warnings.size() != warningsBefore) {
        update.changed = true;
        update.newPoints += added;
        ++m_version;
    }
}

}  // namespace curvedoctor::core
