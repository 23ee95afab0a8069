#include "core/loaders/tfevents_loader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

#include "core/file_bytes.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/tfevents_reader.h"

#include <unistd.h>

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

// TF2 Keras' TensorBoard callback writes a run's two splits into these sub-folders.
constexpr std::array kSplitFolders{std::string_view{"train"}, std::string_view{"validation"}};

bool isEventFileName(std::string_view name) {
    return name.find("tfevents") != std::string_view::npos;
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
    if (input.bytes.empty()) {
        std::error_code ec;
        if (fs::is_directory(input.path, ec)) return loadFolder(input);
    }
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
    if (!decoder.read(input.bytes, "", "", builder, input.progress)) result.cancelled = true;
    if (builder.pointCount() == 0)
        builder.warn(LoadWarningCode::NoValues, 0, -1,
                     "no scalar summaries in " + std::to_string(decoder.recordCount()) +
                         " records (only graphs, images, histograms or text)");
    result.runs.push_back(builder.finish());
    return result;
}

LoadResult TfeventsLoader::loadFolder(const LoadInput& input) const {
    LoadResult result;
    const fs::path dir(input.path);
    const FolderPlan plan = planFolder(dir);
    struct Part {
        fs::path file;
        std::string prefix;
        std::string label;
    };
    std::vector<Part> parts;
    for (const auto& f : plan.direct) parts.push_back({f, "", f.filename().string()});
    for (const auto& [split, files] : plan.splits) {
        for (const auto& f : files)
            parts.push_back({f, split + "/", split + "/" + f.filename().string()});
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
    RunBuilder builder;
    EventFileDecoder decoder;
    std::uintmax_t done = 0;
    std::size_t readable = 0;
    for (const auto& part : parts) {
        FileBytes bytes;
        std::string error;
        const int fd = openRegularFile(part.file.string(), error);
        if (fd < 0) {
            builder.warn(LoadWarningCode::FileSkipped, 0, -1, part.label + ": " + error,
                         part.label);
            continue;
        }
        // The first record's header decides before the file is read whole (a 1 GiB file of
        // garbage named like an event file is refused after 12 bytes).
        std::array<char, kRecordHeaderBytes> header{};
        const ssize_t got = ::pread(fd, header.data(), header.size(), 0);
        const bool isEvents = got == static_cast<ssize_t>(header.size()) &&
                              headerChecksumMatches(std::string_view(header.data(), header.size()));
        const bool readOk = isEvents && bytes.read(fd, error);
        ::close(fd);
        // TensorFlow creates an event file before it writes to it; an empty one is normal.
        if (got == 0) continue;
        if (!isEvents) {
            builder.warn(LoadWarningCode::FileSkipped, 0, 0,
                         part.label + ": byte 0: not a TensorBoard event file; skipped",
                         part.label);
            continue;
        }
        if (!readOk) {
            builder.warn(LoadWarningCode::FileSkipped, 0, -1, part.label + ": " + error,
                         part.label);
            continue;
        }
        if (bytes.changedWhileRead())
            builder.warn(LoadWarningCode::ChangedWhileRead, 0,
                         static_cast<std::int64_t>(bytes.size()),
                         part.label +
                             ": the file changed while it was read (still being "
                             "written?); loaded its first " +
                             std::to_string(bytes.size()) + " bytes",
                         part.label);
        ++readable;
        ProgressFn progress;
        if (input.progress && total > 0) {
            progress = [&input, done, total, size = bytes.size()](double f) {
                return input.progress((static_cast<double>(done) + f * static_cast<double>(size)) /
                                      static_cast<double>(total));
            };
        }
        if (!decoder.read(bytes.view(), part.prefix, part.label, builder, progress)) {
            result.cancelled = true;
            break;
        }
        done += bytes.size();
    }
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

std::unique_ptr<Loader> makeTfeventsLoader() {
    return std::make_unique<TfeventsLoader>();
}

}  // namespace curvedoctor::core
