#include "core/session/session.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json/json_reader.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormatName = "curvedoctor-session";

void writeString(std::ostream& out, std::string_view s) {
    out << '"';
    for (const char c : s) {
        switch (c) {
            case '"':
                out << "\\\"";
                break;
            case '\\':
                out << "\\\\";
                break;
            case '\n':
                out << "\\n";
                break;
            case '\r':
                out << "\\r";
                break;
            case '\t':
                out << "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    out << "\\u00" << kHex[(c >> 4) & 0xF] << kHex[c & 0xF];
                } else {
                    out << c;
                }
        }
    }
    out << '"';
}

/// Shortest text that reads back as the same double.
void writeNumber(std::ostream& out, double d) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    out << std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
}

fs::path normalDir(const std::string& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec);
    return p.lexically_normal();
}

/// `path` relative to `dir` when it lies below it, else as given.
std::string storedPath(const std::string& path, const fs::path& dir) {
    const fs::path p = fs::path(path).lexically_normal();
    if (!p.is_absolute()) return p.generic_string();
    const fs::path rel = p.lexically_relative(dir);
    if (rel.empty() || *rel.begin() == "..") return p.generic_string();
    return rel.generic_string();
}

std::string resolvedPath(std::string_view stored, const fs::path& dir) {
    const fs::path p(stored);
    return (p.is_absolute() ? p : dir / p).lexically_normal().string();
}

void writeStringArray(std::ostream& out, const std::vector<std::string>& values) {
    out << '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out << ", ";
        writeString(out, values[i]);
    }
    out << ']';
}

/// Reads the members of a session document, failing on the first wrong type.
class SessionParser {
public:
    SessionParser(std::string_view text, fs::path dir) : m_reader(text), m_dir(std::move(dir)) {}

    SessionReadResult parse() {
        SessionReadResult result;
        Session s;
        bool sawFormat = false;
        int version = 0;
        std::string_view key;
        if (m_reader.peek() != JsonType::Object) return fail("not a JSON object");
        m_reader.beginObject();
        while (m_reader.nextKey(key)) {
            if (key == "format") {
                std::string format;
                if (!readString(format)) return failed();
                sawFormat = format == kFormatName;
            } else if (key == "version") {
                std::int64_t v = 0;
                if (!m_reader.readInt64(v)) return failed();
                version = static_cast<int>(std::clamp<std::int64_t>(v, -1, 1'000'000));
            } else if (key == "runs") {
                if (!readRuns(s.runs)) return failed();
            } else if (key == "groups") {
                if (!readGroups(s.groups)) return failed();
            } else if (key == "filters") {
                if (!readFilters(s)) return failed();
            } else if (key == "view") {
                if (!readView(s)) return failed();
            } else if (!m_reader.skipValue()) {
                return failed();
            }
        }
        if (!m_reader.ok()) return failed();
        if (!sawFormat)
            return fail("not a CurveDoctor session (no \"format\": \"" + std::string(kFormatName) +
                        "\")");
        if (version > Session::kFormatVersion)
            return fail("session format version " + std::to_string(version) +
                        " is newer than this CurveDoctor reads (" +
                        std::to_string(Session::kFormatVersion) + "); update CurveDoctor");
        if (version < 1) return fail("no valid session format version");
        result.session = std::move(s);
        return result;
    }

private:
    static SessionReadResult fail(std::string why) {
        SessionReadResult r;
        r.error = std::move(why);
        return r;
    }
    SessionReadResult failed() const {
        if (!m_reader.ok())
            return fail(m_reader.error() + " at byte " + std::to_string(m_reader.errorOffset()));
        return fail(m_what + " at byte " + std::to_string(m_reader.offset()));
    }
    bool wrong(std::string what) {
        m_what = std::move(what);
        return false;
    }

    bool readString(std::string& out) {
        std::string_view v;
        if (m_reader.peek() != JsonType::String) return wrong("expected a string");
        if (!m_reader.readString(v)) return false;
        out.assign(v);
        return true;
    }
    bool readBool(bool& out) {
        if (m_reader.peek() != JsonType::Bool) return wrong("expected true or false");
        return m_reader.readBool(out);
    }
    bool readNumber(double& out) {
        if (m_reader.peek() != JsonType::Number) return wrong("expected a number");
        return m_reader.readNumber(out);
    }
    bool readStrings(std::vector<std::string>& out) {
        if (m_reader.peek() != JsonType::Array) return wrong("expected an array of strings");
        m_reader.beginArray();
        while (m_reader.nextElement()) {
            std::string s;
            if (!readString(s)) return false;
            out.push_back(std::move(s));
        }
        return m_reader.ok();
    }
    bool beginObject() {
        if (m_reader.peek() != JsonType::Object) return wrong("expected an object");
        return m_reader.beginObject();
    }

    bool readRuns(std::vector<SessionRun>& runs) {
        if (m_reader.peek() != JsonType::Array) return wrong("\"runs\" must be an array");
        m_reader.beginArray();
        while (m_reader.nextElement()) {
            SessionRun run;
            std::string_view key;
            if (!beginObject()) return false;
            while (m_reader.nextKey(key)) {
                bool ok = true;
                if (key == "path") {
                    ok = readString(run.path);
                    run.path = resolvedPath(run.path, m_dir);
                } else if (key == "name") {
                    ok = readString(run.name);
                } else if (key == "color") {
                    ok = readString(run.color);
                } else if (key == "visible") {
                    ok = readBool(run.visible);
                } else {
                    ok = m_reader.skipValue();
                }
                if (!ok) return false;
            }
            if (!m_reader.ok()) return false;
            if (run.path.empty()) return wrong("a run has no \"path\"");
            runs.push_back(std::move(run));
        }
        return m_reader.ok();
    }

    bool readGroups(std::vector<SessionGroup>& groups) {
        if (m_reader.peek() != JsonType::Array) return wrong("\"groups\" must be an array");
        m_reader.beginArray();
        while (m_reader.nextElement()) {
            SessionGroup group;
            std::string_view key;
            if (!beginObject()) return false;
            while (m_reader.nextKey(key)) {
                bool ok = true;
                if (key == "name") {
                    ok = readString(group.name);
                } else if (key == "runs") {
                    ok = readStrings(group.paths);
                    for (std::string& p : group.paths) p = resolvedPath(p, m_dir);
                } else {
                    ok = m_reader.skipValue();
                }
                if (!ok) return false;
            }
            if (!m_reader.ok()) return false;
            groups.push_back(std::move(group));
        }
        return m_reader.ok();
    }

    bool readFilters(Session& s) {
        std::string_view key;
        if (!beginObject()) return false;
        while (m_reader.nextKey(key)) {
            bool ok = true;
            if (key == "name")
                ok = readString(s.nameFilter);
            else if (key == "finding")
                ok = readString(s.findingFilter);
            else if (key == "hyperparameter")
                ok = readString(s.hyperparameterFilter);
            else
                ok = m_reader.skipValue();
            if (!ok) return false;
        }
        return m_reader.ok();
    }

    bool readZoom(Session& s) {
        if (m_reader.peek() == JsonType::Null) {
            s.zoomX.reset();
            return m_reader.readNull();
        }
        double lo = 0;
        double hi = 0;
        if (m_reader.peek() != JsonType::Array) return wrong("\"zoomX\" must be [lo, hi] or null");
        m_reader.beginArray();
        if (!m_reader.nextElement() || !readNumber(lo) || !m_reader.nextElement() ||
            !readNumber(hi) || m_reader.nextElement())
            return m_reader.ok() ? wrong("\"zoomX\" must be [lo, hi] or null") : false;
        if (std::isfinite(lo) && std::isfinite(hi) && lo < hi) s.zoomX = std::make_pair(lo, hi);
        return true;
    }

    bool readView(Session& s) {
        std::string_view key;
        if (!beginObject()) return false;
        while (m_reader.nextKey(key)) {
            bool ok = true;
            if (key == "smoothing")
                ok = readString(s.smoothingKind);
            else if (key == "smoothingWeight")
                ok = readNumber(s.smoothingWeight);
            else if (key == "xAxis")
                ok = readString(s.xAxis);
            else if (key == "logY")
                ok = readBool(s.logY);
            else if (key == "showRaw")
                ok = readBool(s.showRaw);
            else if (key == "chartLayout")
                ok = readString(s.chartLayout);
            else if (key == "compareLayout")
                ok = readString(s.compareLayout);
            else if (key == "charts")
                ok = readStrings(s.charts);
            else if (key == "zoomX")
                ok = readZoom(s);
            else
                ok = m_reader.skipValue();
            if (!ok) return false;
        }
        if (!std::isfinite(s.smoothingWeight)) s.smoothingWeight = 0.6;
        s.smoothingWeight = std::clamp(s.smoothingWeight, 0.0, 0.999);
        return m_reader.ok();
    }

    JsonReader m_reader;
    fs::path m_dir;
    std::string m_what;
};

}  // namespace

std::string writeSession(const Session& s, const std::string& sessionDir) {
    const fs::path dir = normalDir(sessionDir);
    std::ostringstream out;
    out << "{\n  \"format\": ";
    writeString(out, kFormatName);
    out << ",\n  \"version\": " << Session::kFormatVersion << ",\n  \"runs\": [";
    for (std::size_t i = 0; i < s.runs.size(); ++i) {
        const SessionRun& r = s.runs[i];
        out << (i > 0 ? ",\n    " : "\n    ") << "{\"path\": ";
        writeString(out, storedPath(r.path, dir));
        out << ", \"name\": ";
        writeString(out, r.name);
        out << ", \"color\": ";
        writeString(out, r.color);
        out << ", \"visible\": " << (r.visible ? "true" : "false") << '}';
    }
    out << (s.runs.empty() ? "],\n" : "\n  ],\n") << "  \"groups\": [";
    for (std::size_t i = 0; i < s.groups.size(); ++i) {
        const SessionGroup& g = s.groups[i];
        out << (i > 0 ? ",\n    " : "\n    ") << "{\"name\": ";
        writeString(out, g.name);
        std::vector<std::string> paths;
        for (const std::string& p : g.paths) paths.push_back(storedPath(p, dir));
        out << ", \"runs\": ";
        writeStringArray(out, paths);
        out << '}';
    }
    out << (s.groups.empty() ? "],\n" : "\n  ],\n") << "  \"filters\": {\"name\": ";
    writeString(out, s.nameFilter);
    out << ", \"finding\": ";
    writeString(out, s.findingFilter);
    out << ", \"hyperparameter\": ";
    writeString(out, s.hyperparameterFilter);
    out << "},\n  \"view\": {\n    \"smoothing\": ";
    writeString(out, s.smoothingKind);
    out << ",\n    \"smoothingWeight\": ";
    writeNumber(out, s.smoothingWeight);
    out << ",\n    \"xAxis\": ";
    writeString(out, s.xAxis);
    out << ",\n    \"logY\": " << (s.logY ? "true" : "false")
        << ",\n    \"showRaw\": " << (s.showRaw ? "true" : "false") << ",\n    \"chartLayout\": ";
    writeString(out, s.chartLayout);
    out << ",\n    \"compareLayout\": ";
    writeString(out, s.compareLayout);
    out << ",\n    \"charts\": ";
    writeStringArray(out, s.charts);
    out << ",\n    \"zoomX\": ";
    if (s.zoomX && std::isfinite(s.zoomX->first) && std::isfinite(s.zoomX->second)) {
        out << '[';
        writeNumber(out, s.zoomX->first);
        out << ", ";
        writeNumber(out, s.zoomX->second);
        out << ']';
    } else {
        out << "null";
    }
    out << "\n  }\n}\n";
    return out.str();
}

SessionReadResult readSession(std::string_view text, const std::string& sessionDir) {
    return SessionParser(text, normalDir(sessionDir)).parse();
}

SessionReadResult readSessionFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    SessionReadResult r;
    if (!in) {
        r.error = path + ": cannot be read";
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    r = readSession(text.str(), fs::path(path).parent_path().string());
    if (!r.session) r.error = path + ": " + r.error;
    return r;
}

}  // namespace curvedoctor::core
