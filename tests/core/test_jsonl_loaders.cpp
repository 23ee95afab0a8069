// JSON-lines loaders. Fixtures in tests/data/jsonl/ are hand-written; expected real-world counts
// and steps were computed with Python's json module over ../shared/realworld (MMDetection step
// = (epoch - 1) * N + iter with N the val lines' iter).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "core/loader_registry.h"
#include "core/loaders/jsonl_loader.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

using testutil::testData;

core::Run loadOne(const std::string& path, const std::string& format) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), {});
    EXPECT_TRUE(batch.errors.empty()) << (batch.errors.empty() ? "" : batch.errors[0].message);
    EXPECT_EQ(batch.runs.size(), 1U);
    if (batch.runs.empty()) return core::Run{};
    EXPECT_EQ(batch.runs[0]->format, format) << path;
    return *batch.runs[0];
}

std::size_t warningsContaining(const core::Run& run, const std::string& text) {
    std::size_t n = 0;
    for (const auto& w : run.warnings) n += w.message.find(text) != std::string::npos ? 1 : 0;
    return n;
}

TEST(Detectron2Json, RestartIsKeptAndReported) {
    const core::Run run = loadOne(testData("jsonl/metrics.json"), "detectron2_json");
    const Series* loss = run.find("total_loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{19, 39, 19, 39, 59}));
    EXPECT_TRUE(std::isnan(loss->values[3]));
    EXPECT_FALSE(loss->hasEpochs());
    EXPECT_EQ(run.find("bbox/AP")->values, (std::vector<double>{30.5}));
    EXPECT_EQ(run.find("iteration"), nullptr);
    // One warning for the line where steps go back (line 3), one for the line that is not JSON.
    ASSERT_EQ(warningsContaining(run, "go back"), 1U);
    for (const auto& w : run.warnings) {
        if (w.message.find("go back") != std::string::npos) {
            EXPECT_EQ(w.line, 3);
            EXPECT_EQ(w.byteOffset, 138);
        }
        if (w.message.find("not a JSON object") != std::string::npos) {
            EXPECT_EQ(w.line, 5);
        }
    }
    EXPECT_EQ(run.warnings.size(), 2U);
}

TEST(LlamaFactoryJsonl, TrainEvalAndCutLastLine) {
    const core::Run run = loadOne(testData("jsonl/trainer_log.jsonl"), "llamafactory_jsonl");
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{10, 20}));
    EXPECT_EQ(run.find("loss")->epochs, (std::vector<double>{0.33, 0.67}));
    EXPECT_EQ(run.find("eval_loss")->values, (std::vector<double>{2.75}));
    EXPECT_EQ(run.find("percentage"), nullptr);
    EXPECT_EQ(run.find("total_steps"), nullptr);
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].line, 4);
    EXPECT_GE(run.warnings[0].byteOffset, 493);  // the last line starts at byte 493
    EXPECT_NE(run.warnings[0].message.find("cut short"), std::string::npos);
}

TEST(MmdetLogJson, StepsFromEpochAndIterValidationPrefixed) {
    const core::Run run = loadOne(testData("jsonl/run.log.json"), "mmdet_json");
    // N = 25 from the val lines: train steps (e-1)*25 + iter, val steps e*25.
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{10, 20, 35, 45}));
    EXPECT_EQ(run.find("loss")->epochs, (std::vector<double>{0.4, 0.8, 1.4, 1.8}));
    const Series* map = run.find("val/bbox_mAP");
    ASSERT_NE(map, nullptr);
    EXPECT_EQ(map->steps, (std::vector<std::int64_t>{25, 50}));
    EXPECT_EQ(map->epochs, (std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(run.find("val/lr"), nullptr);
    EXPECT_EQ(run.find("seed"), nullptr);  // env line
    EXPECT_EQ(run.find("lr")->size(), 4U);
    EXPECT_TRUE(run.warnings.empty());
}

TEST(MmengineScalars, ValidationStepIsTheEpochsLastTrainStep) {
    const core::Run run = loadOne(testData("jsonl/scalars.json"), "mmengine_scalars");
    EXPECT_EQ(run.find("loss")->steps, (std::vector<std::int64_t>{50, 100, 150, 200}));
    const Series* map = run.find("val/coco/bbox_mAP");
    ASSERT_NE(map, nullptr);
    EXPECT_EQ(map->steps, (std::vector<std::int64_t>{100, 200}));
    EXPECT_EQ(map->epochs, (std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(run.find("val/time")->size(), 2U);
    EXPECT_EQ(run.find("time")->size(), 4U);  // train and validation timings stay apart
    EXPECT_TRUE(run.warnings.empty());
}

TEST(JsonLines, SniffingPicksTheDialect) {
    const auto& reg = LoaderRegistry::builtin();
    auto pick = [&](std::string_view name, std::string_view head) {
        const Loader* l = reg.pick(SniffInput{name, name, head, false});
        return l == nullptr ? std::string("none") : std::string(l->id());
    };
    EXPECT_EQ(pick("metrics.json", "{\"iteration\": 1, \"total_loss\": 2}\n"), "detectron2_json");
    EXPECT_EQ(pick("x.jsonl", "{\"current_steps\": 1, \"loss\": 2}\n"), "llamafactory_jsonl");
    EXPECT_EQ(pick("a.json", "{\"env_info\": \"x\"}\n{\"mode\": \"train\"}\n"), "mmdet_json");
    EXPECT_EQ(pick("scalars.json", "{\"loss\": 1, \"step\": 2}\n"), "mmengine_scalars");
    EXPECT_EQ(pick("a.json", "[1, 2, 3]\n"), "none");
    EXPECT_EQ(pick("a.json", "{\"a\": 1}\n"), "none");
}

TEST(JsonLines, NothingUsableIsAnError) {
    JsonLinesLoader loader(JsonLinesDialect::Detectron2);
    const LoadResult r = loader.load({"m.json", "garbage\nmore garbage\n", {}});
    EXPECT_TRUE(r.runs.empty());
    EXPECT_NE(r.error.find("line 1"), std::string::npos) << r.error;
    const LoadResult binary = loader.load({"m.json", std::string("\0\x01\x02\xff", 4), {}});
    EXPECT_TRUE(binary.runs.empty());
    EXPECT_FALSE(binary.error.empty());
}

TEST(JsonLinesRealworld, Detectron2AgreesWithTensorBoardTwin) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run json = loadOne(rw + "/detectron2_01/metrics.json", "detectron2_json");
    EXPECT_EQ(json.metrics.size(), 21U);
    for (const auto& [name, s] : json.metrics) EXPECT_EQ(s.size(), 16U) << name;
    EXPECT_EQ(warningsContaining(json, "go back"), 1U);  // iteration 19 logged twice
    // tensorboard_01 holds the restarted run only: JSON lines 2..16.
    const core::Run tb = loadOne(
        rw + "/tensorboard_01/events.out.tfevents.1737378888.LAPTOP-1BH8GF02.2695.0", "tfevents");
    ASSERT_EQ(tb.metrics.size(), json.metrics.size());
    for (const auto& [name, t] : tb.metrics) {
        const Series* j = json.find(name);
        ASSERT_NE(j, nullptr) << name;
        ASSERT_EQ(t.size() + 1, j->size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            EXPECT_EQ(t.steps[i], j->steps[i + 1]);
            EXPECT_EQ(static_cast<float>(t.values[i]), static_cast<float>(j->values[i + 1]))
                << name << " at " << t.steps[i];
        }
    }
}

TEST(JsonLinesRealworld, LlamaFactoryAgreesWithItsTrainerState) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run log = loadOne(rw + "/llamafactory_01/trainer_log.jsonl", "llamafactory_jsonl");
    const core::Run state = loadOne(rw + "/hf_trainer_02/trainer_state.json", "hf_trainer");
    for (const std::string key : {"loss", "learning_rate"}) {
        const Series* a = log.find(key);
        const Series* b = state.find(key);
        ASSERT_NE(a, nullptr);
        ASSERT_NE(b, nullptr);
        EXPECT_EQ(a->size(), 866U);
        EXPECT_EQ(a->steps, b->steps);
        EXPECT_EQ(a->values, b->values);
    }
    EXPECT_EQ(log.find("loss")->epochs.back(), 4.0);
}

TEST(JsonLinesRealworld, MmdetectionLogs) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    struct Expect {
        const char* file;
        std::size_t trainLines;
        std::int64_t firstStep, lastStep, itersPerEpoch;
        const char* valMetric;
        std::size_t valPoints;
    };
    const Expect cases[] = {
        {"/mmdet_01/20201017_191416.log.json", 888, 50, 44975, 1875, "val/bbox_mAP", 9},
        {"/mmdet_02/20211207_135738.log.json", 750, 50, 37500, 3750, "val/bbox_mAP", 5},
        {"/mmdet_03/20201029_203430.log.json", 1488, 50, 74477, 6207, "val/mAP", 12},
        {"/mmdet_04/20210112_010929.log.json", 1488, 50, 74477, 6207, "val/mAP", 12},
    };
    for (const auto& c : cases) {
        const core::Run run = loadOne(rw + c.file, "mmdet_json");
        const Series* loss = run.find("loss");
        ASSERT_NE(loss, nullptr) << c.file;
        EXPECT_EQ(loss->size(), c.trainLines) << c.file;
        EXPECT_EQ(loss->steps.front(), c.firstStep) << c.file;
        EXPECT_EQ(loss->steps.back(), c.lastStep) << c.file;
        EXPECT_TRUE(loss->stepsAreSorted()) << c.file;
        const Series* val = run.find(c.valMetric);
        ASSERT_NE(val, nullptr) << c.file;
        EXPECT_EQ(val->size(), c.valPoints) << c.file;
        EXPECT_EQ(val->steps.front(), c.itersPerEpoch) << c.file;
        EXPECT_EQ(warningsContaining(run, "go back"), 0U) << c.file;
    }
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

TEST(JsonLinesRealworld, MmdetJsonAgreesWithItsTextLog) {
    // mmdet_02's .log.json and textlog_02's .log are one run. The text log prints values
    // rounded (4 decimals, lr as %.3e, times as %.3f), so they agree to that rounding.
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run json = loadOne(rw + "/mmdet_02/20211207_135738.log.json", "mmdet_json");
    LoadBatch text = loadPaths({rw + "/textlog_02"});
    ASSERT_EQ(text.runs.size(), 1U);
    std::size_t compared = 0;
    for (const auto& [name, t] : text.runs[0]->metrics) {
        const Series* j = json.find(name);
        if (j == nullptr) continue;  // eta and other text-only fields
        ASSERT_EQ(t.size(), j->size()) << name;
        EXPECT_EQ(t.steps, j->steps) << name;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const double a = j->values[i];
            const double b = t.values[i];
            if (std::isnan(a) || std::isnan(b)) {
                EXPECT_TRUE(std::isnan(a) && std::isnan(b)) << name << " at " << t.steps[i];
                continue;
            }
            // Half a unit in the last printed place: 3 decimals for times, 4 for the rest;
            // lr's %.3e is relative.
            const bool isTime = name == "time" || name == "data_time";
            const double tolerance = (isTime ? 5.01e-4 : 5.01e-5) + 1e-3 * std::fabs(a);
            EXPECT_NEAR(a, b, tolerance) << name << " at " << t.steps[i];
        }
        ++compared;
    }
    EXPECT_GE(compared, 10U);  // loss, lr, acc, time, memory, ... and val/bbox_mAP*
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

TEST(JsonLines, MutatedFilesNeverCrash) {
    // Random byte edits, cuts and insertions of JSON punctuation over every JSON fixture, fed to
    // every JSON loader: each gives a run or a one-line error, never a crash or a hang.
    const char* fixtures[] = {"jsonl/metrics.json", "jsonl/trainer_log.jsonl", "jsonl/run.log.json",
                              "jsonl/scalars.json", "hf/trainer_state.json"};
    const auto& reg = LoaderRegistry::builtin();
    const char* ids[] = {"detectron2_json", "llamafactory_jsonl", "mmdet_json", "mmengine_scalars",
                         "hf_trainer"};
    const std::string punctuation = "{}[]\":,\\\n 0-.eNI";
    std::mt19937 gen(99);
    for (const char* fixture : fixtures) {
        std::ifstream in(testData(fixture), std::ios::binary);
        const std::string original((std::istreambuf_iterator<char>(in)), {});
        for (int round = 0; round < 150; ++round) {
            std::string bytes = original;
            for (int e = 0; e < 1 + static_cast<int>(gen() % 5); ++e) {
                const std::size_t at = gen() % bytes.size();
                switch (gen() % 3) {
                    case 0:
                        bytes[at] = punctuation[gen() % punctuation.size()];
                        break;
                    case 1:
                        bytes.resize(std::max<std::size_t>(at, 1));
                        break;
                    default:
                        bytes.insert(at, 1, static_cast<char>(gen()));
                        break;
                }
            }
            for (const char* id : ids) {
                const LoadResult r = reg.byId(id)->load(LoadInput{"m.json", bytes, {}});
                EXPECT_TRUE(!r.runs.empty() || !r.error.empty()) << id;
            }
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
