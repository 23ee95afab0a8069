// Metric roles are computed once per run (assignRoles, called when a run is built) and read from
// the run's table; the table is the one place an override of a role would change.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/comparison.h"
#include "core/loaders/run_builder.h"
#include "core/run.h"

namespace curvedoctor::core {
namespace {

namespace core = curvedoctor::core;

TEST(RunRoles, ABuiltRunHasARoleForEveryMetric) {
    RunBuilder b;
    for (const char* name : {"train_loss", "val_loss", "val_acc", "lr-Adam", "gpu_mem"})
        b.add(b.series(name), 1, 1.0, NAN, NAN, 2, -1);
    const core::Run run = b.finish();
    ASSERT_EQ(run.roles.size(), run.metrics.size());
    EXPECT_EQ(run.roles.at("train_loss").role, MetricRole::TrainLoss);
    EXPECT_EQ(run.roles.at("val_loss").role, MetricRole::ValLoss);
    EXPECT_EQ(run.roles.at("val_acc").direction, Direction::HigherIsBetter);
    EXPECT_EQ(run.roles.at("lr-Adam").role, MetricRole::LearningRate);
    EXPECT_EQ(run.roles.at("gpu_mem").role, MetricRole::Other);
}

TEST(RunRoles, AppendingGivesTheNewMetricsTheirRoles) {
    RunBuilder b;
    b.add(b.series("loss"), 1, 1.0, NAN, NAN, 2, -1);
    RunBuilder more(b.finish());
    more.add(more.series("val_loss"), 1, 1.0, NAN, NAN, 3, -1);
    const core::Run run = more.finish();
    ASSERT_EQ(run.roles.size(), 2U);
    EXPECT_EQ(run.roles.at("val_loss").role, MetricRole::ValLoss);
}

TEST(RunRoles, TheRunsTableDecidesOverTheName) {
    core::Run run;
    run.metrics["gpu_mem"].steps = {1, 2};
    run.metrics["gpu_mem"].values = {2.0, 1.0};
    run.metrics["loss"].steps = {1, 2};
    run.metrics["loss"].values = {3.0, 2.0};
    // Without a table a hand-made run's metrics are inferred from their names.
    EXPECT_EQ(run.info("gpu_mem").role, MetricRole::Other);
    EXPECT_EQ(run.info("loss").role, MetricRole::TrainLoss);
    // A table row (as an override would write it) is what every reader sees.
    assignRoles(run);
    run.roles["gpu_mem"] = MetricInfo{MetricRole::ValLoss, Direction::LowerIsBetter, "loss", true};
    EXPECT_EQ(run.info("gpu_mem").role, MetricRole::ValLoss);
    std::string name;
    ASSERT_NE(primarySeries(run, MetricRole::ValLoss, &name), nullptr);
    EXPECT_EQ(name, "gpu_mem");
}

}  // namespace
}  // namespace curvedoctor::core
