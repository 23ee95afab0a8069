// Opening a folder walks it like TensorBoard's logdir. The tree is built from the fixtures of the
// other loader tests; expected run names follow the rule "one run per folder holding logs, named
// by its path relative to the opened folder".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/load_warning_text.h"
#include "core/loader_registry.h"
#include "folder_test_support.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using testutil::testData;

class FolderWalkerTest : public testutil::FolderTest {
protected:
    std::map<std::string, RunPtr> byName(const LoadBatch& batch) {
        std::map<std::string, RunPtr> out;
        for (const auto& r : batch.runs) out[r->name] = r;
        return out;
    }
};

TEST_F(FolderWalkerTest, OneRunPerLogFolder) {
    copy("tfevents/torch_simple_value.tfevents", "tb/events.out.tfevents.1.host");
    copy("tfevents/tf2_tensors.tfevents", "tb/events.out.tfevents.2.host");
    copy("tfevents/tf2_tensors.tfevents", "keras/train/events.out.tfevents.1.v2");
    copy("tfevents/torch_simple_value.tfevents", "keras/validation/events.out.tfevents.2.v2");
    copy("mlflow/mlruns/0/abc123", "mlruns/0/abc123");
    copy("mlflow/mlruns/0/old456", "mlruns/0/old456");
    copy("hf/trainer_state.json", "hf/checkpoint-40/trainer_state.json");
    copy("jsonl/metrics.json", "mixed/metrics.json");
    copy("jsonl/trainer_log.jsonl", "mixed/trainer_log.jsonl");
    copy("jsonl/scalars.json", "scalars.json");
    std::string noise(100000, '\0');
    std::mt19937 gen(7);
    for (auto& c : noise) c = static_cast<char>(gen());
    write("tb/model.ckpt", noise);
    write("hf/checkpoint-40/pytorch_model.bin", noise);
    write("empty/nothing.txt", "");

    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    const auto runs = byName(batch);
    std::set<std::string> names;
    for (const auto& [n, r] : runs) names.insert(n);
    EXPECT_EQ(names, (std::set<std::string>{m_root.filename().string(), "tb", "keras",
                                            "bright-fox-7", "quiet-owl", "hf/checkpoint-40",
                                            "mixed/metrics.json", "mixed/trainer_log.jsonl"}));
    // Event files of one folder are one run (files in name order).
    ASSERT_EQ(runs.count("tb"), 1U);
    EXPECT_EQ(runs.at("tb")->metrics.size(), 7U);
    EXPECT_EQ(runs.at("tb")->format, "tfevents");
    EXPECT_EQ(runs.at("tb")->source, (m_root / "tb").string());
    // Keras' train/ and validation/ are one run with prefixed names.
    ASSERT_EQ(runs.count("keras"), 1U);
    const auto& keras = *runs.at("keras");
    EXPECT_NE(keras.find("train/epoch_loss"), nullptr);
    EXPECT_NE(keras.find("validation/train/loss"), nullptr);
    EXPECT_EQ(keras.metrics.size(), 7U);
    EXPECT_EQ(runs.at("bright-fox-7")->format, "mlflow");
    EXPECT_EQ(runs.at("hf/checkpoint-40")->format, "hf_trainer");
    EXPECT_EQ(runs.at(m_root.filename().string())->format, "mmengine_scalars");
}

// A run folder often holds the script that wrote its logs. Its `print(f"epoch={e} loss=...")`
// lines read like a key=value log and its name may contain "tfevents"; it is still no run.
TEST_F(FolderWalkerTest, TheScriptBesideTheLogsIsNoRun) {
    copy("tfevents/torch_simple_value.tfevents", "tb/events.out.tfevents.1.host");
    std::string script = "# trains a tiny net\n";
    for (int e = 0; e < 20; ++e)
        script += "epoch=" + std::to_string(e) + " loss=" + std::to_string(1.0 / (e + 1)) + "\n";
    write("tb/make_tfevents.py", script);
    write("tb/train.py", script);
    write("launch/run.sh", script);
    write("launch/notes.txt", script);  // the same lines in a text file are a log
    // A log committed under a code name still loads when its content says what it is.
    copy("hf/trainer_state.json", "hf/__init__.py");

    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
    for (const auto& s : batch.skipped) ADD_FAILURE() << "skipped " << s.file;
    std::set<std::string> sources;
    for (const auto& r : batch.runs) sources.insert(fs::path(r->source).filename().string());
    EXPECT_EQ(sources, (std::set<std::string>{"tb", "notes.txt", "__init__.py"}));
    ASSERT_EQ(batch.runs.size(), 3U);
    const std::map<std::string, std::string> formatOf{
        {"tb", "tfevents"}, {"notes.txt", "text_kv"}, {"__init__.py", "hf_trainer"}};
    for (const auto& r : batch.runs)
        EXPECT_EQ(r->format, formatOf.at(fs::path(r->source).filename().string())) << r->source;
}

// A caller that only needs to know which runs there are (a follower) holds none of them: each
// run goes once onRun had it, the batch lists none, and the errors are still there.
TEST_F(FolderWalkerTest, RunsAreLetGoAfterOnRunWhenNotKept) {
    for (int i = 0; i < 3; ++i)
        copy("jsonl/metrics.json", "r" + std::to_string(i) + "/metrics.json");
    write("bad/events.out.tfevents.1", "garbage that is no event file");
    std::vector<std::weak_ptr<const core::Run>> seen;
    std::set<std::string> names;
    LoadOptions options;
    options.threads = 1;
    options.keepRuns = false;
    options.onRun = [&](const RunPtr& run) {
        seen.push_back(run);
        names.insert(run->name);
    };
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
    EXPECT_TRUE(batch.runs.empty());
    EXPECT_EQ(names, (std::set<std::string>{"r0", "r1", "r2"}));
    for (const auto& w : seen) EXPECT_TRUE(w.expired());
    ASSERT_EQ(batch.errors.size(), 1U);
    EXPECT_EQ(batch.errors[0].source, (m_root / "bad").string());
}

TEST_F(FolderWalkerTest, OpenedRunFolderIsNamedAfterItself) {
    copy("tfevents/torch_simple_value.tfevents", "run7/events.out.tfevents.1");
    const LoadBatch batch = loadPaths({(m_root / "run7").string() + "/"});
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->name, "run7");
    EXPECT_TRUE(batch.errors.empty());
}

TEST_F(FolderWalkerTest, ClaimedButBrokenFilesAreReported) {
    write("a/events.out.tfevents.1", "garbage that is no event file");
    copy("hf/truncated_state.json", "b/trainer_state.json");
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    // The event file is claimed by name and fails with a message naming the folder and the
    // file; the cut JSON loads with a warning.
    ASSERT_EQ(batch.errors.size(), 1U);
    EXPECT_EQ(batch.errors[0].source, (m_root / "a").string());
    EXPECT_NE(batch.errors[0].message.find("events.out.tfevents.1: byte 0"), std::string::npos)
        << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->name, "b");
    EXPECT_EQ(batch.runs[0]->warnings.size(), 1U);
}

TEST_F(FolderWalkerTest, ProgressAndCancel) {
    for (int i = 0; i < 5; ++i)
        copy("jsonl/metrics.json",
             std::string("r").append(std::to_string(i)).append("/metrics.json"));
    LoadOptions options;
    double last = 0.0;
    options.progress = [&last](double f) {
        EXPECT_GE(f, last);
        last = f;
        return true;
    };
    EXPECT_EQ(loadFolder(m_root.string(), LoaderRegistry::builtin(), options).runs.size(), 5U);
    EXPECT_EQ(last, 1.0);
    int calls = 0;
    options.progress = [&calls](double) { return ++calls < 2; };
    const LoadBatch cancelled = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_LT(cancelled.runs.size(), 5U);
}

TEST(FolderWalkerRealworld, KerasTrainValidationFolderIsOneRun) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const LoadBatch batch = loadPaths({rw + "/tensorboard_03"});
    EXPECT_TRUE(batch.errors.empty());
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->name, "tensorboard_03");
    EXPECT_EQ(batch.runs[0]->metrics.size(), 6U);
    EXPECT_EQ(batch.runs[0]->find("validation/epoch_loss")->size(), 40U);
}

TEST(FolderWalkerRealworld, MlflowTreeAndWholeCollection) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const LoadBatch mlflow = loadPaths({rw + "/mlflow_01"});
    ASSERT_EQ(mlflow.runs.size(), 1U);
    EXPECT_EQ(mlflow.runs[0]->name, "mlruns/1/ed05f9cd599442fe9a0c9222184710b8");
    EXPECT_EQ(mlflow.runs[0]->format, "mlflow");

    // Every folder of the formats in this branch becomes one run of the right format.
    const LoadBatch all = loadPaths({rw});
    std::map<std::string, std::string> formats;
    for (const auto& r : all.runs) formats[r->name] = r->format;
    const std::map<std::string, std::string> expected = {
        {"tensorboard_01", "tfevents"},
        {"tensorboard_02", "tfevents"},
        {"tensorboard_03", "tfevents"},
        {"tensorboard_04", "tfevents"},
        {"hf_trainer_01", "hf_trainer"},
        {"hf_trainer_02", "hf_trainer"},
        {"hf_trainer_03", "hf_trainer"},
        {"hf_trainer_04", "hf_trainer"},
        {"hf_trainer_05", "hf_trainer"},
        {"hf_trainer_06", "hf_trainer"},
        {"detectron2_01", "detectron2_json"},
        {"llamafactory_01", "llamafactory_jsonl"},
        {"mmdet_01", "mmdet_json"},
        {"mmdet_02", "mmdet_json"},
        {"mmdet_03", "mmdet_json"},
        {"mmdet_04", "mmdet_json"},
        {"mlflow_01/mlruns/1/ed05f9cd599442fe9a0c9222184710b8", "mlflow"}};
    for (const auto& [name, format] : expected) {
        ASSERT_EQ(formats.count(name), 1U) << name;
        EXPECT_EQ(formats.at(name), format) << name;
    }
    for (const auto& e : all.errors)
        for (const auto& [name, format] : expected)
            EXPECT_EQ(e.source.find("/" + name + "/"), std::string::npos) << e.message;
}

// Issue #12, defect 10: entries of an opened folder that cannot be read were skipped without a
// word. A symlink that leads nowhere and one that loops cannot be read by root either.
TEST_F(FolderWalkerTest, EntriesThatCannotBeReadAreNamed) {
    write("run/metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    fs::create_symlink(m_root / "run" / "gone.csv", m_root / "run" / "dangling.csv");
    fs::create_symlink(m_root / "run" / "loop", m_root / "run" / "loop");
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    ASSERT_EQ(batch.runs.size(), 1U);
    std::map<std::string, std::string> errors;
    for (const auto& e : batch.errors) errors[e.source] = e.message;
    ASSERT_EQ(errors.size(), 2U);
    EXPECT_EQ(errors[(m_root / "run" / "dangling.csv").string()], "No such file or directory");
    EXPECT_EQ(errors[(m_root / "run" / "loop").string()], "Too many levels of symbolic links");
}

// Issue #12, defect 10, with permissions: a file and a sub-folder the user may not read. Tests
// run as root here, where permissions do not apply, so the walk runs in a child process that
// gives up root first (as "nobody").
TEST_F(FolderWalkerTest, UnreadableFileAndFolderAreNamed) {
    write("run/metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    write("run/secret.csv", "step,loss\n1,0.5\n");
    write("locked/inner/metrics.csv", "step,loss\n1,0.5\n");
    fs::permissions(m_root, fs::perms::all);
    fs::permissions(m_root / "run", fs::perms::all);
    fs::permissions(m_root / "run" / "metrics.csv", fs::perms::all);
    fs::permissions(m_root / "run" / "secret.csv", fs::perms::none);
    fs::permissions(m_root / "locked", fs::perms::none);
    // The temporary folder above m_root may be private to root: nobody must reach m_root.
    for (fs::path p = m_root.parent_path(); geteuid() == 0 && p != p.root_path();
         p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0 && (st.st_mode & S_IXOTH) == 0)
            GTEST_SKIP() << p << " is closed to other users; cannot drop root for this test";
    }
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(out[0]);
        if (geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) _exit(3);
        LoadOptions options;
        options.threads = 1;
        const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
        std::string report = std::to_string(batch.runs.size()) + "\n";
        for (const auto& e : batch.errors) report += e.source + ": " + e.message + "\n";
        const bool ok =
            ::write(out[1], report.data(), report.size()) == static_cast<ssize_t>(report.size());
        _exit(ok ? 0 : 4);
    }
    ::close(out[1]);
    std::string report;
    char buf[4096];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;)
        report.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    fs::permissions(m_root / "locked", fs::perms::owner_all);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
    EXPECT_EQ(report, "1\n" + (m_root / "locked").string() +
                          ": cannot list folder: Permission denied\n" +
                          (m_root / "run" / "secret.csv").string() + ": Permission denied\n")
        << report;
}

// A checkpoint over the size limit beside a log is passed over like any file no loader
// claims; only a claimed file is refused for its size.
TEST_F(FolderWalkerTest, UnclaimedFilesOverTheLimitAreNotErrors) {
    std::string noise(3 << 20, '\0');
    std::mt19937 gen(11);
    for (auto& c : noise) c = static_cast<char>(gen());
    write("run/model.ckpt", noise);
    write("run/metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    std::string big = "step,loss\n";
    while (big.size() < (2U << 20)) big += "1,0.5\n";
    write("big/metrics.csv", big);
    LoadOptions options;
    options.maxFileBytes = 1 << 20;
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), options);
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->name, "run");
    ASSERT_EQ(batch.errors.size(), 1U);
    EXPECT_EQ(batch.errors[0].source, (m_root / "big" / "metrics.csv").string());
    EXPECT_EQ(batch.errors[0].message, "file is 2 MiB, over the 1 MiB limit; not loaded");
}

// Issue #12, 12b (b): logs deeper than 24 folders were skipped without a note.
TEST_F(FolderWalkerTest, TooDeepAFolderIsNamed) {
    fs::path deep;
    for (int i = 1; i <= 26; ++i) deep /= "d" + std::to_string(i);
    write(deep / "metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    write("d1/metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    const LoadBatch batch = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->name, "d1");
    ASSERT_EQ(batch.errors.size(), 1U);
    fs::path tooDeep = m_root;
    for (int i = 1; i <= 25; ++i) tooDeep /= "d" + std::to_string(i);
    EXPECT_EQ(batch.errors[0].source, tooDeep.string());
    EXPECT_EQ(batch.errors[0].message,
              "nested deeper than 24 folders below the opened one; not read");
}

// Issue #16: a file with a log's name that no loader read is listed with the reason; files that
// are obviously not logs (a checkpoint, an image, a hidden file) are passed over silently.
TEST_F(FolderWalkerTest, SkippedFilesAreListedWithTheirReason) {
    write("run/metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    write("run/a.csv", "");
    write("run/b.csv", std::string("PK\x03\x04\0\0binary\0zip", 16));
    write("run/sub/notes.txt", "Remember to try a smaller learning rate next time.\n");
    write("run/model.ckpt", std::string(64, '\0'));
    write("run/plot.png", "\x89PNG\r\n\x1a\n");
    write("run/.hidden.csv", "");
    const LoadBatch batch = loadPaths({(m_root / "run").string()});
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_TRUE(batch.errors.empty());
    ASSERT_EQ(batch.skipped.size(), 3U);
    std::map<std::string, SkipReason> why;
    for (const SkippedFile& f : batch.skipped) {
        EXPECT_EQ(f.folder, (m_root / "run").string());
        why[f.file] = f.reason;
    }
    EXPECT_EQ(why,
              (std::map<std::string, SkipReason>{{"a.csv", SkipReason::Empty},
                                                 {"b.csv", SkipReason::Binary},
                                                 {"sub/notes.txt", SkipReason::NoTrainingLog}}));
    const auto lines = skippedSummaries(batch.skipped);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].first, (m_root / "run").string());
    EXPECT_EQ(lines[0].second,
              "skipped 3 files: a.csv (empty), b.csv (binary, not text), sub/notes.txt (no "
              "training log found)");
}

// Past kSkippedNamed files the summary counts the rest; each opened folder has its own line.
TEST(SkippedSummaries, OneLinePerFolderAndTheRestCounted) {
    std::vector<SkippedFile> skipped;
    for (std::size_t i = 0; i < kSkippedNamed + 2; ++i)
        skipped.push_back({"x", "f" + std::to_string(i) + ".log", SkipReason::Empty});
    skipped.push_back({"y", "one.json", SkipReason::Binary});
    const auto lines = skippedSummaries(skipped);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].first, "x");
    EXPECT_EQ(lines[0].second.rfind("skipped 12 files: f0.log (empty), f1.log (empty), ", 0), 0U)
        << lines[0].second;
    EXPECT_NE(lines[0].second.find("f9.log (empty) and 2 more"), std::string::npos)
        << lines[0].second;
    EXPECT_EQ(lines[0].second.find("f10.log"), std::string::npos);
    EXPECT_EQ(lines[1], (std::pair<std::string, std::string>{
                            "y", "skipped 1 file: one.json (binary, not text)"}));
}

}  // namespace
}  // namespace curvedoctor::core
