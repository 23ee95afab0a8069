#include "core/loaders/mlflow_loader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <system_error>
#include <vector>

#include "core/file_bytes.h"
#include "core/loaders/run_builder.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Metric, param and tag files are tiny; anything larger is not part of a run folder.
constexpr std::uintmax_t kMaxSideFileBytes = 1U << 20;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool parseInt(std::string_view s, std::int64_t& out) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Python's float(): also "nan", "inf", "-inf", "Infinity" in any case.
bool parseDouble(std::string_view s, double& out) {
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() == '+' || s.front() == '-') return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ptr != s.data() + s.size()) return false;
    if (r.ec == std::errc::result_out_of_range) {
        const auto e = s.find_first_of("eE");
        out = (e != std::string_view::npos && e + 1 < s.size() && s[e + 1] == '-')
                  ? 0.0
                  : std::numeric_limits<double>::infinity();
    } else if (r.ec != std::errc()) {
        return false;
    }
    if (negative) out = -out;
    return true;
}

struct MetricLine {
    std::int64_t timestamp = 0;
    double value = 0.0;
    std::int64_t step = 0;
    bool hasStep = false;
};

bool parseMetricLine(std::string_view line, MetricLine& out) {
    line = trim(line);
    std::string_view parts[4];
    std::size_t n = 0;
    while (!line.empty() && n < 4) {
        const auto space = line.find_first_of(" \t");
        parts[n++] = line.substr(0, space);
        line = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
    }
    if (!line.empty() || (n != 2 && n != 3)) return false;
    if (!parseInt(parts[0], out.timestamp) || !parseDouble(parts[1], out.value)) return false;
    out.hasStep = n == 3;
    out.step = 0;
    return !out.hasStep || parseInt(parts[2], out.step);
}

bool firstLineLooksLikeMetric(std::string_view text) {
    const auto eol = text.find('\n');
    MetricLine m;
    return parseMetricLine(text.substr(0, eol), m);
}

std::string readSmallFile(const fs::path& p) {
    std::error_code ec;
    if (fs::file_size(p, ec) > kMaxSideFileBytes || ec) return {};
    FileBytes bytes;
    std::string error;
    if (!bytes.open(p.string(), error)) return {};
    return std::string(bytes.view());
}

// Files below `dir`, as sorted relative generic paths ("train/loss").
std::vector<std::pair<std::string, fs::path>> filesBelow(const fs::path& dir) {
    std::vector<std::pair<std::string, fs::path>> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(dir, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it.depth() > 8) it.disable_recursion_pending();
        if (it->is_regular_file(ec))
            out.emplace_back(it->path().lexically_relative(dir).generic_string(), it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool looksLikeRunFolder(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir / "metrics", ec)) return false;
    if (fs::is_regular_file(dir / "meta.yaml", ec)) return true;
    // Without meta.yaml (copied out of an mlruns tree): a metric file must look like one.
    for (const auto& [name, path] : filesBelow(dir / "metrics"))
        return firstLineLooksLikeMetric(readSmallFile(path));
    return false;
}

}  // namespace

void readMlflowMetricLines(std::string_view text, const std::string& name, RunBuilder& b,
                           MlflowMetricState& state) {
    const std::size_t series = b.series(name);
    std::size_t pos = 0;
    MetricLine m;
    while (pos < text.size()) {
        const auto eol = text.find('\n', pos);
        const auto end = eol == std::string_view::npos ? text.size() : eol;
        const std::string_view line = text.substr(pos, end - pos);
        const auto offset = state.byteBase + static_cast<std::int64_t>(pos);
        pos = end + 1;
        const std::int64_t lineNo = ++state.lines;
        if (trim(line).empty()) continue;
        if (!parseMetricLine(line, m)) {
            b.warn(LoadWarningCode::UnreadableRecord, lineNo, offset,
                   "metrics/" + name + ", line " + std::to_string(lineNo) +
                       ": expected '<timestamp> <value> [<step>]'; skipped");
            continue;
        }
        if (!m.hasStep) {
            if (!state.warnedNoStep)
                b.warn(LoadWarningCode::Assumption, lineNo, offset,
                       "metrics/" + name + ": no step column; points placed at their line index");
            state.warnedNoStep = true;
            m.step = state.points;
        }
        ++state.points;
        b.add(series, m.step, m.value, kNaN, static_cast<double>(m.timestamp) / 1000.0, lineNo,
              offset);
    }
    state.byteBase += static_cast<std::int64_t>(text.size());
}

std::vector<std::pair<std::string, std::string>> mlflowMetricFiles(const std::string& runFolder) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [name, path] : filesBelow(fs::path(runFolder) / "metrics"))
        out.emplace_back(std::move(name), path.string());
    return out;
}

int MlflowLoader::sniff(const SniffInput& input) const {
    if (input.isDirectory)
        return looksLikeRunFolder(fs::path(std::string(input.path))) ? confidence::kCertain
                                                                     : confidence::kNone;
    const fs::path parent = fs::path(std::string(input.path)).parent_path();
    if (parent.filename() != "metrics" || !firstLineLooksLikeMetric(input.head))
        return confidence::kNone;
    return confidence::kLikely;
}

LoadResult MlflowLoader::load(const LoadInput& input) const {
    LoadResult result;
    RunBuilder b;
    std::error_code ec;
    const fs::path path(input.path);
    if (!fs::is_directory(path, ec)) {
        MlflowMetricState state;
        readMlflowMetricLines(input.bytes, path.filename().string(), b, state);
        if (b.pointCount() == 0) {
            result.error = "line 1: expected '<timestamp> <value> [<step>]'";
            return result;
        }
        result.runs.push_back(b.finish());
        return result;
    }
    for (const auto& [name, file] : filesBelow(path / "metrics")) {
        std::error_code sizeEc;
        if (fs::file_size(file, sizeEc) > (std::uintmax_t{1} << 31)) {
            b.warn(LoadWarningCode::FileSkipped, 0, -1, "metrics/" + name + ": too large; skipped");
            continue;
        }
        FileBytes bytes;
        std::string error;
        if (!bytes.open(file.string(), error)) {
            b.warn(LoadWarningCode::FileSkipped, 0, -1, "metrics/" + name + ": " + error);
            continue;
        }
        MlflowMetricState state;
        readMlflowMetricLines(bytes.view(), name, b, state);
    }
    for (const auto& [name, file] : filesBelow(path / "params"))
        b.run().hyperparameters[name] = std::string(trim(readSmallFile(file)));
    std::string runName(trim(readSmallFile(path / "tags" / "mlflow.runName")));
    if (runName.empty()) {
        const std::string meta = "\n" + readSmallFile(path / "meta.yaml");
        const auto at = meta.find("\nrun_name:");
        if (at != std::string::npos) {
            const auto eol = meta.find('\n', at + 1);
            runName = std::string(trim(meta.substr(at + 10, eol - at - 10)));
            if (runName.size() >= 2 && (runName.front() == '\'' || runName.front() == '"'))
                runName = runName.substr(1, runName.size() - 2);
        }
    }
    if (b.seriesCount() == 0)
        b.warn(LoadWarningCode::NoValues, 0, -1, "metrics/ holds no metric files");
    Run run = b.finish();
    run.name = runName;
    result.runs.push_back(std::move(run));
    return result;
}

std::unique_ptr<Loader> makeMlflowLoader() {
    return std::make_unique<MlflowLoader>();
}

}  // namespace curvedoctor::core
