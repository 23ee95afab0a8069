// core/follow/follower: a logdir followed as a whole: a run's log that grows is taken in, a new
// run folder becomes a new run, and a restarted TensorBoard writer's second event file joins its
// run (the folder run is loaded again whole); an MLflow run folder's metric files are read
// from where their last complete line ended while a writer thread appends to them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "core/follow/follower.h"
#include "core/loaders/tfevents_reader.h"
#include "follow_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace std::chrono_literals;
using testutil::appendAll;
using testutil::expectSameMetrics;
using testutil::fullLoad;
using testutil::ScratchDir;
using testutil::stepUntil;
using testutil::writeAll;

std::size_t indexOf(const Follower& f, const std::string& source) {
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f.run(i).source == source) return i;
    }
    return f.size();
}

TEST(Follower, LogdirGrowsAndGainsRuns) {
    ScratchDir dir("follower");
    std::filesystem::create_directories(dir.file("run1"));
    const std::string log1 = dir.file("run1/metrics.csv");
    writeAll(log1, "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    Follower f({dir.path()});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).source, log1);
    appendAll(log1, "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 3; }));
    expectSameMetrics(f.run(0), fullLoad(log1), "run1");

    std::filesystem::create_directories(dir.file("run2"));
    const std::string log2 = dir.file("run2/metrics.csv");
    writeAll(log2, "epoch,step,train_loss\n0,0,3.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return indexOf(f, log2) < f.size(); }));
    const std::size_t two = indexOf(f, log2);
    appendAll(log2, "0,1,2.5\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(two).pointCount() == 2; }));
    expectSameMetrics(f.run(two), fullLoad(log2), "run2");
}

std::string scalarRecord(std::int64_t step, float v) {
    auto varint = [](std::string& out, std::uint64_t x) {
        for (; x >= 0x80; x >>= 7) out.push_back(static_cast<char>((x & 0x7F) | 0x80));
        out.push_back(static_cast<char>(x));
    };
    auto field = [&](std::string& out, int number, const std::string& payload) {
        varint(out, static_cast<std::uint64_t>(number << 3 | 2));
        varint(out, payload.size());
        out += payload;
    };
    std::string value;
    field(value, 1, "loss");
    value.push_back(0x15);
    value.append(reinterpret_cast<const char*>(&v), 4);
    std::string summary;
    field(summary, 1, value);
    std::string event;
    event.push_back(0x10);
    varint(event, static_cast<std::uint64_t>(step));
    field(event, 5, summary);
    const std::uint64_t n = event.size();
    std::string len(reinterpret_cast<const char*>(&n), 8);
    const std::uint32_t c1 = maskCrc32c(crc32c(len));
    const std::uint32_t c2 = maskCrc32c(crc32c(event));
    return len + std::string(reinterpret_cast<const char*>(&c1), 4) + event +
           std::string(reinterpret_cast<const char*>(&c2), 4);
}

TEST(Follower, RestartedWriterEventFileJoinsItsRun) {
    ScratchDir dir("follower");
    std::filesystem::create_directories(dir.file("logs/run1"));
    writeAll(dir.file("logs/run1/events.out.tfevents.1.host"),
             scalarRecord(0, 2.0F) + scalarRecord(1, 1.5F));
    writeAll(dir.file("logs/run1/events.out.tfevents.2.host"), scalarRecord(2, 1.25F));
    Follower f({dir.file("logs")});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).pointCount(), 3U) << f.run(0).source;
    // The writer restarts: a third event file in the same run folder.
    writeAll(dir.file("logs/run1/events.out.tfevents.3.host"),
             scalarRecord(3, 1.0F) + scalarRecord(4, 0.75F));
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 5; }));
    EXPECT_EQ(f.size(), 1U);
    const Series* loss = f.run(0).find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->values.back(), 0.75);
}

// A training about to start: the path given to follow does not exist yet.
TEST(Follower, LogdirThatDoesNotExistYetIsFollowedWhenItAppears) {
    ScratchDir dir("follower");
    const std::string logdir = dir.file("runs");
    Follower f({logdir});
    ASSERT_EQ(f.size(), 1U);
    EXPECT_FALSE(f.loaded(0));
    (void)f.wait(50ms);
    std::filesystem::create_directories(logdir + "/run1");
    const std::string log1 = logdir + "/run1/metrics.csv";
    writeAll(log1, "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    ASSERT_TRUE(stepUntil(f, [&] { return indexOf(f, log1) < f.size(); }));
    const std::size_t one = indexOf(f, log1);
    appendAll(log1, "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(one).pointCount() == 3; }));
    expectSameMetrics(f.run(one), fullLoad(log1), "run1");
    // A second run folder started later joins too: the folder is watched as a logdir now.
    std::filesystem::create_directories(logdir + "/run2");
    const std::string log2 = logdir + "/run2/metrics.csv";
    writeAll(log2, "epoch,step,train_loss\n0,0,3.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return indexOf(f, log2) < f.size(); }));
    const std::size_t two = indexOf(f, log2);
    appendAll(log2, "0,1,2.5\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(two).pointCount() == 2; }));
    expectSameMetrics(f.run(two), fullLoad(log2), "run2");
}

// `log` is created empty in a logdir `f` follows; the follower takes it in (and walks the
// logdir) before any line comes, then its first lines make it a run that follows its growth.
void expectAnEmptyLogJoinsWhenItsFirstLinesCome(Follower& f, const std::string& log,
                                                const std::string& what) {
    writeAll(log, "");
    for (int i = 0; i < 5; ++i) {
        (void)f.wait(50ms);
    }
    EXPECT_EQ(indexOf(f, log), f.size()) << "an empty file is no run";
    appendAll(log, "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    ASSERT_TRUE(stepUntil(f, [&] { return indexOf(f, log) < f.size(); }));
    const std::size_t one = indexOf(f, log);
    appendAll(log, "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(one).pointCount() == 3; }));
    expectSameMetrics(f.run(one), fullLoad(log), what);
}

TEST(Follower, ALogCreatedEmptyInAFollowedLogdirJoinsWhenItsFirstLinesCome) {
    // A trainer opens metrics.csv at once and writes its header when its buffer first fills:
    // the walk the new file sets off finds it empty, and only its growth says it is a log.
    ScratchDir dir("follower");
    const std::string logdir = dir.file("runs");
    std::filesystem::create_directories(logdir + "/run1");
    Follower f({logdir});
    const std::string log = logdir + "/run1/metrics.csv";
    expectAnEmptyLogJoinsWhenItsFirstLinesCome(f, log, "run1");
}

TEST(Follower, ALogCreatedEmptyInALogdirThatAppearedLaterJoinsWhenItsFirstLinesCome) {
    // The same in a logdir given before it existed: the path's own item, retired once the
    // folder appeared, must not take the new file's growth as its own (the window test of a
    // logdir that appears later failed on this about 1 run in 3).
    ScratchDir dir("follower");
    const std::string logdir = dir.file("later");
    Follower f({logdir});
    EXPECT_EQ(f.size(), 1U);
    std::filesystem::create_directories(logdir + "/run1");
    const std::string log = logdir + "/run1/metrics.csv";
    expectAnEmptyLogJoinsWhenItsFirstLinesCome(f, log, "later/run1");
}

TEST(Follower, AChangedHparamsYamlBesideAFollowedLogIsReadAgain) {
    // Appended lines are parsed without the files beside the log (hparams.yaml would be opened
    // on every append): a change to hparams.yaml itself reads the hyperparameters again.
    ScratchDir dir("follower");
    std::filesystem::create_directories(dir.file("run1"));
    const std::string log = dir.file("run1/metrics.csv");
    const std::string yaml = dir.file("run1/hparams.yaml");
    writeAll(yaml, "lr: 0.1\n");
    writeAll(log, "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    Follower f({dir.path()});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).format, "lightning_csv");
    EXPECT_EQ(f.run(0).hyperparameters, fullLoad(log).hyperparameters);
    ASSERT_EQ(f.run(0).hyperparameters.count("lr"), 1U);
    EXPECT_EQ(f.run(0).hyperparameters.at("lr"), "0.1");
    appendAll(log, "0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 3; }));
    EXPECT_EQ(f.run(0).hyperparameters.at("lr"), "0.1") << "kept while only the log grows";
    writeAll(yaml, "lr: 0.05\nbatch_size: 32\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).hyperparameters.count("batch_size") == 1; }));
    EXPECT_EQ(f.run(0).hyperparameters, fullLoad(log).hyperparameters);
    EXPECT_EQ(f.run(0).hyperparameters.at("lr"), "0.05");
    appendAll(log, "0,3,1.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 4; }));
    expectSameMetrics(f.run(0), fullLoad(log), "run1");
    EXPECT_EQ(f.run(0).hyperparameters, fullLoad(log).hyperparameters);
}

// A window loads the paths it follows itself and has named the files it could not load: it
// takes the start messages without them (and they are gone for the next call too).
TEST(Follower, StartMessagesLeaveOutLoadErrorsWhenAsked) {
    ScratchDir dir("follower");
    const std::string empty = dir.file("empty.csv");
    writeAll(empty, "");
    Follower window({empty});
    EXPECT_TRUE(window.takeStartMessages(false).empty());
    EXPECT_TRUE(window.takeStartMessages().empty());
    Follower cli({empty});
    const std::vector<std::string> said = cli.takeStartMessages();
    ASSERT_EQ(said.size(), 1U);
    EXPECT_NE(said.front().find("empty.csv"), std::string::npos) << said.front();
}

TEST(Follower, FileThatDoesNotExistYetIsFollowedWhenItAppears) {
    ScratchDir dir("follower");
    const std::string log = dir.file("metrics.csv");
    Follower f({log});
    ASSERT_EQ(f.size(), 1U);
    EXPECT_FALSE(f.loaded(0));
    EXPECT_FALSE(f.takeStartMessages().empty());  // said once: not there yet
    (void)f.wait(50ms);
    writeAll(log, "epoch,step,train_loss\n0,0,2.0\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.loaded(0); }));
    appendAll(log, "0,1,1.5\n0,2,1.25\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 3; }));
    expectSameMetrics(f.run(0), fullLoad(log), "metrics.csv");
}

// ---- MLflow run folders (mlruns/<experiment>/<run>/metrics/<name>: "timestamp value step") ----

std::string mlflowLine(std::int64_t step, double value) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld %.17g %lld\n",
                  static_cast<long long>(1700000000000 + 250 * step), value,
                  static_cast<long long>(step));
    return buf;
}

std::string mlflowLines(std::int64_t from, std::int64_t to, double scale) {
    std::string out;
    for (std::int64_t s = from; s < to; ++s) {
        const double v =
            s % 37 == 36 ? std::nan("") : scale / (1.0 + 0.05 * static_cast<double>(s));
        out += mlflowLine(s, v);
    }
    return out;
}

// The run a fresh load of the run folder gives.
Run fullFolderLoad(const std::string& experiment, const std::string& runFolder) {
    LoadBatch batch = loadFolder(experiment, LoaderRegistry::builtin(), LoadOptions{});
    for (const RunPtr& r : batch.runs) {
        if (r->source == runFolder) return *r;
    }
    ADD_FAILURE() << runFolder << ": not loaded";
    return {};
}

// Appends `bytes` in pieces of 1..41 bytes (cutting lines and numbers), a millisecond apart.
void appendInPieces(const std::string& path, const std::string& bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> piece(1, 41);
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t n = std::min(piece(rng), bytes.size() - pos);
        appendAll(path, bytes.substr(pos, n));
        pos += n;
        std::this_thread::sleep_for(1ms);
    }
}

TEST(Follower, MlflowRunFolderIsReadIncrementallyAndEqualsAFullLoad) {
    ScratchDir dir("follower-mlflow");
    const std::string experiment = dir.file("mlruns/0");
    const std::string runFolder = experiment + "/run1";
    std::filesystem::create_directories(runFolder + "/metrics/val");
    std::filesystem::create_directories(runFolder + "/params");
    writeAll(runFolder + "/meta.yaml", "run_name: swift-owl-3\n");
    writeAll(runFolder + "/params/lr", "0.01");
    const std::string loss = runFolder + "/metrics/loss";
    const std::string acc = runFolder + "/metrics/val/acc";
    writeAll(loss, mlflowLines(0, 20, 2.0));
    writeAll(acc, mlflowLines(0, 2, 0.5));
    Follower f({experiment});
    ASSERT_EQ(f.size(), 1U);
    ASSERT_EQ(f.run(0).source, runFolder);
    ASSERT_EQ(f.run(0).pointCount(), 22U);
    EXPECT_EQ(f.run(0).name, "swift-owl-3");

    // A torn line is not data: a whole load would read "<timestamp> 0.25" as a point without a
    // step; the incremental reader waits for its line end.
    appendAll(loss, "1700000005000 0.25");
    (void)f.wait(300ms);
    EXPECT_EQ(f.run(0).pointCount(), 22U);
    appendAll(loss, " 20\n");
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 23; }));
    EXPECT_TRUE(f.run(0).warnings.empty());

    // A writer thread appends to both metric files and starts a third one.
    std::atomic<bool> done{false};
    std::thread writer([&] {
        appendInPieces(loss, mlflowLines(21, 140, 2.0), 7);
        appendInPieces(acc, mlflowLines(2, 30, 0.5), 8);
        appendInPieces(runFolder + "/metrics/lr", mlflowLines(0, 25, 0.1), 9);
        done = true;
    });
    std::size_t changes = 0;
    while (!done) changes += f.wait(50ms).changed.size();
    writer.join();
    const std::size_t total = 140 + 30 + 25;
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == total; }))
        << f.run(0).pointCount();
    EXPECT_GT(changes, 3U);  // it followed, not only loaded at the end
    EXPECT_EQ(f.size(), 1U);
    EXPECT_EQ(f.run(0).hyperparameters.at("lr"), "0.01");
    expectSameMetrics(f.run(0), fullFolderLoad(experiment, runFolder), "mlflow");
    expectSameMetrics(*f.snapshot(0), f.run(0), "mlflow snapshot");

    // A metric file written again shorter (a restarted run) is loaded again whole.
    writeAll(acc, mlflowLines(0, 5, 0.75));
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 140 + 5 + 25; }))
        << f.run(0).pointCount();
    expectSameMetrics(f.run(0), fullFolderLoad(experiment, runFolder), "mlflow after a rewrite");
    appendAll(acc, mlflowLines(5, 9, 0.75));
    ASSERT_TRUE(stepUntil(f, [&] { return f.run(0).pointCount() == 140 + 9 + 25; }));
    expectSameMetrics(f.run(0), fullFolderLoad(experiment, runFolder), "mlflow after appends");
}

}  // namespace
}  // namespace curvedoctor::core
