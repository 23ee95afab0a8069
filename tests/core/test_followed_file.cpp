// core/follow: a writer thread appends real-format logs (Lightning CSV with sparse rows and NaN,
// Detectron2 JSON lines, a PyTorch event file with correct CRCs, a Keras text log) in pieces cut
// anywhere, truncates and rotates them, while the follower, woken by core/watch, follows. At the
// end the followed run equals a fresh load of the final file, value for value; and each fault
// (deletion, lost permission, a half-written record, another format) gets one message.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "core/follow/followed_file.h"
#include "core/loaders/tfevents_reader.h"
#include "core/watch/watcher.h"
#include "follow_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace std::chrono_literals;
using testutil::appendAll;
using testutil::expectSameMetrics;
using testutil::fullLoad;
using testutil::ScratchDir;
using testutil::torchEvents;
using testutil::writeAll;

// ---- logs in real formats ----

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

// Lightning's metrics.csv: train rows and validation rows apart, the other cells empty; the loss
// turns NaN at step 70 (as in tests/data/fixtures/divergence_nan).
std::string lightningCsv(int steps) {
    std::string s = "epoch,step,train_loss,val_loss,val_acc\n";
    for (int i = 0; i < steps; ++i) {
        s += std::to_string(i / 10) + "," + std::to_string(i) + "," +
             (i >= 70 ? std::string("nan") : num(2.0 / (1 + i))) + ",,\n";
        if (i % 10 == 9)
            s += std::to_string(i / 10) + "," + std::to_string(i) + ",," + num(1.0 + 1.0 / i) +
                 "," + num(0.5 + i / 400.0) + "\n";
    }
    return s;
}

std::string detectron2Json(int steps) {
    std::string s;
    for (int i = 0; i < steps; ++i) {
        s += "{\"data_time\": 0.01, \"iteration\": " + std::to_string(i * 20 + 19) +
             ", \"loss_cls\": " + num(1.0 / (1 + i)) +
             ", \"lr\": 0.02, \"total_loss\": " + num(3.0 / (1 + i)) + "}\n";
    }
    return s;
}

std::string kerasText(int epochs) {
    std::string s = "Using TensorFlow backend.\n";
    for (int e = 1; e <= epochs; ++e) {
        s += "Epoch " + std::to_string(e) + "/" + std::to_string(epochs) + "\n";
        s += "100/100 [==============================] - 1s 5ms/step - loss: " + num(1.0 / e) +
             " - accuracy: " + num(0.5 + e / 200.0) + " - val_loss: " + num(1.2 / e) +
             " - val_accuracy: " + num(0.45 + e / 200.0) + "\n";
    }
    return s;
}

// ---- a writer thread and a follower woken by the watcher ----

// Writes `bytes` to `path` in pieces of 1..97 bytes (so lines, numbers and records are cut),
// a millisecond apart.
void writeInPieces(const std::string& path, const std::string& bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> piece(1, 97);
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t n = std::min(piece(rng), bytes.size() - pos);
        appendAll(path, bytes.substr(pos, n));
        pos += n;
        std::this_thread::sleep_for(1ms);
    }
}

// Follows `path` while `writer` runs, updating on every watcher event, then once more.
void followWhile(const std::string& path, std::thread& writer, std::atomic<bool>& done,
                 FollowedFile& followed) {
    Watcher watcher;
    std::string error;
    ASSERT_TRUE(watcher.watch(path, error)) << error;
    while (!done) {
        if (!watcher.wait(50ms).empty()) (void)followed.update();
    }
    writer.join();
    (void)followed.update();
}

struct Format {
    const char* name;
    const char* fileName;
    std::string (*make)(int);
};

void PrintTo(const Format& f, std::ostream* os) {
    *os << f.name;
}

class FollowWriter : public ::testing::TestWithParam<Format> {};

TEST_P(FollowWriter, FollowedRunEqualsAFullLoadOfTheFinalFile) {
    const Format& f = GetParam();
    ScratchDir dir("follow");
    const std::string path = dir.file(f.fileName);
    const std::string bytes = f.make(120);
    // The writer starts after a head the sniffer recognises (the follower waits until then).
    const std::size_t head = std::min<std::size_t>(bytes.size() / 5, 400);
    writeAll(path, bytes.substr(0, head));
    FollowedFile followed(path);
    std::atomic<bool> done{false};
    std::thread writer([&] {
        writeInPieces(path, bytes.substr(head), 11);
        done = true;
    });
    followWhile(path, writer, done, followed);
    ASSERT_TRUE(followed.loaded()) << followed.error();
    EXPECT_TRUE(followed.incremental());
    EXPECT_GT(followed.version(), 3U);  // it followed, not only loaded at the end
    expectSameMetrics(followed.run(), fullLoad(path), f.name);
}

TEST_P(FollowWriter, TruncatedAndRotatedFilesAreReloadedAndEqualTheFinalFile) {
    const Format& f = GetParam();
    ScratchDir dir("follow");
    const std::string path = dir.file(f.fileName);
    const std::string first = f.make(80);
    const std::string second = f.make(50);  // the run restarted: shorter than the first
    const std::string third = f.make(90);
    writeAll(path, first.substr(0, first.size() / 2));
    FollowedFile followed(path);
    std::atomic<bool> done{false};
    std::thread writer([&] {
        writeInPieces(path, first.substr(first.size() / 2), 3);
        std::this_thread::sleep_for(100ms);
        ::truncate(path.c_str(), 0);  // truncated in place, then written again
        writeInPieces(path, second, 4);
        std::this_thread::sleep_for(100ms);
        std::filesystem::rename(path, path + ".1");  // rotated: a new file takes the name
        writeInPieces(path, third, 5);
        done = true;
    });
    followWhile(path, writer, done, followed);
    expectSameMetrics(followed.run(), fullLoad(path), f.name);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, FollowWriter,
    ::testing::Values(Format{"lightning_csv", "metrics.csv", lightningCsv},
                      Format{"detectron2_json", "metrics.json", detectron2Json},
                      Format{"tfevents", "events.out.tfevents.1700000000.host.1.0", torchEvents},
                      Format{"keras_text", "train.log", kerasText}),
    [](const auto& info) { return std::string(info.param.name); });

// ---- faults: one message each, nothing loaded is lost ----

TEST(FollowFaults, DeletedFileKeepsItsPointsAndIsMarkedGoneOnce) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.csv");
    writeAll(path, lightningCsv(30));
    FollowedFile followed(path);
    const std::size_t points = followed.run().pointCount();
    ASSERT_GT(points, 0U);
    std::filesystem::remove(path);
    const FollowUpdate u = followed.update();
    ASSERT_EQ(u.messages.size(), 1U);
    EXPECT_NE(u.messages[0].find("deleted"), std::string::npos) << u.messages[0];
    EXPECT_NE(u.messages[0].find(path), std::string::npos) << u.messages[0];
    EXPECT_TRUE(followed.gone());
    EXPECT_EQ(followed.run().pointCount(), points);
    EXPECT_TRUE(followed.update().messages.empty());  // said once
}

TEST(FollowFaults, LostPermissionGetsOneMessageAndKeepsThePoints) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.csv");
    writeAll(path, lightningCsv(30));
    FollowedFile followed(path);
    const std::size_t points = followed.run().pointCount();
    ::chmod(path.c_str(), 0);
    testutil::AsNobody nobody;  // root reads every file whatever its permissions
    const FollowUpdate u = followed.update();
    ASSERT_EQ(u.messages.size(), 1U);
    EXPECT_NE(u.messages[0].find("cannot be read"), std::string::npos) << u.messages[0];
    EXPECT_EQ(followed.run().pointCount(), points);
    EXPECT_TRUE(followed.update().messages.empty());
}

TEST(FollowFaults, HalfWrittenLineWaitsWithOneMessageAndIsNeverData) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.csv");
    writeAll(path, lightningCsv(30));
    FollowOptions options;
    options.tornPatience = 50ms;
    FollowedFile followed(path, LoaderRegistry::builtin(), options);
    const Series before = *followed.run().find("train_loss");
    appendAll(path, "3,30,0.06");  // "0.0645..." cut short by a writer that stalls
    std::vector<std::string> messages;
    for (int i = 0; i < 4; ++i) {
        const FollowUpdate u = followed.update();
        messages.insert(messages.end(), u.messages.begin(), u.messages.end());
        EXPECT_EQ(u.newPoints, 0U);
        std::this_thread::sleep_for(30ms);
    }
    ASSERT_EQ(messages.size(), 1U);
    EXPECT_NE(messages[0].find("incomplete line"), std::string::npos) << messages[0];
    EXPECT_EQ(followed.run().find("train_loss")->size(), before.size());
    appendAll(path, "45,,\n");  // the writer finishes the line
    const FollowUpdate u = followed.update();
    EXPECT_EQ(u.newPoints, 1U);
    EXPECT_EQ(followed.run().find("train_loss")->values.back(), 0.0645);
    expectSameMetrics(followed.run(), fullLoad(path), "completed line");
}

TEST(FollowFaults, FileReplacedByAnotherFormatIsReloadedWithOneMessage) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.log");
    writeAll(path, lightningCsv(30));
    FollowedFile followed(path);
    EXPECT_EQ(followed.run().format, "lightning_csv");
    writeAll(dir.file("new"), detectron2Json(20));
    std::filesystem::rename(dir.file("new"), path);
    const FollowUpdate u = followed.update();
    ASSERT_EQ(u.messages.size(), 1U);
    EXPECT_NE(u.messages[0].find("now a detectron2_json log (was lightning_csv)"),
              std::string::npos)
        << u.messages[0];
    EXPECT_TRUE(u.reloaded);
    expectSameMetrics(followed.run(), fullLoad(path), "replaced");
}

TEST(FollowFaults, FileReplacedByGarbageKeepsThePointsWithOneMessage) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.csv");
    writeAll(path, lightningCsv(30));
    FollowedFile followed(path);
    const std::size_t points = followed.run().pointCount();
    static constexpr char kElf[] =
        "\x7f"
        "ELF\x02\x01\x01\0\0\0 binary";
    writeAll(dir.file("new"), std::string(kElf, sizeof kElf - 1));  // with its NUL bytes
    std::filesystem::rename(dir.file("new"), path);
    const FollowUpdate u = followed.update();
    ASSERT_EQ(u.messages.size(), 1U);
    EXPECT_NE(u.messages[0].find("could not be loaded"), std::string::npos) << u.messages[0];
    EXPECT_EQ(followed.run().pointCount(), points);
    EXPECT_TRUE(followed.update().messages.empty());
}

// HF Trainer rewrites trainer_state.json whole at each save (cut, then written again): each
// rewrite is loaded again, without a message.
TEST(FollowWhole, TrainerStateRewrittenInPlaceIsReloadedQuietly) {
    ScratchDir dir("follow");
    const std::string path = dir.file("trainer_state.json");
    auto state = [](int entries) {
        std::string s =
            "{\n  \"global_step\": " + std::to_string(entries * 10) + ",\n  \"log_history\": [\n";
        for (int i = 1; i <= entries; ++i) {
            s += "    {\"epoch\": " + std::to_string(i / 4.0) + ", \"learning_rate\": 1e-05, " +
                 "\"loss\": " + (i == entries ? std::string("NaN") : num(2.0 / i)) +
                 ", \"step\": " + std::to_string(i * 10) + "}" + (i < entries ? ",\n" : "\n");
        }
        return s + "  ]\n}\n";
    };
    writeAll(path, state(2));
    FollowedFile followed(path);
    ASSERT_TRUE(followed.loaded()) << followed.error();
    EXPECT_FALSE(followed.incremental());
    EXPECT_EQ(followed.run().format, "hf_trainer");
    for (int entries : {3, 6}) {
        writeAll(path, state(entries));  // std::ofstream truncates, then writes: in place
        const FollowUpdate u = followed.update();
        EXPECT_TRUE(u.reloaded);
        EXPECT_TRUE(u.messages.empty()) << u.messages.front();
        expectSameMetrics(followed.run(), fullLoad(path), std::to_string(entries) + " entries");
    }
    EXPECT_EQ(followed.run().find("loss")->size(), 6U);
}

TEST(FollowFaults, AFileThatDoesNotExistYetIsLoadedWhenItAppears) {
    ScratchDir dir("follow");
    const std::string path = dir.file("metrics.csv");
    FollowedFile followed(path);
    EXPECT_FALSE(followed.loaded());
    writeAll(path, lightningCsv(20));
    const FollowUpdate u = followed.update();
    EXPECT_TRUE(u.changed);
    expectSameMetrics(followed.run(), fullLoad(path), "appeared");
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

// A snapshot handed to another thread must not change when the followed file grows: an event
// file's RunBuilder appends to its step columns in place, and a copy sharing them saw its steps
// grow past its values (the window's charted run read past the end of its values).
TEST(FollowedFile, ASnapshotStaysAsItWasWhenTheFileGrows) {
    testutil::ScratchDir dir("follow-snapshot");
    const std::string path = dir.file("events.out.tfevents.1.host");
    const std::string all = testutil::torchEvents(40);
    const std::size_t first = testutil::torchEvents(5).size();
    testutil::writeAll(path, all.substr(0, first));
    FollowedFile followed(path);
    ASSERT_TRUE(followed.loaded()) << followed.error();
    const RunPtr snapshot = followed.snapshot();
    const Series* before = snapshot->find("train/loss");
    ASSERT_NE(before, nullptr);
    ASSERT_EQ(before->size(), 5U);
    testutil::appendAll(path, all.substr(first));
    EXPECT_TRUE(followed.update().changed);
    EXPECT_EQ(followed.run().find("train/loss")->size(), 40U);
    EXPECT_EQ(before->size(), 5U);
    EXPECT_EQ(before->values.size(), 5U);
    testutil::expectSameMetrics(*followed.snapshot(), testutil::fullLoad(path), "snapshot");
}

}  // namespace
}  // namespace curvedoctor::core
