// A folder walk that only learns which runs there are (LoadOptions::sourcesOnly, what a follower
// asks): the same runs as a full load, by source and format, none of them read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>

#include "core/loader_registry.h"
#include "folder_test_support.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using testutil::testData;

using Sources = std::map<std::string, std::string>;  // source -> format

Sources sourcesOf(const LoadBatch& batch) {
    Sources out;
    for (const RunPtr& r : batch.runs) out[r->source] = r->format;
    return out;
}

// Runs a sources-only walk still reads: TensorBoard CSV exports (merged by the names inside
// them) and folders whose loader does not list without reading (MLflow, W&B).
bool readAnyway(const Run& r) {
    return r.format == "tensorboard_csv" || r.format == "mlflow" || r.format == "wandb";
}

LoadBatch sourcesOnly(const std::string& folder) {
    LoadOptions options;
    options.sourcesOnly = true;
    return loadFolder(folder, LoaderRegistry::builtin(), options);
}

using FolderSourcesTest = testutil::FolderTest;

TEST_F(FolderSourcesTest, SameRunsAsAFullLoadNoneRead) {
    copy("tfevents/torch_simple_value.tfevents", "tb/events.out.tfevents.1.host");
    copy("tfevents/tf2_tensors.tfevents", "tb/events.out.tfevents.2.host");
    copy("tfevents/tf2_tensors.tfevents", "keras/train/events.out.tfevents.1.v2");
    copy("tfevents/torch_simple_value.tfevents", "keras/validation/events.out.tfevents.2.v2");
    copy("mlflow/mlruns/0/abc123", "mlruns/0/abc123");
    copy("hf/trainer_state.json", "hf/checkpoint-40/trainer_state.json");
    copy("jsonl/metrics.json", "mixed/metrics.json");
    copy("jsonl/trainer_log.jsonl", "mixed/trainer_log.jsonl");
    write("csv/metrics.csv", "epoch,step,train_loss\n0,0,2.0\n0,1,1.5\n");
    std::string noise(100000, '\0');
    std::mt19937 gen(7);
    for (auto& c : noise) c = static_cast<char>(gen());
    write("tb/model.ckpt", noise);
    write("empty/nothing.txt", "");

    const LoadBatch full = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    ASSERT_TRUE(full.errors.empty());
    ASSERT_EQ(full.runs.size(), 7U);
    const LoadBatch listed = sourcesOnly(m_root.string());
    EXPECT_TRUE(listed.errors.empty());
    EXPECT_EQ(sourcesOf(listed), sourcesOf(full));
    for (const RunPtr& r : listed.runs) {
        if (readAnyway(*r)) continue;
        EXPECT_TRUE(r->metrics.empty()) << r->source;
        EXPECT_EQ(r->pointCount(), 0U) << r->source;
    }
}

// TensorBoard's "Download CSV" files of one run are one run, merged by the run name inside
// them: a walk that reads nothing must still give that one run, not one per file.
TEST_F(FolderSourcesTest, TensorboardCsvExportsOfOneRunStayOneRun) {
    write("exp/run-a-tag-loss.csv", "Wall time,Step,Value\n1.0,0,2.0\n2.0,1,1.5\n");
    write("exp/run-a-tag-acc.csv", "Wall time,Step,Value\n1.0,0,0.1\n2.0,1,0.2\n");
    const LoadBatch full = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    ASSERT_EQ(full.runs.size(), 1U);
    EXPECT_EQ(sourcesOf(sourcesOnly(m_root.string())), sourcesOf(full));
}

// A run folder a loader claims (an event file by its name) that then fails to load is a run of
// a sources-only walk, nothing being read to find out: a follower tries it again when it changes.
TEST_F(FolderSourcesTest, AClaimedFolderThatFailsToLoadIsStillListed) {
    write("a/events.out.tfevents.1", "");  // TensorFlow creates it before its first record
    const std::string a = (m_root / "a").string();
    const LoadBatch full = loadFolder(m_root.string(), LoaderRegistry::builtin(), {});
    EXPECT_EQ(sourcesOf(full).count(a), 0U);
    ASSERT_EQ(full.errors.size(), 1U);
    EXPECT_EQ(full.errors[0].source, a);
    const Sources listed = sourcesOf(sourcesOnly(m_root.string()));
    ASSERT_EQ(listed.count(a), 1U);
    EXPECT_EQ(listed.at(a), "tfevents");
}

// On the real logdir: every run a full load gives is listed with its format; what is listed
// beyond those is a file or folder the full load could not read (and said so).
TEST(FolderSourcesRealworld, ListsEveryRunAFullLoadGives) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const LoadBatch full = loadPaths({rw});
    const LoadBatch listed = sourcesOnly(rw);
    const Sources fullSources = sourcesOf(full);
    const Sources listedSources = sourcesOf(listed);
    ASSERT_GT(fullSources.size(), 50U);
    for (const auto& [source, format] : fullSources) {
        ASSERT_EQ(listedSources.count(source), 1U) << source;
        EXPECT_EQ(listedSources.at(source), format) << source;
    }
    std::set<std::string> failed;
    for (const LoadError& e : full.errors) failed.insert(e.source);
    for (const auto& [source, format] : listedSources) {
        if (fullSources.count(source) == 0) {
            EXPECT_EQ(failed.count(source), 1U) << source;
        }
    }
    for (const RunPtr& r : listed.runs) {
        if (!readAnyway(*r)) {
            EXPECT_EQ(r->pointCount(), 0U) << r->source;
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
