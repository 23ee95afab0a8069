#pragma once
/// \file followed_file.h
/// One log file followed while it is written: loaded once, then kept up to date by update().
///
/// Append-only formats (the CSV family, JSON lines, TensorBoard event files, text logs) read
/// only the bytes after the last complete record: the new complete lines are parsed by the
/// file's own loader with a little context before them (a CSV's header; the last lines of a
/// text or JSON-lines log), and the points beyond those the context alone gives are appended to
/// the run through RunBuilder. Event-file records are parsed from the first new record. A torn
/// last line or record is left until it is complete and never taken as data. Files that are
/// rewritten whole (HF trainer_state.json, YAML) and any file that is truncated, rewritten,
/// replaced or rotated are loaded again whole.
///
/// Ownership: the FollowedFile owns its Run and changes it in place (no copy per append);
/// version() counts the changes. A reader on the same thread uses run(); a reader on another
/// thread takes snapshot(), a copy made only when asked (e.g. once per debounced diagnosis).
/// Not thread-safe.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/loader_registry.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/tfevents_reader.h"
#include "core/run.h"

namespace curvedoctor::core {

struct FollowOptions {
    /// As LoadOptions::maxFileBytes.
    std::uint64_t maxFileBytes = 4ULL << 30;
    /// An incomplete last line or record that stays so this long gets one message.
    std::chrono::milliseconds tornPatience{10000};
    /// At most this many new bytes are read by one update(); the rest by the next ones.
    std::size_t maxReadBytes = std::size_t{64} << 20;
    /// Keep the file open between updates: an append then costs a stat and two reads instead
    /// of also an open, a stat and a close (a Follower keeps the first few hundred files open
    /// and no more, to stay far below the process's descriptor limit).
    bool keepOpen = false;
};

/// What one update() did.
struct FollowUpdate {
    bool changed = false;               ///< run() changed (points appended or the file reloaded).
    bool reloaded = false;              ///< the file was loaded again whole.
    std::size_t newPoints = 0;          ///< points appended (0 on a reload).
    std::vector<std::string> messages;  ///< one line each, starting with the path.
};

class FollowedFile {
public:
    /// Loads `path` now. When that fails (no file yet, empty, no complete line yet), error()
    /// says why and each update() tries again.
    explicit FollowedFile(std::string path,
                          const LoaderRegistry& registry = LoaderRegistry::builtin(),
                          FollowOptions options = {});
    ~FollowedFile();
    FollowedFile(const FollowedFile&) = delete;
    FollowedFile& operator=(const FollowedFile&) = delete;

    /// Looks at the file and takes in what changed since the last look. Never throws; a
    /// deleted or unreadable file keeps the run loaded before (see gone()).
    FollowUpdate update();
    /// A file beside this one changed (hparams.yaml): the hyperparameters are read again.
    /// Appended pieces are parsed without them (LoadInput::readBeside), so without this call
    /// the run keeps the hyperparameters of its last whole load. Cheap: the CSV header and last
    /// line (a line log: its last lines) are parsed again, not the file.
    FollowUpdate besideChanged();

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] const Run& run() const { return m_events ? m_events->builder.run() : m_run; }
    /// A copy of run() to hand to another thread. Its step columns are copies too (one per
    /// series): a RunBuilder appending to run() writes to its step
    /// columns in place, which a copy sharing them would see change under it.
    [[nodiscard]] RunPtr snapshot() const;
    /// Counts loads and appends; a reader that saw this version has seen everything.
    [[nodiscard]] std::uint64_t version() const { return m_version; }
    /// The file was deleted; run() is what was loaded before.
    [[nodiscard]] bool gone() const { return m_gone; }
    /// True when appends are read incrementally (false: the format is reloaded whole).
    [[nodiscard]] bool incremental() const { return m_kind != Kind::Whole; }
    /// Loaded, readable, and every byte seen taken in (no half-written record waits): nothing
    /// changes until the file does (a Follower looks at such a file less often).
    [[nodiscard]] bool settled() const {
        return m_loaded && !m_gone && !m_unreadable && m_consumed >= m_seenSize;
    }
    /// Bytes taken in so far (complete lines or records).
    [[nodiscard]] std::uint64_t consumedBytes() const { return m_consumed; }

private:
    enum class Kind { Whole, Csv, Lines, Events };
    // An event file's run stays in its builder, read by one decoder from the first record on:
    // the decoder remembers which tags are not scalars (named only with their first value).
    struct EventState {
        RunBuilder builder;
        EventFileDecoder decoder;
    };

    bool loadWhole(std::string& error);
    void reload(const std::string& reason, FollowUpdate& update);
    [[nodiscard]] bool sniffedAsOther(int fd, std::uint64_t size);
    /// A descriptor of the file as it is now (the kept one while it is still this file), or
    /// -1 with a message in `error`; device, inode and mode are the path's (from a stat).
    int openNow(std::uint64_t device, std::uint64_t inode, std::uint32_t mode, std::string& error);
    /// Closes `fd`, or keeps it for the next update (FollowOptions::keepOpen).
    void release(int fd);
    void closeKept();
    void append(int fd, std::uint64_t size, FollowUpdate& update);
    void appendLines(std::string_view data, FollowUpdate& update);
    void appendEvents(std::string_view data, FollowUpdate& update);
    void merge(Run parsed, const std::map<std::string, std::size_t>& skip, std::size_t prefixBytes,
               std::int64_t prefixLines, FollowUpdate& update);
    [[nodiscard]] std::string pointsKept() const;

    std::string m_path;
    const LoaderRegistry* m_registry;
    FollowOptions m_options;
    const Loader* m_loader = nullptr;
    Kind m_kind = Kind::Whole;
    Run m_run;                             // all kinds but Events
    std::unique_ptr<EventState> m_events;  // Events
    bool m_loaded = false;
    std::string m_error;
    std::uint64_t m_version = 0;

    // What the file was at the last look.
    std::uint64_t m_device = 0;
    std::uint64_t m_inode = 0;
    std::uint64_t m_seenSize = 0;
    std::int64_t m_modifiedNs = 0;
    std::uint32_t m_mode = 0;       // st_mode: a chmod is checked by opening again
    int m_fd = -1;                  // kept open (FollowOptions::keepOpen)
    std::uint64_t m_sniffedAt = 0;  // complete head bytes at the last sniff of a young log
    std::string m_head;             // the first bytes, to notice a rewrite
    bool m_gone = false;
    bool m_unreadable = false;
    std::string m_failedReload;  // signature of a state whose reload failed (not retried)

    // Incremental reading.
    std::uint64_t m_consumed = 0;  // bytes of complete lines / records taken in
    std::int64_t m_lines = 0;      // lines in them (to number warnings)
    std::string m_prefix;          // CSV: the header region, parsed before new lines
    std::map<std::string, std::size_t> m_prefixCounts;  // points the prefix alone gives
    std::string m_context;   // text / JSON lines: the last complete lines
    std::string m_lastLine;  // CSV: the last complete line (see besideChanged)
    std::optional<std::chrono::steady_clock::time_point> m_tornSince;
    bool m_tornReported = false;
};

}  // namespace curvedoctor::core
