// Every detector on the fixtures made from real (tiny) training runs with one planted fault
// each (tests/data/fixtures, made by make_fixtures.py). manifest.json is the independent source:
// the kinds that must fire, at which severity and where, and the kinds that must not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "core/diagnosis.h"
#include "core/json/json_reader.h"
#include "core/loader_registry.h"
#include "detector_test_support.h"

namespace curvedoctor::core {
namespace {

using namespace curvedoctor::core::dtest;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(CURVEDOCTOR_TEST_DATA_DIR) / "fixtures";

// A small tree over JsonReader, enough for the manifest.
struct Json {
    JsonType type = JsonType::Null;
    double number = 0.0;
    bool boolean = false;
    std::string string;
    std::vector<Json> array;
    std::map<std::string, Json> object;

    const Json& operator[](const std::string& k) const {
        static const Json kNull;
        auto it = object.find(k);
        return it == object.end() ? kNull : it->second;
    }
    [[nodiscard]] bool has(const std::string& k) const { return object.count(k) > 0; }
};

bool parse(JsonReader& r, Json& out) {
    out.type = r.peek();
    switch (out.type) {
        case JsonType::Number:
            return r.readNumber(out.number);
        case JsonType::Bool:
            return r.readBool(out.boolean);
        case JsonType::Null:
            return r.readNull();
        case JsonType::String: {
            std::string_view s;
            if (!r.readString(s)) return false;
            out.string = std::string(s);
            return true;
        }
        case JsonType::Array:
            if (!r.beginArray()) return false;
            while (r.nextElement()) {
                out.array.emplace_back();
                if (!parse(r, out.array.back())) return false;
            }
            return r.ok();
        case JsonType::Object: {
            if (!r.beginObject()) return false;
            std::string_view key;
            while (r.nextKey(key)) {
                const std::string k(key);
                if (!parse(r, out.object[k])) return false;
            }
            return r.ok();
        }
        default:
            return false;
    }
}

const Json& manifest() {
    static const Json m = [] {
        std::ifstream in(kFixtures / "manifest.json");
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        JsonReader r(text);
        Json j;
        if (!parse(r, j)) j = Json{};
        return j;
    }();
    return m;
}

int rank(Severity s) {
    return s == Severity::Error ? 2 : s == Severity::Warning ? 1 : 0;
}
int rank(const std::string& s) {
    return s == "error" ? 2 : s == "warning" ? 1 : 0;
}

RunPtr loadCase(const Json& c) {
    const fs::path p = kFixtures / c["path"].string / c["file"].string;
    LoadBatch b = loadPaths({p.string()});
    if (b.runs.size() != 1) return nullptr;
    return b.runs.front();
}

// "At the right place": the finding's step range overlaps the expected one, widened by 10% of
// the run (the manifest's ranges come from the training script's own reading of its curves).
bool matches(const Finding& f, const Json& e, double runSpan) {
    bool kindOk = toString(f.kind) == e["kind"].string;
    for (const Json& alt : e["alt_kinds"].array) kindOk = kindOk || toString(f.kind) == alt.string;
    if (!kindOk || rank(f.severity) < rank(e["min_severity"].string)) return false;
    const double tol = 0.1 * runSpan;
    const double lo = e["begin_step"].number - tol;
    const double hi = e["end_step"].number + tol;
    return static_cast<double>(f.endStep) >= lo && static_cast<double>(f.beginStep) <= hi;
}

void checkCase(const Json& c, const RunDiagnosis& d) {
    const double span = c["facts"].has("last_step") ? c["facts"]["last_step"].number : 100.0;
    for (const Json& e : c["expect"].array) {
        const bool found = std::any_of(d.findings.begin(), d.findings.end(),
                                       [&](const Finding& f) { return matches(f, e, span); });
        if (e["required"].boolean) {
            EXPECT_TRUE(found) << "expected " << e["kind"].string << " in ["
                               << e["begin_step"].number << ", " << e["end_step"].number
                               << "] at least " << e["min_severity"].string << "\n"
                               << describe(d.findings);
        }
    }
    for (const Json& k : c["must_not_fire"].array) {
        for (const Finding& f : d.findings) {
            EXPECT_FALSE(toString(f.kind) == k.string && f.severity != Severity::Info)
                << "must not fire: " << k.string << "\n"
                << describe(d.findings);
        }
    }
    if (c["expect"].array.empty()) {
        EXPECT_FALSE(hasWarningOrError(d.findings)) << "healthy control\n" << describe(d.findings);
    }
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, PlantedFaultIsFoundAndNothingForbiddenFires) {
    const Json& m = manifest();
    ASSERT_FALSE(m["cases"].array.empty()) << "manifest.json missing or unreadable";
    const Json* c = nullptr;
    for (const Json& x : m["cases"].array) {
        if (x["name"].string == GetParam()) c = &x;
    }
    ASSERT_NE(c, nullptr) << GetParam() << " is not in manifest.json";
    const RunPtr run = loadCase(*c);
    ASSERT_NE(run, nullptr) << GetParam();
    SCOPED_TRACE(GetParam());
    checkCase(*c, diagnoseRun(*run));
}

// The case list is spelled out so that a case dropped from the manifest fails loudly.
INSTANTIATE_TEST_SUITE_P(
    Cases, Fixture,
    ::testing::Values("healthy_digits", "healthy_breast_cancer", "healthy_wine", "not_learning_lr0",
                      "not_learning_shuffled_labels", "overfitting_tiny_subset",
                      "severe_overfitting", "severe_overfitting_keras", "undertrained",
                      "undertrained_keras", "slow_start_tiny_init", "divergence_high_lr",
                      "divergence_nan", "gradient_ascent_flipped_sign", "no_shuffle_sorted",
                      "noisy_validation_20", "oscillation", "plateau", "lr_step_schedule",
                      "metric_loss_disagreement"),
    [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

TEST(FixtureManifest, EveryCaseIsCovered) {
    EXPECT_EQ(manifest()["cases"].array.size(), 20u);
}

TEST(FixtureGroups, HardToConvergeOnlyForTheReluLogitsSeeds) {
    const Json& m = manifest();
    ASSERT_FALSE(m["groups"].array.empty());
    for (const Json& g : m["groups"].array) {
        SCOPED_TRACE(g["name"].string);
        std::vector<RunPtr> runs;
        for (const Json& r : g["runs"].array) {
            const RunPtr run = loadCase(r);
            ASSERT_NE(run, nullptr) << r["path"].string;
            runs.push_back(run);
            checkCase(r, diagnoseRun(*run));
        }
        std::vector<const core::Run*> ptrs;
        for (const RunPtr& r : runs) ptrs.push_back(r.get());
        const auto found = diagnoseGroup(ptrs);
        // diagnoseRuns (what `diagnose --group` calls) gives the same findings in one pass.
        const GroupDiagnosis together = diagnoseRuns(ptrs);
        ASSERT_EQ(together.runs.size(), runs.size());
        EXPECT_EQ(describe(together.group), describe(found));
        for (std::size_t i = 0; i < runs.size(); ++i) {
            EXPECT_EQ(describe(together.runs[i].findings),
                      describe(diagnoseRun(*runs[i]).findings));
        }
        for (const Json& e : g["expect"].array) {
            EXPECT_EQ(findingsOfKind(found, e["kind"].string).size(), 1u) << describe(found);
        }
        if (g["expect"].array.empty()) {
            EXPECT_FALSE(hasWarningOrError(found)) << describe(found);
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
