// PyTorch Lightning metrics.csv loader (sparse rows, hparams.yaml beside it).
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::loadOne;

TEST(CsvLightningLoader, SparseRowsBecomeOneSeriesPerMetric) {
    const RunPtr run = loadOne(csvFixture("lightning_hparams/metrics.csv"));
    ASSERT_TRUE(run);
    EXPECT_EQ(run->format, "lightning_csv");
    EXPECT_EQ(run->name, "lightning_hparams");
    // From the fixture: val_loss sits on its own rows at steps 99 and 199 (epochs 0 and 1).
    const Series* val = run->find("val_loss");
    ASSERT_NE(val, nullptr);
    EXPECT_EQ(val->steps, (std::vector<std::int64_t>{99, 199}));
    EXPECT_EQ(val->epochs, (std::vector<double>{0, 1}));
    EXPECT_EQ(val->values, (std::vector<double>{0.85, 0.75}));
    EXPECT_EQ(run->find("train_loss_step")->steps, (std::vector<std::int64_t>{49, 99, 149, 199}));
    EXPECT_EQ(run->find("train_loss_epoch")->size(), 2U);
    EXPECT_EQ(run->find("epoch"), nullptr);
    EXPECT_EQ(run->find("step"), nullptr);
    EXPECT_TRUE(run->warnings.empty());
}

TEST(CsvLightningLoader, HparamsYamlBesideIt) {
    const RunPtr run = loadOne(csvFixture("lightning_hparams/metrics.csv"));
    ASSERT_TRUE(run);
    const std::map<std::string, std::string> expected{{"lr", "0.001"},
                                                      {"batch_size", "32"},
                                                      {"model_name", "resnet18"},
                                                      {"optimizer.name", "adam"},
                                                      {"optimizer.betas", "[0.9, 0.999]"},
                                                      {"dropout", "0.1"}};
    EXPECT_EQ(run->hyperparameters, expected);
}

TEST(CsvLightningLoader, RealworldLogs) {
    if (!test::haveRealworld()) GTEST_SKIP() << "shared/realworld not found";
    // Expected (points, first step, last step) per metric from python's csv.DictReader over the
    // same files: count of non-empty cells per column and min/max of the row's step.
    using Expect = std::map<std::string, std::tuple<std::size_t, std::int64_t, std::int64_t>>;
    const Expect six30{{"train_acc_epoch", {30, 0, 29}},  {"train_acc_step", {30, 0, 29}},
                       {"train_loss_epoch", {30, 0, 29}}, {"train_loss_step", {30, 0, 29}},
                       {"val_acc", {30, 0, 29}},          {"val_loss", {30, 0, 29}}};
    const Expect six13{{"train_acc_epoch", {13, 0, 12}},  {"train_acc_step", {13, 0, 12}},
                       {"train_loss_epoch", {13, 0, 12}}, {"train_loss_step", {13, 0, 12}},
                       {"val_acc", {13, 0, 12}},          {"val_loss", {13, 0, 12}}};
    const Expect l04{{"train_acc_epoch", {374, 1, 745}},  {"train_acc_step", {746, 0, 745}},
                     {"train_loss_epoch", {374, 1, 745}}, {"train_loss_step", {746, 0, 745}},
                     {"val_acc", {374, 1, 746}},          {"val_loss", {374, 1, 746}}};
    const Expect l05{{"train_acc_epoch", {831, 1, 1661}},
                     {"train_loss_epoch", {831, 1, 1661}},
                     {"val_acc", {831, 1, 1661}},
                     {"val_loss", {831, 1, 1661}}};
    Expect l02{{"train_acc_epoch", {23780, 3, 95115}}, {"train_loss_epoch", {23780, 3, 95115}},
               {"val_acc", {23780, 3, 95116}},         {"val_loss", {23780, 3, 95116}},
               {"test_acc", {1, 95116, 95116}},        {"test_loss", {1, 95116, 95116}}};
    for (int c = 0; c < 10; ++c) l02["class_" + std::to_string(c) + "_acc"] = {1, 95116, 95116};
    const std::vector<std::pair<std::string, Expect>> cases{{"lightning_01", six30},
                                                            {"lightning_02", l02},
                                                            {"lightning_03", six13},
                                                            {"lightning_04", l04},
                                                            {"lightning_05", l05}};
    for (const auto& [dir, expect] : cases) {
        const RunPtr run = loadOne(test::realworldFile(dir + "/metrics.csv"));
        ASSERT_TRUE(run) << dir;
        EXPECT_EQ(run->format, "lightning_csv") << dir;
        EXPECT_EQ(run->metrics.size(), expect.size()) << dir;
        for (const auto& [metric, want] : expect) {
            const Series* s = run->find(metric);
            ASSERT_NE(s, nullptr) << dir << " " << metric;
            const auto [mn, mx] = std::minmax_element(s->steps.begin(), s->steps.end());
            EXPECT_EQ(std::make_tuple(s->size(), *mn, *mx), want) << dir << " " << metric;
            EXPECT_EQ(s->epochs.size(), s->size());
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
