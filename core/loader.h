#pragma once
/// \file loader.h
/// The loader interface. A loader is pure: bytes (or a folder) in, runs and warnings out.
/// It never writes to its input and never throws; a failure is a one-line message.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/run.h"

namespace curvedoctor::core {

class ByteStream;

/// Called with the fraction done (0..1). Return false to cancel; the loader then stops soon
/// and returns what it has with `cancelled` set.
using ProgressFn = std::function<bool(double fraction)>;

/// What a loader may look at to decide whether a path is its format.
struct SniffInput {
    std::string_view path;      ///< as given by the user.
    std::string_view fileName;  ///< last path component.
    std::string_view head;  ///< the first bytes of a file (at least 64 KiB, ending on whole lines;
                            ///< see sniff_head.h); empty for folders.
    bool isDirectory = false;
};

struct LoadInput {
    std::string path;
    /// The whole file (read into memory); empty for folders. With `stream`, only the file's
    /// head (SniffInput::head).
    std::string_view bytes;
    ProgressFn progress;  ///< may be empty.
    /// False: read only `bytes`, not the files beside the log (Lightning's hparams.yaml,
    /// Ultralytics' args.yaml). A followed log's appended piece is parsed so: the run keeps the
    /// hyperparameters of its first load (see FollowedFile::besideChanged).
    bool readBeside = true;
    /// The file's bytes from its start, for a loader that streams(): it parses as it reads and
    /// the file is never whole in memory. nullptr: `bytes` is the whole input (a followed log's
    /// appended piece, a UTF-16 file decoded, a test's string).
    ByteStream* stream = nullptr;
    /// Folder loads: only which runs the folder holds and what they claim (`consumed`), each
    /// run empty (no metrics); nothing is read. A loader that ignores this reads the folder
    /// as usual (slower, the same sources). See LoadOptions::sourcesOnly.
    bool sourcesOnly = false;
};

struct LoadResult {
    std::vector<Run> runs;  ///< usually one; a loader fills name/source/format of each.
    std::string error;      ///< non-empty when nothing could be loaded: "line 3: no header".
    bool cancelled = false;
    /// Folder loads only: the files and sub-folders this load read, so that the folder walker
    /// does not read them again. Empty means the whole folder (nothing inside is walked).
    std::vector<std::string> consumed;
};

class Loader {
public:
    virtual ~Loader() = default;
    /// Stable id, used as Run::format and in JSON output ("keras_csv").
    [[nodiscard]] virtual std::string_view id() const = 0;
    /// Human-readable name ("Keras CSVLogger").
    [[nodiscard]] virtual std::string_view description() const = 0;
    /// Confidence 0 (not this format) to confidence::kCertain, never more (the registry asks
    /// no further once a loader is certain). Content decides first, the file name
    /// second: files are often misnamed.
    [[nodiscard]] virtual int sniff(const SniffInput& input) const = 0;
    [[nodiscard]] virtual LoadResult load(const LoadInput& input) const = 0;
    /// True when load() reads a file from LoadInput::stream when one is given (the registry
    /// then gives one instead of the whole file); it must still read `bytes` when none is.
    [[nodiscard]] virtual bool streams() const { return false; }
};

/// Confidence levels shared by all loaders so their sniffers compare fairly.
namespace confidence {
inline constexpr int kNone = 0;
inline constexpr int kNameOnly = 20;  ///< the file name fits, the content says nothing.
inline constexpr int kGeneric = 40;   ///< content parses as a generic format (plain CSV).
inline constexpr int kLikely = 70;    ///< content has this format's typical markers.
inline constexpr int kCertain = 95;   ///< a magic number or an unmistakable header.
}  // namespace confidence

}  // namespace curvedoctor::core
