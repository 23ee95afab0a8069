// Opening a folder walks it like TensorBoard's logdir. The tree is built from the fixtures of the
// other loader tests; expected run names follow the rule "one run per folder holding logs, named
// by its path relative to the opened folder".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "core/loader_registry.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using testutil::testData;

class FolderWalkerTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        m_root = fs::temp_directory_path() / ("cd_walk_" + std::to_string(rd()));
        fs::create_directories(m_root);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_root, ec);
    }
    void copy(const std::string& fixture, const fs::path& to) {
        fs::create_directories((m_root / to).parent_path());
        fs::copy(testData(fixture), m_root / to, fs::copy_options::recursive);
    }
    void write(const fs::path& to, const std::string& bytes) {
        fs::create_directories((m_root / to).parent_path());
        std::ofstream(m_root / to, std::ios::binary) << bytes;
    }
    std::map<std::string, RunPtr> byName(const LoadBatch& batch) {
        std::map<std::string, RunPtr> out;
        for (const auto& r : batch.runs) out[r->name] = r;
        return out;
    }
    fs::path m_root;
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
        copy("jsonl/metrics.json", std::string("r").append(std::to_string(i)).append("/metrics.json"));
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
        {"tensorboard_01", "tfevents"},       {"tensorboard_02", "tfevents"},
        {"tensorboard_03", "tfevents"},       {"tensorboard_04", "tfevents"},
        {"hf_trainer_01", "hf_trainer"},      {"hf_trainer_02", "hf_trainer"},
        {"hf_trainer_03", "hf_trainer"},      {"hf_trainer_04", "hf_trainer"},
        {"hf_trainer_05", "hf_trainer"},      {"hf_trainer_06", "hf_trainer"},
        {"detectron2_01", "detectron2_json"}, {"llamafactory_01", "llamafactory_jsonl"},
        {"mmdet_01", "mmdet_json"},           {"mmdet_02", "mmdet_json"},
        {"mmdet_03", "mmdet_json"},           {"mmdet_04", "mmdet_json"},
        {"mlflow_01/mlruns/1/ed05f9cd599442fe9a0c9222184710b8", "mlflow"}};
    for (const auto& [name, format] : expected) {
        ASSERT_EQ(formats.count(name), 1U) << name;
        EXPECT_EQ(formats.at(name), format) << name;
    }
    for (const auto& e : all.errors)
        for (const auto& [name, format] : expected)
            EXPECT_EQ(e.source.find("/" + name + "/"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace curvedoctor::core
