#include "core/loaders/tfevents_loader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>
#include <utility>

#include "core/file_bytes.h"
#include "core/file_stream.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/tfevents_reader.h"
#include "core/source_code_name.h"

#include <unistd.h>

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

// TF2 Keras' TensorBoard callback writes a run's two splits into these sub-folders.
constexpr std::array kSplitFolders{std::string_view{"train"}, std::string_view{"validation"}};

// TensorBoard's test ("tfevents" in the name), less program source (`make_tfevents.py`).
bool isEventFileName(std::string_view name) {
    return name.find("tfevents") != std::string_view::npos && !isSourceCodeName(name);
}

// Event files directly inside `dir`, sorted by name (TensorBoard reads a run's files in that
// order; their names start with the creation time).
std::vector<fs::path> eventFilesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && isEventFileName(it->path().filename().string()))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    return files;
}

struct FolderPlan {
    std::vector<fs::path> direct;                                       // D/events...
    std::vector<std::pair<std::string, std::vector<fs::path>>> splits;  // "train", files
};

FolderPlan planFolder(const fs::path& dir) {
    FolderPlan plan;
    plan.direct = eventFilesIn(dir);
    for (auto split : kSplitFolders) {
        std::error_code ec;
        const fs::path sub = dir / std::string(split);
        if (!fs::is_directory(sub, ec)) continue;
        auto files = eventFilesIn(sub);
        if (!files.empty()) plan.splits.emplace_back(std::string(split), std::move(files));
    }
    return plan;
}

// A record's length (8 bytes) and the length's masked CRC (4 bytes).
constexpr std::size_t kRecordHeaderBytes = 12;

bool headerChecksumMatches(std::string_view head) {
    if (head.size() < kRecordHeaderBytes) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(head.data());
    const std::uint32_t stored =
        static_cast<std::uint32_t>(p[8]) | (static_cast<std::uint32_t>(p[9]) << 8) |
        (static_cast<std::uint32_t>(p[10]) << 16) | (static_cast<std::uint32_t>(p[11]) << 24);
    return maskCrc32c(crc32c(head.substr(0, 8))) == stored;
}

}  // namespace

int TfeventsLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory) {
        const FolderPlan plan = planFolder(fs::path(std::string(input.path)));
        return plan.direct.empty() && plan.splits.empty() ? confidence::kNone
                                                          : confidence::kCertain;
    }
    // The first record's length checksum: a 1 in 2^32 chance for anything else. A head long
    // enough to hold it that fails it is not an event file, whatever its name says (and is not
    // read whole to find that out).
    if (headerChecksumMatches(input.head)) return confidence::kCertain;
    if (input.head.size() >= kRecordHeaderBytes) return confidence::kNone;
    return isEventFileName(input.fileName) ? confidence::kNameOnly : confidence::kNone;
}

LoadResult TfeventsLoader::load(const LoadInput& input) const {
    if (input.bytes.empty() && input.stream == nullptr) {
        std::error_code ec;
        if (fs::is_directory(input.path, ec)) return loadFolder(input);
    }
    // With a stream, `bytes` is the file's head: enough to decide on its first record.
    LoadResult result;
    if (input.bytes.empty()) {
        result.error = "file is empty";
        return result;
    }
    if (!headerChecksumMatches(input.bytes)) {
        result.error = input.bytes.size() < 12
                           ? "byte 0: too short for a TensorBoard record (" +
                                 std::to_string(input.bytes.size()) + " bytes)"
                           : "byte 0: not a TensorBoard event file (record checksum mismatch)";
        return result;
    }
    RunBuilder builder;
    EventFileDecoder decoder;
    const bool finished = input.stream != nullptr
                              ? decoder.read(*input.stream, "", "", builder, input.progress)
                              : decoder.read(input.bytes, "", "", builder, input.progress);
    if (!finished) result.cancelled = true;
    if (builder.pointCount() == 0)
        builder.warn(LoadWarningCode::NoValues, 0, -1,
                     "no scalar summaries in " + std::to_string(decoder.recordCount()) +
                         " records (only graphs, images, histograms or text)");
    result.runs.push_back(builder.finish());
    return result;
}

namespace {

struct Part {
    Part(fs::path f, std::string p, std::string l)
        : file(std::move(f)), prefix(std::move(p)), label(std::move(l)) {}
    fs::path file;
    std::string prefix;
    std::string label;
    int reads = 0;  // reads that found the file rewritten meanwhile
    std::uint64_t lastRead = 0;
    std::string failure;  // set: skipped with this reason (a read error, rewritten each time)
};

enum class PartOutcome { Read, NotRead, Rewritten, Cancelled };

// Reads one event file into `builder` as it comes off the disk (FileStream), never whole.
// Rewritten: it changed while read and the folder must be read again (the builder holds a mix).
// `overall`: the folder's progress, of which this file is the `total` bytes after `done`.
PartOutcome readPart(Part& part, EventFileDecoder& decoder, RunBuilder& builder,
                     const ProgressFn& overall, std::uintmax_t done, std::uintmax_t total) {
    if (!part.failure.empty()) {
        builder.warn(LoadWarningCode::FileSkipped, 0, -1, part.label + ": " + part.failure,
                     part.label);
        return PartOutcome::NotRead;
    }
    std::string error;
    const int fd = openRegularFile(part.file.string(), error);
    if (fd < 0) {
        builder.warn(LoadWarningCode::FileSkipped, 0, -1, part.label + ": " + error, part.label);
        return PartOutcome::NotRead;
    }
    // The first record's header decides before the file is read (a 1 GiB file of garbage named
    // like an event file is refused after 12 bytes).
    std::array<char, kRecordHeaderBytes> header{};
    const ssize_t got = ::pread(fd, header.data(), header.size(), 0);
    const bool isEvents = got == static_cast<ssize_t>(header.size()) &&
                          headerChecksumMatches(std::string_view(header.data(), header.size()));
    FileStream stream(fd, part.reads > 0);
    const bool started = isEvents && stream.start(FileBytes::kNoLimit, error);
    // TensorFlow creates an event file before it writes to it; an empty one is normal.
    if (got == 0 || !isEvents || !started) {
        ::close(fd);
        if (got == 0) return PartOutcome::NotRead;
        if (!isEvents)
            builder.warn(LoadWarningCode::FileSkipped, 0, 0,
                         part.label + ": byte 0: not a TensorBoard event file; skipped",
                         part.label);
        else
            builder.warn(LoadWarningCode::FileSkipped, 0, -1, part.label + ": " + error,
                         part.label);
        return PartOutcome::NotRead;
    }
    const std::size_t warningsBefore = builder.run().warnings.size();
    ProgressFn progress;
    if (overall && total > 0) {
        progress = [&overall, done, total, size = stream.expectedSize()](double f) {
            return overall((static_cast<double>(done) + f * static_cast<double>(size)) /
                           static_cast<double>(total));
        };
    }
    const bool finished = decoder.read(stream, part.prefix, part.label, builder, progress);
    const FileStream::Outcome outcome = stream.finish();
    ::close(fd);
    part.lastRead = stream.delivered();
    if (finished && outcome == FileStream::Outcome::Failed) {
        part.failure = stream.error();
        return PartOutcome::Rewritten;
    }
    if (finished && outcome == FileStream::Outcome::Rewritten) {
        if (++part.reads >= FileBytes::kMaxTries)
            part.failure = "changed during each of " + std::to_string(FileBytes::kMaxTries) +
                           " reads (" + std::to_string(part.lastRead) +
                           " bytes at the last); rewritten while it is read? not loaded";
        return PartOutcome::Rewritten;
    }
    if (outcome == FileStream::Outcome::Grew) {
        // Said before the file's own warnings, as when it was known before reading.
        builder.warn(LoadWarningCode::ChangedWhileRead, 0, static_cast<std::int64_t>(part.lastRead),
                     part.label +
                         ": the file changed while it was read (still being "
                         "written?); loaded its first " +
                         std::to_string(part.lastRead) + " bytes",
                     part.label);
        auto& warnings = builder.run().warnings;
        if (warnings.size() > warningsBefore)
            std::rotate(warnings.begin() + static_cast<std::ptrdiff_t>(warningsBefore),
                        warnings.end() - 1, warnings.end());
    }
    return finished ? PartOutcome::Read : PartOutcome::Cancelled;
}

}  // namespace

LoadResult TfeventsLoader::loadFolder(const LoadInput& input) const {
    LoadResult result;
    const fs::path dir(input.path);
    const FolderPlan plan = planFolder(dir);
    std::vector<Part> parts;
    for (const auto& f : plan.direct) parts.emplace_back(f, "", f.filename().string());
    for (const auto& [split, files] : plan.splits) {
        for (const auto& f : files)
            parts.emplace_back(f, split + "/", split + "/" + f.filename().string());
        result.consumed.push_back((dir / split).string());
    }
    for (const auto& f : plan.direct) result.consumed.push_back(f.string());
    if (parts.empty()) {
        result.error = "no TensorBoard event files in this folder";
        return result;
    }
    if (input.sourcesOnly) {
        result.runs.emplace_back();
        return result;
    }

    std::uintmax_t total = 0;
    for (const auto& part : parts) {
        std::error_code ec;
        const auto size = fs::file_size(part.file, ec);
        if (!ec) total += size;
    }
    // Each file is decoded as it is read; one rewritten meanwhile has already put a mix of two
    // versions in the run, so the folder is read again (that file with a checksum, as
    // FileBytes::read would read it again), until it stays put or has been refused.
    for (;;) {
        RunBuilder builder;
        EventFileDecoder decoder;
        std::uintmax_t done = 0;
        std::size_t readable = 0;
        bool again = false;
        for (auto& part : parts) {
            const PartOutcome outcome =
                readPart(part, decoder, builder, input.progress, done, total);
            if (outcome == PartOutcome::Rewritten) {
                again = true;
                break;
            }
            if (outcome == PartOutcome::NotRead) continue;
            ++readable;
            if (outcome == PartOutcome::Cancelled) {
                result.cancelled = true;
                break;
            }
            done += part.lastRead;
        }
        if (again) continue;
        if (readable == 0 && !result.cancelled) {
            // Nothing but empty or foreign files: say why instead of showing an empty run.
            const Run failed = builder.finish();
            result.error = failed.warnings.empty() ? "every event file in this folder is empty"
                                                   : failed.warnings.front().message;
            return result;
        }
        if (builder.pointCount() == 0)
            builder.warn(LoadWarningCode::NoValues, 0, -1,
                         "no scalar summaries in the event files of this folder");
        result.runs.push_back(builder.finish());
        return result;
    }
}

std::unique_ptr<Loader> makeTfeventsLoader() {
    return std::make_unique<TfeventsLoader>();
}

}  // namespace curvedoctor::core
