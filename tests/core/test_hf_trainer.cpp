// Hugging Face trainer_state.json. Expected values come from Python's json module (which reads
// bare NaN/Infinity) over tests/data/hf/ and ../shared/realworld/hf_trainer_*.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/loader_registry.h"
#include "core/loaders/hf_trainer_loader.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

using testutil::testData;

core::Run loadOne(const std::string& path) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), {});
    EXPECT_TRUE(batch.errors.empty()) << (batch.errors.empty() ? "" : batch.errors[0].message);
    EXPECT_EQ(batch.runs.size(), 1U);
    return batch.runs.empty() ? core::Run{} : *batch.runs[0];
}

TEST(HfTrainer, TrainAndEvalSeriesWithEpochsAndNonFinite) {
    const core::Run run = loadOne(testData("hf/trainer_state.json"));
    EXPECT_EQ(run.format, "hf_trainer");
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{10, 20, 30}));
    EXPECT_EQ(loss->values[0], 2.3);
    EXPECT_TRUE(std::isinf(loss->values[1]) && loss->values[1] > 0);
    EXPECT_EQ(loss->epochs, (std::vector<double>{0.25, 0.5, 0.75}));
    const Series* grad = run.find("grad_norm");
    ASSERT_NE(grad, nullptr);
    EXPECT_TRUE(std::isnan(grad->values[1]));
    EXPECT_TRUE(std::isinf(grad->values[2]) && grad->values[2] < 0);
    const Series* eval = run.find("eval_loss");
    ASSERT_NE(eval, nullptr);
    EXPECT_EQ(eval->steps, (std::vector<std::int64_t>{20, 40}));
    EXPECT_EQ(eval->values, (std::vector<double>{0.41, 0.52}));
    EXPECT_EQ(run.find("eval_accuracy")->values, (std::vector<double>{0.875, 0.8125}));
    // The end-of-training summary is not a curve.
    EXPECT_EQ(run.find("train_loss"), nullptr);
    EXPECT_EQ(run.find("train_runtime"), nullptr);
    EXPECT_EQ(run.hyperparameters.at("train_loss"), "1.9");
    EXPECT_EQ(run.hyperparameters.at("train_runtime"), "12.5");
    // Simple top-level fields, written as in the file.
    EXPECT_EQ(run.hyperparameters.at("train_batch_size"), "8");
    EXPECT_EQ(run.hyperparameters.at("num_train_epochs"), "2");
    EXPECT_EQ(run.hyperparameters.at("best_model_checkpoint"), "out/checkpoint-20");
    EXPECT_EQ(run.hyperparameters.at("is_hyper_param_search"), "false");
    EXPECT_EQ(run.hyperparameters.count("trial_name"), 0U);          // null
    EXPECT_EQ(run.hyperparameters.count("stateful_callbacks"), 0U);  // nested
    EXPECT_TRUE(run.warnings.empty());
}

TEST(HfTrainer, EmptyHistoryIsARunWithANote) {
    const core::Run run = loadOne(testData("hf/empty_history.json"));
    EXPECT_EQ(run.pointCount(), 0U);
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_NE(run.warnings[0].message.find("log_history is empty"), std::string::npos);
    EXPECT_EQ(run.hyperparameters.at("train_batch_size"), "8");
}

TEST(HfTrainer, CutShortKeepsWholeEntries) {
    // The file is the first 420 bytes of trainer_state.json: it ends inside the third entry,
    // on line 10.
    const core::Run run = loadOne(testData("hf/truncated_state.json"));
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{10, 20}));
    EXPECT_EQ(run.find("eval_loss"), nullptr);
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].line, 10);
    EXPECT_EQ(run.warnings[0].byteOffset, 420);
    EXPECT_NE(run.warnings[0].message.find("line 10"), std::string::npos);
}

TEST(HfTrainer, SniffsContentNotName) {
    HfTrainerLoader loader;
    EXPECT_EQ(loader.sniff({"x/__init__.py", "__init__.py", "{\n  \"log_history\": [", false}),
              confidence::kCertain);
    EXPECT_EQ(loader.sniff({"trainer_state.json", "trainer_state.json", "{\"a\": 1}", false}),
              confidence::kLikely);
    EXPECT_EQ(loader.sniff({"a.json", "a.json", "[1, 2]", false}), confidence::kNone);
}

TEST(HfTrainer, BrokenJsonGivesOneLineErrorWithPosition) {
    HfTrainerLoader loader;
    const LoadResult r = loader.load({"s.json", "{\n\"epoch\": 1.0,\n\"x\" 3}", {}});
    EXPECT_TRUE(r.runs.empty());
    EXPECT_NE(r.error.find("line 3"), std::string::npos) << r.error;
    const LoadResult noHistory = loader.load({"s.json", "{\"epoch\": 1}", {}});
    EXPECT_NE(noHistory.error.find("log_history"), std::string::npos);
    const LoadResult notObject = loader.load({"s.json", "[1]", {}});
    EXPECT_FALSE(notObject.error.empty());
}

TEST(HfTrainerRealworld, AllSixFiles) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run empty = loadOne(rw + "/hf_trainer_01/trainer_state.json");
    EXPECT_EQ(empty.pointCount(), 0U);
    EXPECT_EQ(empty.warnings.size(), 1U);
    EXPECT_EQ(empty.hyperparameters.at("train_batch_size"), "8");

    const core::Run llama = loadOne(rw + "/hf_trainer_02/trainer_state.json");
    EXPECT_EQ(llama.metrics.size(), 3U);
    EXPECT_EQ(llama.find("loss")->size(), 866U);
    EXPECT_EQ(llama.find("loss")->steps.back(), 8660);
    EXPECT_EQ(llama.find("loss")->values.front(), 2.4977);
    EXPECT_EQ(llama.find("loss")->epochs.back(), 4.0);
    EXPECT_EQ(llama.hyperparameters.count("train_runtime"), 1U);

    const core::Run nan = loadOne(rw + "/hf_trainer_03/trainer_state.json");
    EXPECT_EQ(nan.find("grad_norm")->size(), 750U);
    EXPECT_EQ(nan.find("grad_norm")->nonFiniteCount(), 750U);
    EXPECT_EQ(nan.find("loss")->steps.front(), 500);

    const core::Run renamed = loadOne(rw + "/hf_trainer_04/__init__.py");
    EXPECT_EQ(renamed.format, "hf_trainer");
    EXPECT_EQ(renamed.find("loss")->size(), 62U);
    EXPECT_EQ(renamed.find("eval_accuracy")->size(), 62U);
    EXPECT_EQ(renamed.find("eval_loss")->values.back(), 1.3862943649291992);
    EXPECT_EQ(renamed.metrics.size(), 7U);

    const core::Run five = loadOne(rw + "/hf_trainer_05/trainer_state.json");
    EXPECT_EQ(five.find("loss")->size(), 50U);
    EXPECT_EQ(five.find("eval_loss")->size(), 8U);
    EXPECT_EQ(five.find("eval_loss")->steps.front(), 60);

    const core::Run six = loadOne(rw + "/hf_trainer_06/trainer_state.json");
    EXPECT_EQ(six.find("loss")->size(), 10U);
    EXPECT_EQ(six.find("eval_loss")->size(), 5U);
    EXPECT_EQ(six.find("loss")->values.back(), 0.4063);
}

TEST(HfTrainerRealworld, AgreesWithItsTensorBoardTwin) {
    // hf_trainer_03 and tensorboard_02 are one run logged both ways (HF's TensorBoardCallback
    // writes float32 simple_values named train/<key>).
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run json = loadOne(rw + "/hf_trainer_03/trainer_state.json");
    const core::Run tb =
        loadOne(rw + "/tensorboard_02/events.out.tfevents.1713762722.ip-172-31-47-103");
    for (const std::string key : {"loss", "learning_rate"}) {
        const Series* a = json.find(key);
        const Series* b = tb.find("train/" + key);
        ASSERT_NE(a, nullptr);
        ASSERT_NE(b, nullptr);
        ASSERT_EQ(a->size(), b->size()) << key;
        for (std::size_t i = 0; i < a->size(); ++i) {
            EXPECT_EQ(a->steps[i], b->steps[i]);
            EXPECT_EQ(static_cast<float>(a->values[i]), static_cast<float>(b->values[i])) << key;
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
