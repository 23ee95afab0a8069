// The logs made by tests/data/fixtures/make_fixtures.py load as their manifest says: the right
// loader, every metric the manifest names with the right role, and the facts the generator
// measured in Python (best validation step, first non-finite step, epochs) found again in the
// loaded series. Also: the bundled example runs load as exactly four runs.

#include "core/loader_registry.h"
#include "core/metric_role.h"
#include "json_test_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace curvedoctor::core {
namespace {

using test::JsonTestParser;
using test::JsonValue;

const std::string kFixtures = std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/fixtures";

JsonValue readManifest() {
    std::ifstream in(kFixtures + "/manifest.json");
    std::stringstream text;
    text << in.rdbuf();
    return JsonTestParser::parse(text.str());
}

// Every single-run entry: the cases and the runs of each group.
std::vector<const JsonValue*> allEntries(const JsonValue& manifest) {
    std::vector<const JsonValue*> out;
    for (const auto& c : manifest["cases"].array) out.push_back(&c);
    for (const auto& g : manifest["groups"].array) {
        for (const auto& r : g["runs"].array) out.push_back(&r);
    }
    return out;
}

MetricRole expectedRole(const std::string& key) {
    if (key == "train_loss" || key == "train_loss_epoch") return MetricRole::TrainLoss;
    if (key == "val_loss") return MetricRole::ValLoss;
    if (key == "val_acc") return MetricRole::ValMetric;
    return MetricRole::LearningRate;
}

RunPtr loadOne(const JsonValue& entry) {
    const std::string path = kFixtures + "/" + entry["path"].string + "/" + entry["file"].string;
    LoadBatch batch = loadPaths({path});
    EXPECT_TRUE(batch.errors.empty()) << path;
    EXPECT_EQ(batch.runs.size(), 1u) << path;
    return batch.runs.empty() ? nullptr : batch.runs.front();
}

TEST(FixtureLogs, ManifestListsEveryCatalogueKind) {
    const JsonValue manifest = readManifest();
    std::set<std::string> expected;
    for (const auto& c : manifest["cases"].array) {
        for (const auto& e : c["expect"].array) expected.insert(e["kind"].string);
    }
    for (const auto& g : manifest["groups"].array) {
        for (const auto& e : g["expect"].array) expected.insert(e["kind"].string);
    }
    for (const auto& kind : manifest["kinds"].array) {
        EXPECT_TRUE(expected.count(kind.string)) << "no fixture expects " << kind.string;
    }
}

TEST(FixtureLogs, EveryLogLoadsWithItsFormatAndRoles) {
    const JsonValue manifest = readManifest();
    const auto entries = allEntries(manifest);
    ASSERT_GE(entries.size(), 30u);
    for (const JsonValue* entry : entries) {
        SCOPED_TRACE(entry->operator[]("path").string);
        const RunPtr run = loadOne(*entry);
        ASSERT_TRUE(run);
        EXPECT_EQ(run->format, (*entry)["format"].string);
        EXPECT_TRUE(run->warnings.empty());
        for (const auto& [key, name] : (*entry)["metrics"].object) {
            const Series* s = run->find(name.string);
            ASSERT_NE(s, nullptr) << name.string;
            EXPECT_FALSE(s->empty()) << name.string;
            EXPECT_EQ(inferMetricInfo(name.string).role, expectedRole(key)) << name.string;
        }
    }
}

TEST(FixtureLogs, GeneratorFactsMatchTheLoadedSeries) {
    const JsonValue manifest = readManifest();
    for (const JsonValue* entry : allEntries(manifest)) {
        const JsonValue& e = *entry;
        SCOPED_TRACE(e["path"].string);
        const RunPtr run = loadOne(e);
        ASSERT_TRUE(run);
        const JsonValue& facts = e["facts"];
        const bool keras = e["format"].string == "keras_csv";
        const Series* val = run->find(e["metrics"]["val_loss"].string);
        ASSERT_NE(val, nullptr);
        EXPECT_EQ(val->size(), static_cast<std::size_t>(facts["epochs"].number));

        // Best validation loss: Lightning/plain logs it at the epoch's last step, Keras at the
        // epoch index.
        if (facts.object.count("best_val_loss_step")) {
            std::size_t best = 0;
            double bestValue = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < val->size(); ++i) {
                if (val->values[i] < bestValue) {
                    bestValue = val->values[i];
                    best = i;
                }
            }
            const double expectedStep =
                keras ? facts["best_val_loss_epoch"].number : facts["best_val_loss_step"].number;
            EXPECT_EQ(static_cast<double>(val->steps[best]), expectedStep);
            EXPECT_NEAR(bestValue, facts["best_val_loss"].number, 1e-6);
        }

        // First non-finite training loss (divergence_nan): the step the manifest quotes.
        const Series* train = run->find(e["metrics"]["train_loss"].string);
        ASSERT_NE(train, nullptr);
        if (facts.object.count("first_nonfinite_step")) {
            std::int64_t first = -1;
            for (std::size_t i = 0; i < train->size(); ++i) {
                if (!std::isfinite(train->values[i])) {
                    first = train->steps[i];
                    break;
                }
            }
            EXPECT_EQ(static_cast<double>(first), facts["first_nonfinite_step"].number);
        } else {
            EXPECT_EQ(train->nonFiniteCount(), 0u);
        }

        // Every expected range lies inside the logged steps.
        for (const auto& x : e["expect"].array) {
            EXPECT_LE(x["begin_step"].number, x["end_step"].number) << x["kind"].string;
            EXPECT_GE(x["begin_step"].number, 0.0) << x["kind"].string;
            EXPECT_LE(x["end_step"].number, static_cast<double>(train->steps.back()))
                << x["kind"].string;
        }
    }
}

TEST(FixtureLogs, ExampleRunsLoadAsFourRuns) {
    LoadBatch batch = loadPaths({std::string(CURVEDOCTOR_EXAMPLES_DIR)});
    EXPECT_TRUE(batch.errors.empty());
    std::set<std::string> formats;
    for (const auto& run : batch.runs) formats.insert(run->format);
    EXPECT_EQ(batch.runs.size(), 4u);
    EXPECT_EQ(formats, (std::set<std::string>{"keras_csv", "lightning_csv"}));
}

}  // namespace
}  // namespace curvedoctor::core
