// Every real log in an append-only format is replayed as a training script writes it: cut into
// pieces at arbitrary bytes (inside lines, numbers and records), appended piece by piece, the
// follower updating after each. At every step the followed run must be a prefix of the final
// one (a torn line or record never taken as data), and at the end equal to a fresh load of the
// whole file, value for value.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/follow/followed_file.h"
#include "follow_test_support.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

using testutil::appendAll;
using testutil::expectSameMetrics;
using testutil::fullLoad;
using testutil::readAll;
using testutil::ScratchDir;

// Points of `partial` are the first points of `final` (same steps and values).
void expectPrefixOf(const Run& partial, const Run& final, const std::string& what) {
    for (const auto& [name, p] : partial.metrics) {
        const Series* f = final.find(name);
        ASSERT_NE(f, nullptr) << what << ": metric " << name << " is not in the final run";
        ASSERT_LE(p.size(), f->size()) << what << ": " << name;
        for (std::size_t i = 0; i < p.size(); ++i) {
            ASSERT_EQ(p.steps[i], f->steps[i]) << what << ": " << name << " point " << i;
            ASSERT_TRUE(testutil::sameNumber(p.values[i], f->values[i]))
                << what << ": " << name << " point " << i << ": " << p.values[i] << " vs "
                << f->values[i];
        }
    }
}

// Appends `bytes` to a new file in `pieces` cuts, following it; returns the followed file.
void replay(const std::string& source, int pieces, unsigned seed, bool incremental = true) {
    const std::string bytes = readAll(source);
    ScratchDir dir("follow-replay");
    const std::string path = dir.file(std::filesystem::path(source).filename().string());
    const Run final = fullLoad(source);
    std::mt19937 rng(seed);
    std::vector<std::size_t> cuts;
    std::uniform_int_distribution<std::size_t> pick(1, bytes.size() - 1);
    for (int i = 0; i < pieces; ++i) cuts.push_back(pick(rng));
    // The first piece holds a few lines (a head the sniffers can recognise; before that the
    // follower only waits), or 30% of an event file.
    std::size_t first = bytes.size() * 3 / 10;
    for (std::size_t pos = 0, lines = 0; lines < 8 && pos < bytes.size(); ++lines) {
        pos = bytes.find('\n', pos);
        pos = pos == std::string::npos ? bytes.size() : pos + 1;
        first = std::max(first, pos);
    }
    cuts.push_back(first);
    cuts.push_back(bytes.size());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::size_t written = 0;
    std::unique_ptr<FollowedFile> followed;
    for (std::size_t cut : cuts) {
        if (cut < first) continue;
        appendAll(path, bytes.substr(written, cut - written));
        written = cut;
        if (!followed) {
            // A head without values yet is not loaded: the follower waits for more.
            followed = std::make_unique<FollowedFile>(path);
        } else {
            const FollowUpdate u = followed->update();
            // Past the sniffing head a growing file is never read again whole.
            if (incremental && written > 70000) {
                EXPECT_FALSE(u.reloaded) << source << " at byte " << cut;
            }
            for (const auto& m : u.messages) ADD_FAILURE() << "unexpected message: " << m;
        }
        if (incremental)
            expectPrefixOf(followed->run(), final, source + " at byte " + std::to_string(cut));
        if (::testing::Test::HasFatalFailure()) return;
    }
    ASSERT_TRUE(followed->loaded()) << source << ": " << followed->error();
    if (incremental) {
        EXPECT_TRUE(followed->incremental()) << source;
        // Everything up to the last line end (a last line without one is never complete).
        const bool events = followed->run().format == "tfevents";
        EXPECT_EQ(followed->consumedBytes(), events ? bytes.size() : bytes.rfind('\n') + 1)
            << source;
    }
    expectSameMetrics(followed->run(), final, source);
}

bool appendOnlyFormat(const std::string& path) {
    const Run run = fullLoad(path);
    static const std::vector<std::string> kFormats = {"csv",
                                                      "keras_csv",
                                                      "lightning_csv",
                                                      "ultralytics_csv",
                                                      "tensorboard_csv",
                                                      "yolov5_txt",
                                                      "tfevents",
                                                      "detectron2_json",
                                                      "llamafactory_jsonl",
                                                      "mmdet_json",
                                                      "mmengine_scalars",
                                                      "keras_text",
                                                      "text_kv",
                                                      "mmdet_text"};
    return std::find(kFormats.begin(), kFormats.end(), run.format) != kFormats.end();
}

std::vector<std::string> filesUnder(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().filename() != "SOURCES.md")
            files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(FollowRealworld, EveryAppendOnlyRealLogFollowedInPiecesEqualsItsFullLoad) {
    CURVEDOCTOR_REQUIRE_REALWORLD(dir);
    int followed = 0;
    for (const std::string& file : filesUnder(dir)) {
        LoadBatch batch = loadFile(file, LoaderRegistry::builtin(), LoadOptions{});
        if (batch.runs.size() != 1 || !appendOnlyFormat(file)) continue;
        // Known limitation (issue #16): a console log in blocks ("Epoch: 1/30", then lines
        // without a step) is followed line by line, and a block cut between two reads loses
        // the lines after the cut until its next step line.
        if (file.find("textlog_05") != std::string::npos) continue;
        // textlog_06's last line has no line end: a follower waits for it (a line is complete
        // at its '\n'), the full load reads it.
        if (file.find("textlog_06") != std::string::npos) continue;
        SCOPED_TRACE(file);
        replay(file, 25, 13, fullLoad(file).format != "mmdet_json");
        ++followed;
    }
    EXPECT_GE(followed, 30);  // most of the 68 real logs are CSV, JSON lines, events or text
}

TEST(FollowRealworld, FixtureLogsFollowedInPiecesEqualTheirFullLoad) {
    for (const char* rel :
         {"text/keras_progress.log", "text/keras3_progress.log", "text/key_value.log",
          "text/mmdet_text.log", "jsonl/metrics.json", "jsonl/run.log.json", "jsonl/scalars.json",
          "jsonl/trainer_log.jsonl", "csv/keras_na.csv", "csv/yolov5_results.txt", "csv/quirks.csv",
          "tfevents/torch_simple_value.tfevents", "tfevents/tf2_tensors.tfevents",
          "fixtures/divergence_nan/metrics.csv"}) {
        SCOPED_TRACE(rel);
        // MMDetection's log.json is reloaded whole (its steps depend on the whole file).
        replay(testutil::testData(rel), 40, 7, std::string(rel) != "jsonl/run.log.json");
    }
}

}  // namespace
}  // namespace curvedoctor::core
