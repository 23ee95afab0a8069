#pragma once
// Helpers of the follow and watch tests: a scratch folder, byte-exact file writes (as a training
// script makes them: append, truncate, rename over), NaN-aware run comparison.
#include <gtest/gtest.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/follow/follower.h"
#include "core/loader_registry.h"
#include "core/loaders/tfevents_reader.h"
#include "core/run.h"
#include "formats_test_util.h"

namespace curvedoctor::core::testutil {

/// Steps the follower until `done` holds or 5 s pass; `changed` collects what the steps said.
template <typename Done>
bool stepUntil(Follower& f, Done done, std::vector<std::size_t>* changed = nullptr) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < end) {
        const Follower::Step step = f.wait(std::chrono::milliseconds(100));
        if (changed != nullptr)
            changed->insert(changed->end(), step.changed.begin(), step.changed.end());
        if (done()) return true;
    }
    return false;
}

/// A fresh folder under the system's temporary folder, removed with its contents at the end.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / ("curvedoctor-" + tag + "-XXXXXX")).string();
        m_path = ::mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
        if (!m_path.empty()) ::chmod(m_path.c_str(), 0755);  // AsNobody may look inside
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] std::string file(const std::string& name) const { return m_path + "/" + name; }
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

/// While alive, this thread's file accesses are checked as user nobody's (setfsuid), so that a
/// test running as root still sees a file it may not read; without root it changes nothing.
class AsNobody {
public:
    AsNobody() : m_active(::geteuid() == 0) {
        if (m_active) ::setfsuid(65534);
    }
    ~AsNobody() {
        if (m_active) ::setfsuid(0);
    }
    AsNobody(const AsNobody&) = delete;
    AsNobody& operator=(const AsNobody&) = delete;

private:
    bool m_active;
};

inline void writeAll(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline void appendAll(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
}

/// The run a fresh load of `path` gives (the reference a followed run must equal).
inline Run fullLoad(const std::string& path) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), LoadOptions{});
    if (batch.runs.empty()) {
        ADD_FAILURE() << path << ": "
                      << (batch.errors.empty() ? "no run" : batch.errors.front().message);
        return {};
    }
    return *batch.runs.front();
}

inline bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

inline double at(const PackedColumn<double>& column, std::size_t i) {
    return column.empty() ? std::nan("") : column[i];
}

/// Every metric of `expected` is in `actual` with the same points, value for value (NaN equal to
/// NaN, Inf to Inf); epochs and wall times likewise (a missing column reads as NaN).
inline void expectSameMetrics(const Run& actual, const Run& expected, const std::string& what) {
    ASSERT_EQ(actual.metrics.size(), expected.metrics.size()) << what;
    for (const auto& [name, e] : expected.metrics) {
        const Series* a = actual.find(name);
        ASSERT_NE(a, nullptr) << what << ": metric " << name;
        ASSERT_EQ(a->size(), e.size()) << what << ": metric " << name;
        for (std::size_t i = 0; i < e.size(); ++i) {
            ASSERT_EQ(a->steps[i], e.steps[i]) << what << ": " << name << " point " << i;
            ASSERT_TRUE(sameNumber(a->values[i], e.values[i]))
                << what << ": " << name << " point " << i << ": " << a->values[i] << " vs "
                << e.values[i];
            ASSERT_TRUE(sameNumber(at(a->epochs, i), at(e.epochs, i)))
                << what << ": " << name << " epoch of point " << i;
            ASSERT_TRUE(sameNumber(at(a->wallTimes, i), at(e.wallTimes, i)))
                << what << ": " << name << " wall time of point " << i;
        }
    }
}

// ---- TensorBoard event files written with correct CRCs ----

inline void varint(std::string& out, std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    out.push_back(static_cast<char>(v));
}
template <typename T>
inline void fixed(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}
inline void field(std::string& out, int number, const std::string& payload) {
    varint(out, static_cast<std::uint64_t>(number << 3 | 2));
    varint(out, payload.size());
    out += payload;
}
// A TFRecord: length, masked CRC-32C of it, the data, masked CRC-32C of the data.
inline std::string record(const std::string& data) {
    std::string len;
    fixed(len, static_cast<std::uint64_t>(data.size()));
    std::string out = len;
    fixed(out, maskCrc32c(crc32c(len)));
    out += data;
    fixed(out, maskCrc32c(crc32c(data)));
    return out;
}
// What PyTorch's SummaryWriter writes: a file_version event, then one event per add_scalar.
inline std::string torchEvents(int steps) {
    std::string version;
    version.push_back(0x09);  // wall_time, fixed64
    fixed(version, 1.7e9);
    field(version, 3, "brain.Event:2");
    std::string s = record(version);
    for (int i = 0; i < steps; ++i) {
        for (const auto& [tag, v] :
             {std::pair<std::string, float>{"train/loss", 2.0F / (1 + i)},
              std::pair<std::string, float>{"val/acc", 0.5F + static_cast<float>(i) / 400}}) {
            std::string value;
            field(value, 1, tag);
            value.push_back(0x15);  // simple_value, fixed32
            fixed(value, v);
            std::string summary;
            field(summary, 1, value);
            std::string event;
            event.push_back(0x09);
            fixed(event, 1.7e9 + i);
            event.push_back(0x10);  // step, varint
            varint(event, static_cast<std::uint64_t>(i));
            field(event, 5, summary);
            s += record(event);
        }
    }
    return s;
}

}  // namespace curvedoctor::core::testutil
