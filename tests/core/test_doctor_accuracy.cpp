// The doctor's accuracy, scored (issue #15): recall of planted or labelled faults and the share
// of wrong warnings, per detector, on three independent sources of truth:
//  - tests/data/fixtures: tiny trainings with planted faults (make_fixtures.py), where the
//    detectors were tuned;
//  - tests/data/corpus2: a second corpus of tiny trainings (make_corpus2.py: other data sets,
//    models, optimisers and log formats), half "a" tuned on, halves "b" to "m" held back, each
//    until its misses were looked at (then tuned on: b to j by session 15, k by doctor15, l and m
//    in session 16 after their blind measures);
//  - tests/data/realworld_labels.json: the 68 real logs of ../shared/realworld, labelled by hand
//    from plots of their curves.
// A warning or error is wrong when its kind is neither expected nor allowed for that log.
// The table is printed on every run; the targets are asserted per source.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "core/diagnosis.h"
#include "core/loader_registry.h"
#include "formats_test_util.h"
#include "json_test_parser.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using test::JsonTestParser;
using test::JsonValue;

const fs::path kData = fs::path(CURVEDOCTOR_TEST_DATA_DIR);

JsonValue readJson(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return JsonTestParser::parse(ss.str());
}

bool has(const JsonValue& v, const std::string& k) {
    return v.type == JsonValue::Type::Object && v.object.count(k) > 0;
}

int rank(Severity s) {
    return s == Severity::Error ? 2 : s == Severity::Warning ? 1 : 0;
}
int rank(const std::string& s) {
    return s == "error" ? 2 : s == "warning" ? 1 : 0;
}

/// One log with its truth, whatever the source.
struct Labelled {
    std::string name;
    fs::path path;
    const JsonValue* entry = nullptr;  ///< expect, may_fire, must_not_fire, facts
};

struct KindScore {
    int expected = 0;
    int found = 0;
    int warnings = 0;  ///< warnings and errors raised
    int wrong = 0;     ///< of those, wrong
};

struct Score {
    std::map<std::string, KindScore> kinds;
    int runs = 0;
    int runsWithWrong = 0;
    int notLoaded = 0;               ///< labels of logs that no loader reads yet
    std::vector<std::string> notes;  ///< every miss and every wrong warning, for the log

    [[nodiscard]] int expected() const {
        int n = 0;
        for (const auto& [k, s] : kinds) n += s.expected;
        return n;
    }
    [[nodiscard]] int found() const {
        int n = 0;
        for (const auto& [k, s] : kinds) n += s.found;
        return n;
    }
    [[nodiscard]] int warnings() const {
        int n = 0;
        for (const auto& [k, s] : kinds) n += s.warnings;
        return n;
    }
    [[nodiscard]] int wrong() const {
        int n = 0;
        for (const auto& [k, s] : kinds) n += s.wrong;
        return n;
    }
};

// The finding is the expected one: its kind (or an accepted alternative), at least the expected
// severity, and, when the truth gives a step range, overlapping it (widened by 10% of the run).
bool matches(const Finding& f, const JsonValue& e, double runSpan) {
    bool kindOk = toString(f.kind) == e["kind"].string;
    if (has(e, "alt_kinds")) {
        for (const JsonValue& alt : e["alt_kinds"].array) {
            kindOk = kindOk || toString(f.kind) == alt.string;
        }
    }
    const std::string minSeverity = has(e, "min_severity") ? e["min_severity"].string : "warning";
    if (!kindOk || rank(f.severity) < rank(minSeverity)) return false;
    if (!has(e, "begin_step") || !has(e, "end_step")) return true;
    const double tol = 0.1 * runSpan;
    return static_cast<double>(f.endStep) >= e["begin_step"].number - tol &&
           static_cast<double>(f.beginStep) <= e["end_step"].number + tol;
}

bool wrongKind(const std::string& kind, const JsonValue& entry) {
    if (has(entry, "must_not_fire")) {
        const auto& forbidden = entry["must_not_fire"].array;
        return std::any_of(forbidden.begin(), forbidden.end(),
                           [&](const JsonValue& k) { return k.string == kind; });
    }
    std::set<std::string> allowed;
    for (const JsonValue& e : entry["expect"].array) {
        allowed.insert(e["kind"].string);
        if (has(e, "alt_kinds")) {
            for (const JsonValue& a : e["alt_kinds"].array) allowed.insert(a.string);
        }
    }
    if (has(entry, "may_fire")) {
        for (const JsonValue& k : entry["may_fire"].array) allowed.insert(k.string);
    }
    return allowed.count(kind) == 0;
}

double spanOf(const std::vector<RunPtr>& runs) {
    std::int64_t lo = 0;
    std::int64_t hi = 1;
    for (const RunPtr& r : runs) {
        for (const auto& [name, s] : r->metrics) {
            if (s.empty()) continue;
            lo = std::min(lo, *std::min_element(s.steps.begin(), s.steps.end()));
            hi = std::max(hi, *std::max_element(s.steps.begin(), s.steps.end()));
        }
    }
    return static_cast<double>(hi - lo);
}

void scoreOne(const Labelled& l, Score& score) {
    const LoadBatch batch = loadPaths({l.path.string()});
    std::vector<Finding> all;
    for (const RunPtr& run : batch.runs) {
        for (Finding& f : diagnoseRun(*run).findings) all.push_back(std::move(f));
    }
    const double span = spanOf(batch.runs);
    const JsonValue& entry = *l.entry;
    if (batch.runs.empty()) {
        // A log no loader reads yet (a loader gap, not the doctor's): its labels are kept
        // and counted apart, so they start to count once it loads.
        score.notLoaded += static_cast<int>(entry["expect"].array.size());
        score.notes.push_back(l.name + ": not loaded, " +
                              std::to_string(entry["expect"].array.size()) + " label(s) set aside");
        return;
    }
    for (const JsonValue& e : entry["expect"].array) {
        if (has(e, "required") && !e["required"].boolean) continue;
        KindScore& k = score.kinds[e["kind"].string];
        ++k.expected;
        const bool found = std::any_of(all.begin(), all.end(),
                                       [&](const Finding& f) { return matches(f, e, span); });
        if (found) {
            ++k.found;
        } else {
            score.notes.push_back(l.name + ": missed " + e["kind"].string);
        }
    }
    bool anyWrong = false;
    std::set<std::string> counted;  // one vote per kind and log (a folder may hold several runs)
    for (const Finding& f : all) {
        if (f.severity == Severity::Info) continue;
        const std::string kind(toString(f.kind));
        if (!counted.insert(kind).second) continue;
        KindScore& k = score.kinds[kind];
        ++k.warnings;
        if (wrongKind(kind, entry)) {
            ++k.wrong;
            anyWrong = true;
            score.notes.push_back(l.name + ": wrong " + kind + " on " + f.metric + " (" +
                                  f.message + ")");
        }
    }
    ++score.runs;
    score.runsWithWrong += anyWrong ? 1 : 0;
}

Score scoreAll(const std::vector<Labelled>& logs) {
    Score s;
    for (const Labelled& l : logs) scoreOne(l, s);
    return s;
}

std::string percent(int a, int b) {
    if (b == 0) return "-";
    std::ostringstream os;
    os << std::fixed << std::setprecision(0) << 100.0 * a / b << "%";
    return os.str();
}

void print(const std::string& title, const Score& s) {
    std::ostringstream os;
    os << "\n== " << title << ": found " << s.found() << "/" << s.expected() << " ("
       << percent(s.found(), s.expected()) << "), wrong warnings " << s.wrong() << "/"
       << s.warnings() << " (" << percent(s.wrong(), s.warnings()) << "), runs with a wrong "
       << "warning " << s.runsWithWrong << "/" << s.runs;
    if (s.notLoaded > 0) os << "; " << s.notLoaded << " labels on logs not loaded yet";
    os << "\n";
    os << std::left << std::setw(26) << "kind" << std::setw(10) << "found"
       << "wrong/warnings\n";
    for (const auto& [kind, k] : s.kinds) {
        os << std::setw(26) << kind << std::setw(10)
           << (std::to_string(k.found) + "/" + std::to_string(k.expected))
           << std::to_string(k.wrong) + "/" + std::to_string(k.warnings) << "\n";
    }
    for (const std::string& n : s.notes) os << "  " << n.substr(0, 220) << "\n";
    std::cout << os.str();
}

// The targets of issue #15: at least 90% found; at most 1 warning in 10 wrong, and at most 1
// run in 10 with a wrong warning.
void expectTargets(const std::string& title, const Score& s) {
    print(title, s);
    ASSERT_GT(s.runs, 0) << title;
    EXPECT_GE(s.found() * 10, s.expected() * 9) << title << ": recall below 90%";
    EXPECT_LE(s.wrong() * 10, s.warnings()) << title << ": more than 1 warning in 10 wrong";
    EXPECT_LE(s.runsWithWrong * 10, s.runs) << title << ": more than 1 run in 10 cries wolf";
}

std::vector<Labelled> manifestLogs(const fs::path& dir, const JsonValue& m,
                                   const std::string& half) {
    std::vector<Labelled> out;
    for (const JsonValue& c : m["cases"].array) {
        if (!half.empty() && c["half"].string != half) continue;
        out.push_back({c["name"].string, dir / c["path"].string / c["file"].string, &c});
    }
    return out;
}

// The cases of one half of the second corpus (its manifest read once for all halves).
std::vector<Labelled> corpus2Half(const std::string& half) {
    static const JsonValue m = readJson(kData / "corpus2" / "manifest.json");
    return manifestLogs(kData / "corpus2", m, half);
}

TEST(DoctorAccuracy, FirstFixtureCorpus) {
    static const JsonValue m = readJson(kData / "fixtures" / "manifest.json");
    const auto logs = manifestLogs(kData / "fixtures", m, "");
    ASSERT_EQ(logs.size(), 20u);
    expectTargets("fixtures (tuned on)", scoreAll(logs));
}

TEST(DoctorAccuracy, SecondCorpusTunedHalf) {
    const auto logs = corpus2Half("a");
    ASSERT_GE(logs.size(), 10u);
    expectTargets("corpus2 half a (tuned on)", scoreAll(logs));
}

// The held-back half is measured, not tuned on, and does not reach the targets (see the
// printed misses). First measured blind: 7 of 12 found, no wrong warning. One fix was made
// after looking at its misses (HF Trainer's epochs count steps done, so no_shuffle_periodic
// cut its epochs one step late): 8 of 12. A second (issue #15, doctor4): noisy_validation
// compared a per-step training loss with a per-epoch validation loss only when both had the
// same granularity, so a SummaryWriter log never qualified; the training loss is now averaged
// per evaluation interval (justified by granularity, no threshold moved): 9 of 12. A third:
// not_learning now also reads memorisation whose validation loss climbs from its first value
// (it only read a flat one); its first version, with the untrained level within 2%, missed
// not_learning_shuffled_wine by 0.3%, and the band became the detector's existing 15%
// (maxShortDip), guarded by the validation metric (jsontxt_01): 10 of 12. doctor5 looked at
// the two misses (undertrained_iris_adagrad, slow_start_tiny_init_wine) to learn their classes
// and fixed them on half a (new and relabelled cases) and the fixtures: a short flat start
// ending in a cliff is now found (slow_start_plateau); undertrained on a noisy batch loss was
// found by a first version that warned on the healthy_wine fixture, and its guard (the train
// loss still falling at >= 25% of its average rate) misses it again: 11 of 12, the floor here.
// doctor14: 12 of 12, undertrained_iris_adagrad found by a new undertrained rule: a validation
// loss at its best at the last evaluation, lower at almost every evaluation over the second
// half, whose last 20% still falls at >= 20% of its average rate (1.10 -> 0.52, tail at 33%;
// a converged curve ends at a few percent: <= 9% on the steadily falling healthy runs of every
// set, 17% on one whose label allows undertrained), is
// undertrained however much it has slowed. No wrong warning.
TEST(DoctorAccuracy, SecondCorpusHeldBackHalf) {
    const auto logs = corpus2Half("b");
    ASSERT_GE(logs.size(), 10u);
    const Score s = scoreAll(logs);
    print("corpus2 half b (held back)", s);
    EXPECT_GE(s.found(), 12) << "half b recall below its last measure";
    EXPECT_EQ(s.wrong(), 0) << "a wrong warning on the held-back half";
}

// Half c (doctor5): made after half b's misses had been looked at, labelled from its plots
// before the doctor first read it, never tuned on. First measured blind: 11 of 15 found, a
// wrong warning on 1 run of 17; unchanged after the doctor5 fixes made on half a. doctor6
// looked at its misses on their plots (so half c is now tuned on) and fixed three classes:
// a zero learning rate under a noisy batch loss (190 points, +-5%) moved the smoothed curve by
// its noise, so it was a warning, not the error of a flat loss (not_learning_lr0_circles); an
// MLflow log has no epoch column, and its evenly spaced evaluations now mark the epochs of
// the saw-tooth (no_shuffle_sorted_cls); the running median started a fast-falling curve at
// its second value, hiding the untrained level and the first validation improvement, which
// called overfitting memorisation (the wrong not_learning on overfitting_cls_subset): 13 of
// 15, no wrong warning. Left missed: overfitting_cnn_subset (a rule "accuracy level while the
// loss keeps rising" also called ultralytics_07 overfitting, which its label forbids) and
// noisy_val_tiny_circles (an accuracy on 12 samples at 100% most evaluations: its median is
// 1, its robust noise 0; the fallback to mean and deviation also flagged healthy_iris_sgd).
// doctor8 fixed both classes: "the metric keeps improving" (which turns a rising val loss into
// metric_loss_disagreement) must also hold from where the loss has made half its rise, so an
// accuracy that levels while the loss climbs on is overfitting; an accuracy whose values all
// sit on a grid of 1/n, n < 25 (one sample moves it by more than the 4-point standard error
// the binomial rule tolerates), and that moves at a third of its evaluations is noisy: 15 of 15.
TEST(DoctorAccuracy, SecondCorpusHalfC) {
    const auto logs = corpus2Half("c");
    ASSERT_GE(logs.size(), 15u);
    const Score s = scoreAll(logs);
    print("corpus2 half c (held back, new)", s);
    EXPECT_GE(s.found(), 15) << "half c recall below its last measure";
    EXPECT_LE(s.runsWithWrong * 10, s.runs) << "more than 1 run in 10 cries wolf on half c";
}

// Half d (doctor6): 18 cases made after half c's misses had been looked at and fixed, their
// labels committed (6fdc998) before the doctor first read them. First measured blind, with the
// half c fixes (dd6ac6b): 14 of 17 found (82%), a wrong warning on 2 runs of 18:
//   kind                      found  wrong/warnings
//   divergence                1/1    0/1   (divergence then NaN: both reported)
//   metric_loss_disagreement  1/1    0/1
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       1/2    0/1   missed: 4 logged steps per epoch (HF Trainer)
//   noisy_validation          2/2    1/4   wrong on undertrained_gru_sgd (accuracy still
//                                          climbing fast over 10 evaluations read as noise)
//   not_learning              1/1    0/1
//   oscillation               1/2    0/1   missed: momentum 0.99 ringing that decays
//   overfitting               2/2    0/2
//   severe_overfitting        0/0    1/2   on oscillation_momentum_wine
//   slow_start_plateau        3/3    0/4
//   undertrained              1/2    0/1   missed on no_shuffle_few_steps_digits
// doctor7 looked at them on their plots (so half d is now tuned on) and fixed two classes:
// an unshuffled loader's pattern drifts as the classes are learnt in turn, so with 4 points
// per epoch one pattern shared by all epochs averages away while each epoch still repeats the
// one before (no_shuffle_periodic reads neighbouring epochs too); momentum ringing whose
// period is close to the trend's window is flattened by it (oscillation also reads the bins
// under a median of 3, where swings must be smooth). oscillation_momentum_wine was relabelled
// from its logged values (its val loss rises 0.16 -> 1.8 while the train loss averages 0.00-
// 0.03 per epoch and never returns below 4.1: overfitting may fire); that relabel, not the
// code, removed its wrong warning. Now 16 of 17 found, a wrong warning on 1 run of 18 (the
// floor asserted; the doctor before the fixes, 0b82772: 14 of 17, 1 of 18 on these labels). Left:
// noisy_validation on undertrained_gru_sgd (its accuracy jumps 0.46 -> 0.31 -> 0.62 on 450 samples:
// the model's own flicker, 7 samples by the binomial estimate, as keras_03's real jumps on 258
// samples that its label calls noisy), undertrained on no_shuffle_few_steps_digits (its saw-tooth
// inflates the step loss's noise; its val tail falls at 33% of its average rate).
// doctor14 (the slowing-descent rule of half j, see half b): 17 of 17, no_shuffle_few_steps_
// digits's undertrained found (val at its best at the last of 40 evaluations, tail at 33% of
// its average rate); the same wrong noisy_validation on undertrained_gru_sgd.
TEST(DoctorAccuracy, SecondCorpusHalfD) {
    const auto logs = corpus2Half("d");
    ASSERT_GE(logs.size(), 18u);
    const Score s = scoreAll(logs);
    print("corpus2 half d (held back, then looked at)", s);
    EXPECT_GE(s.found(), 17) << "half d recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half d: more runs with a wrong warning than measured";
}

// Half e (doctor7): 24 cases made after half d's misses had been looked at and fixed, their
// labels committed (2887d32) before the doctor first read them, never tuned on. Measured blind
// once, with the half d fixes: 17 of 21 found (81%), a wrong warning on 2 runs of 24 (8%):
//   kind                      found  wrong/warnings
//   divergence                2/2    0/2   (both divergences into NaN: both reported)
//   metric_loss_disagreement  0/1    0/0   missed: F1 of an 8% class 0, then 0.10
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2   (incl. 4 logged steps per epoch, MLflow)
//   noisy_validation          1/2    1/3   missed on 10 samples (accuracy 0.8/0.9/1.0);
//                                          wrong on short_cnn_adagrad (8 evaluations)
//   not_learning              2/2    0/2
//   oscillation               0/1    0/0   missed: momentum 0.99 swings fading in 30 epochs
//   overfitting               4/4    1/2   wrong on oscillation_momentum_moons
//   severe_overfitting        0/0    0/3
//   slow_start_plateau        2/2    1/4   wrong on oscillation_momentum_moons
//   undertrained              2/3    0/2   missed on no_shuffle_few_steps_iris
// The doctor before the half d fixes (0b82772) scores half e the same (17 of 21, 2 runs of
// 24): the two classes fixed there did not decide any case here (the 4-step unshuffled iris
// repeats one pattern, found either way). doctor8 looked at the misses on their plots (so
// half e is now tuned on) and fixed four classes: a rare class's F1 at zero for >= 5
// evaluations in a row while the loss falls, and below a fifth of its scale at best; an
// accuracy on a grid of 1/10 (see half c); the binomial noise estimate needs >= 4 second
// differences (8 evaluations still climbing: short_cnn_adagrad); a short flat start must not
// swing up either (oscillation_momentum_moons); the training loss per epoch may stand for a
// step loss whose noise is a saw-tooth (no_shuffle_few_steps_iris). oscillation_momentum_moons
// was relabelled (overfitting may fire: its val loss by 30-epoch blocks 0.151, 0.131, 0.143,
// 0.151 while train falls 0.182 -> 0.116). Now 20 of 21, no wrong warning; left: the
// oscillation fading within 30 of 150 epochs (a median of 3 clips its one-point peaks).
// doctor10: 21 of 21, that ringing found by the local-level rule (swings by >= 25% of the
// lower end, 6 in a row, read raw; see half g).
TEST(DoctorAccuracy, SecondCorpusHalfE) {
    const auto logs = corpus2Half("e");
    ASSERT_GE(logs.size(), 24u);
    const Score s = scoreAll(logs);
    print("corpus2 half e (held back, then looked at)", s);
    EXPECT_GE(s.found(), 21) << "half e recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half e: a run with a wrong warning";
}

// Half f (doctor8): 24 cases made after half c's and half e's misses had been looked at and
// fixed (9431d0e), their labels committed (0b1b0fd) before the doctor first read them, never
// tuned on. Measured blind once: 14 of 18 found (78%), a wrong warning on 3 runs of 24 (12%):
//   kind                      found  wrong/warnings
//   metric_loss_disagreement  3/3    0/5   (F1 of a rare class at zero, twice all run)
//   no_shuffle_periodic       1/1    0/1
//   noisy_validation          2/2    0/3
//   not_learning              1/2    0/2   missed: shuffled labels on breast_cancer (train
//                                          0.7 -> 0.33, val 0.72 -> 1.0, accuracy at chance)
//   oscillation               1/2    1/1   missed: ringing fading by epoch 40 of 100 (the
//                                          class left open on half e); wrong on the healthy
//                                          Adamax run (batch-loss spikes of a 1080-step log)
//   overfitting               5/5    0/5
//   severe_overfitting        0/0    2/6   on metric_flat_f1_rare_sgd and oscillation_momentum_
//                                          diabetes_tf, whose labels allow overfitting but not
//                                          its severe form (val ends above its first value);
//                                          the labels are left as committed
//   slow_start_plateau        0/1    0/0   missed: ~3 of 40 epochs flat (a short start, HF)
//   undertrained              1/2    0/1   missed: an LSTM whose loss falls 1% on a line
//   divergence                0/0    0/1
// The doctor before the doctor8 fixes (b0d821b) scores half f 13 of 18, a wrong warning on 4
// runs of 24: two of the fixed classes recur here (the F1 at zero for 20 evaluations then
// 0.105, found by the zero-stretch rule; the swinging start of oscillation_sgd_moons_hf, no
// longer a slow start); the warm-up guard decided no case (neither warm-up run was called a
// slow start before it). doctor9 looked at the misses on their plots (so half f is now tuned
// on) and fixed five classes, each checked on the fixtures, halves a-e and the real logs:
// ending above the first value is severe only after a real improvement (>= minRise; the
// rare-class F1 run's val loss 0.282 -> 0.277 -> 0.307 is mild); a validation rise that
// follows a training blow-up (the 14x momentum spike of oscillation_momentum_diabetes_tf,
// beyond the train trend's noise) is no overfitting; a training loss logged once per
// evaluation is also read raw for swings (ringing of one or two points per swing, fading by
// epoch 20 of 100, clipped by any median); swings under the wide median must lie >= 2
// points apart (healthy_cancer_adamax: a burst of batch spikes, 4 "swings" in 6 of 180
// points); a validation loss that ends clearly worse may first dip by its own noise and
// still be memorisation (shuffled labels on breast_cancer; 5 zig-zagging evaluations, as
// hf_trainer_06, are not), and a flat loss with validation falling by thirds and the metric
// improving is learning slowly (undertrained_lstm_sgd: no longer not_learning, but
// undertrained does not fire either). Now 16 of 18, no wrong warning. Left: that
// undertrained, and slow_start_tiny_init_cancer_hf (~3 of 40 epochs flat, a start too short
// for the slow-start rule). doctor11: 17 of 18, undertrained_lstm_sgd found by the steady
// descent rule (validation lower at every evaluation, no slower than in the first half).
// doctor13: 18 of 18, slow_start_tiny_init_cancer_hf found: a short flat start whose loss
// wanders by more than 1% of the improvement counts when it sits at the first logged value,
// moves by at most a third of its cliff, and the validation loss (3+ evaluations over it)
// falls 3 times faster right after it (see half h).
TEST(DoctorAccuracy, SecondCorpusHalfF) {
    const auto logs = corpus2Half("f");
    ASSERT_GE(logs.size(), 24u);
    const Score s = scoreAll(logs);
    print("corpus2 half f (held back, then looked at)", s);
    EXPECT_GE(s.found(), 18) << "half f recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half f: a run with a wrong warning";
}

// Half g (doctor9): 29 cases made after half f's misses had been looked at and fixed
// (0b505ce), their labels committed (76eafb3) before the doctor first read them, never tuned
// on. Measured blind once: 17 of 24 found (71%), a wrong warning on 3 runs of 29 (10%):
//   kind                      found  wrong/warnings
//   divergence                1/2    0/1   missed: raw diabetes targets under a growing lr
//                                          (smoothed val 2.9e3 -> 2.4e4 at the end)
//   metric_loss_disagreement  0/0    1/3   wrong on oscillation_fading_iris_hf (val loss
//                                          0.15 -> 0.68 while accuracy gains one sample)
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       1/1    0/1
//   noisy_validation          1/2    0/3   missed on 10 diabetes samples (regression)
//   not_learning              4/5    0/4   missed: shuffled labels under a GRU (train 2.31 ->
//                                          2.23, val 2.30 -> 2.37, accuracy at chance)
//   oscillation               0/2    0/0   missed both fading full-batch ringings
//   overfitting               5/5    0/1
//   severe_overfitting        0/0    2/5   on oscillation_fading_circles_tf (val 0.145 ->
//                                          0.29), whose label allows overfitting but not its
//                                          severe form, and on divergence_grow_raw_diabetes
//                                          (the divergence read as overfitting)
//   slow_start_plateau        3/4    0/3   missed: the flat start of divergence_grow_raw_
//                                          diabetes
//   undertrained              1/2    0/1   missed: GRU under Adagrad, losses on lines
// doctor10 looked at the fading-oscillation misses on their plots (half g is now tuned on):
// a practitioner reads large alternating swings about the local level in a stretch of the
// run, whether or not they last; the whole range, set by the first drop, hid them. A loss read
// raw (one value per evaluation) now rings when 6 reversals in a row, each within 4 points of
// the last, move by >= 25% of their lower end and >= 5% of the range, and the log of the loss
// travels there >= 1/0.35 times its net change. Both fading ringings found (and half e's):
// 19 of 24, the same 3 runs wrong. Left: the other misses above and the wrong warnings
// (severe on circles_tf, whose best val point is a dip within the ringing).
// doctor11 (the half h rules above): 20 of 24, the shuffled labels under a GRU now found; the
// same 3 runs wrong. The floor asserted is the latest measure. The labels are left as
// committed.
// doctor12: severity counts from the best level the raw validation loss holds for 3
// evaluations in a row, not from a dip of the ringing (circles_tf: mild overfitting, allowed):
// 20 of 24, a wrong warning on 2 runs of 29. Then an accuracy gain of one step of the
// metric's grid (one sample: iris_hf 0.947 -> 0.974 on 38) is no metric_loss_disagreement:
// a wrong warning on 1 run of 29 (left: severe overfitting on divergence_grow_raw_diabetes).
// doctor13: 22 of 24 (92%), a wrong warning on 1 run of 29. divergence_grow_raw_diabetes's
// training loss (2.6e4 -> 2.1e3 -> 1.0e4, 34% of its fall given back) is read on a log scale,
// as its plot is, when it fell 10-100 times (63%: divergence); its learning rate, growing to
// the last step, is no warm-up, so its flat start is a slow start. Its severe overfitting
// stays (validation 2.9e3 -> 2.4e4 while training triples: overfitting_momentum_circles of
// half f, training 0.086 -> 0.23, validation 0.08 -> 0.69, is labelled overfitting, so no
// rule on the ratio separates them). Left: undertrained_gru_adagrad, the noisy validation on
// 10 diabetes samples.
// doctor14 (the slowing-descent rule of half j, see half b): 23 of 24 (96%), a wrong warning
// on 1 run of 29; undertrained_gru_adagrad found (val 12 evaluations, at its best at the last,
// tail at 46% of its average rate, Kendall's tau -0.87 over the second half). Left: the noisy
// validation on 10 diabetes samples, severe overfitting on divergence_grow_raw_diabetes.
TEST(DoctorAccuracy, SecondCorpusHalfG) {
    const auto logs = corpus2Half("g");
    ASSERT_GE(logs.size(), 29u);
    const Score s = scoreAll(logs);
    print("corpus2 half g (held back, then looked at)", s);
    EXPECT_GE(s.found(), 23) << "half g recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half g: more runs with a wrong warning than measured";
}

// Half h (doctor10): 26 cases made after half g's fading-oscillation misses had been looked
// at and fixed (f9265c9), their labels committed (58ec4c9) before the doctor first read them,
// never tuned on. Measured blind once: 12 of 21 found (57%), a wrong warning on 4 runs of 26
// (15%):
//   kind                      found  wrong/warnings
//   divergence                2/3    1/3   missed: the momentum blow-up of wine to 1e7 (hf,
//                                          one step logged per step; read as severe
//                                          overfitting instead: wrong)
//   nan_inf                   1/1    0/1
//   noisy_validation          2/2    0/4
//   not_learning              1/3    1/2   missed: shuffled labels under an LSTM (read as
//                                          divergence: wrong) and on wine
//   oscillation               0/3    0/0   missed all three fading ringings: the ringing
//                                          rule of f9265c9, fixed on halves e and g, did not
//                                          generalise
//   overfitting               3/3    1/6   wrong on slow_start_tiny_init_cancer_deit (val
//                                          0.0731 -> 0.0778)
//   severe_overfitting        0/0    1/3
//   slow_start_plateau        1/3    0/1   missed: ~3 of 40 epochs (cancer, DeiT) and the
//                                          flat start of raw diabetes under a growing lr
//   undertrained              2/3    0/3   missed: a CNN whose loss falls 2% on a line while
//                                          accuracy climbs 0.17 -> 0.51 (read as not learning:
//                                          wrong)
//   metric_loss_disagreement  0/0    0/1
// doctor11 looked at the misses on their plots (half h is now tuned on) and wrote rules for
// the classes that recur, each checked on the fixtures, halves a-g and the real logs: a loss
// read raw rings when it goes above and below its own smooth trend (a trimmed mean of 5) by
// >= 12% of its level, 3 times in a row, by >= 4x its distance from the trend in the calmer
// half of the run (all three fading ringings found); a validation loss falling at almost
// every evaluation over the second half, significantly and without slowing, with the training
// loss and the metric improving, is undertrained however small the fall (the CNN); a short
// noisy loss is not "not learning" while validation shows slow learning; shuffled labels
// memorised slowly (training loss down beyond its noise, validation ending clearly worse) are
// not_learning (the LSTM), and a climb inside the raw loss's scatter is no divergence. Now 17
// of 21, a wrong warning on 2 runs of 26. Left: the momentum blow-up of wine (spikes to 1e7
// under a flat median; still read as severe overfitting), shuffled labels on wine (train 1.08
// -> 0.85, val 1.14 -> 1.2), the two short slow starts and the wrong overfitting on
// slow_start_tiny_init_cancer_deit.
// doctor12: a training loss that climbs back above its untrained level after the best has
// blown up, so no overfitting (the momentum blow-up of wine, train trend 0.19 at its start and
// up to 4.6e6): 17 of 21, a wrong warning on 1 run of 26. Divergence is still not reported there.
// doctor13: 19 of 21 (90%), a wrong warning on 1 run of 26. Both losses blowing up past 10
// times the untrained level (validation's last quarter at a median of 5.3e6, training spikes
// to 2e7 under a flat median) is divergence; slow_start_grow_raw_diabetes_nadam's noisy flat
// start (its trend wanders by 6% of the improvement against a cliff of 65%) counts because
// validation confirms it (5.3 times faster after) and the learning rate grows to the end
// (no warm-up). Then a flat start confirmed by validation needs as many points as validation
// gives it (3, not 5): slow_start_tiny_init_cancer_deit (train 0.680, 0.665, 0.659, then 0.602,
// 0.399; validation 19 times faster after): 20 of 21 (95%). Left: its wrong overfitting (test
// loss 0.0731 -> 0.0778), shuffled labels on wine.
// doctor15: 21 of 21, a wrong warning on 1 run of 26. Shuffled labels on wine found: a
// validation loss that never improves on its first value (1.147 -> 1.129 -> 1.198, ending
// clearly worse) with the accuracy at chance to the end (0.36 on three classes, within 1.25
// times 1/3) is not learning even when the batch loss is too noisy to show what it memorised
// (its trend 1.05 -> 0.92 under a scatter of +-0.09). Left: the overfitting on
// slow_start_tiny_init_cancer_deit.
TEST(DoctorAccuracy, SecondCorpusHalfH) {
    const auto logs = corpus2Half("h");
    ASSERT_GE(logs.size(), 26u);
    const Score s = scoreAll(logs);
    print("corpus2 half h (held back, then looked at)", s);
    EXPECT_GE(s.found(), 21) << "half h recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half h: more runs with a wrong warning than measured";
}

// Half i (doctor11): 25 cases made after half h's misses had been looked at and fixed
// (511975e, c5ee6eb), their labels committed (828e37d) before the doctor first read them,
// never tuned on. Measured blind once, with c5ee6eb: 17 of 20 found (85%), a wrong warning on
// 2 runs of 25 (8%):
//   kind                      found  wrong/warnings
//   divergence                0/1    0/0   missed: a growing lr on moons (loss near 0.2 for
//                                          ~22 of 40 epochs, then spikes climbing to 10)
//   noisy_validation          2/2    0/4   (both regressions on 10 samples)
//   not_learning              3/3    0/3   (shuffled labels under a GRU and a transformer)
//   oscillation               3/4    0/3   missed: ringing every epoch over epochs 6-22 at a
//                                          level of 0.05-0.14 (oscillation_ringing_circles_hf)
//   overfitting               4/4    0/3
//   severe_overfitting        0/0    1/4   on oscillation_ringing_circles_hf (its best val is
//                                          a dip within the ringing, 0.039 -> 0.11)
//   slow_start_plateau        1/1    1/2   wrong on overfitting_cnn_small_mlflow (the CNN's
//                                          loss 2.31 -> 2.17 over its first 3 of 60 epochs)
//   undertrained              4/5    0/4   missed: undertrained_gru_adamax_tf (planted
//                                          healthy, still falling at 7% per epoch at the end)
// The floor asserted is that measure. The labels are left as committed.
// doctor12 (the held-best severity of half g, not tuned here): 17 of 20, a wrong warning on 1
// run of 25 (the severe overfitting on oscillation_ringing_circles_hf is gone); the floor stays.
// doctor13 (the blow-up rule of half h): 18 of 20 (90%), a wrong warning on 1 run of 25;
// divergence_grow_moons_hf's validation ends at a median of 4.6 against a band of 3.7 (10 times
// its untrained 0.37), training spikes to 32. Left: undertrained_gru_adamax_tf, the ringing
// of oscillation_ringing_circles_hf, the slow start on overfitting_cnn_small_mlflow.
// doctor14 (the slowing-descent rule of half j, see half b): 19 of 20 (95%), a wrong warning
// on 1 run of 25; undertrained_gru_adamax_tf found (val at its best at the last of 15
// evaluations, lower at each of the last 14, tail at 21% of its average rate).
TEST(DoctorAccuracy, SecondCorpusHalfI) {
    const auto logs = corpus2Half("i");
    ASSERT_GE(logs.size(), 25u);
    const Score s = scoreAll(logs);
    print("corpus2 half i (held back, then looked at)", s);
    EXPECT_GE(s.found(), 19) << "half i recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half i: more runs with a wrong warning than measured";
}

TEST(DoctorAccuracy, LabelledRealLogs) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    static const JsonValue labels = readJson(kData / "realworld_labels.json");
    std::vector<Labelled> logs;
    for (const JsonValue& l : labels["logs"].array) {
        logs.push_back({l["folder"].string, fs::path(rw) / l["folder"].string, &l});
    }
    // Every folder of realworld/ is labelled.
    std::size_t folders = 0;
    for (const auto& d : fs::directory_iterator(rw)) folders += d.is_directory() ? 1 : 0;
    EXPECT_EQ(logs.size(), folders);
    expectTargets("real logs (labelled by hand)", scoreAll(logs));
}

// Half j (corpus13): 31 cases (seeds 220-250; a 1-D CNN, a two-layer GRU, Nesterov momentum, a
// linear decay, make_gaussian_quantiles and make_friedman1 as new pieces) made while doctor13
// tuned the detectors on halves a-i, their labels committed (52d5bb9) before the doctor first
// read them, never tuned on. Measured blind once, on main 55352ac's detectors: 28 of 33 found
// (85%), a wrong warning on 1 run of 31 (1 of 35 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (2 under a growing lr without NaN, 2 before NaN)
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          3/4    0/5   missed: noisy_val_few_evals_friedman_tf (20
//                                          evaluations on 10 samples zig-zag 0.064-0.47
//                                          around a smooth train loss 0.70 -> 0.099)
//   not_learning              1/2    0/1   missed: not_learning_shuffled_cnn1d_hf (shuffled
//                                          labels: train 2.31 flat for ~6 epochs, then
//                                          memorised to 1.86; val 2.30 -> 2.64 rising;
//                                          accuracy 0.09-0.12 at chance)
//   oscillation               4/4    0/5   (fading after early blow-ups, and sustained waves)
//   overfitting               4/4    0/5
//   severe_overfitting        0/0    0/1   (accepted for overfitting)
//   slow_start_plateau        3/4    1/4   missed: slow_start_tiny_init_friedman_tf (flat at
//                                          1.0 for 3 of 40 epochs, a cliff to 0.27 by epoch
//                                          5, under a noisy step loss); wrong on
//                                          not_learning_shuffled_cnn1d_hf (its train loss is
//                                          flat for its first 29% before memorising; the
//                                          label forbids it, as that run never learns)
//   undertrained              5/7    0/6   missed: undertrained_gru2_adagrad_tf (2.26 ->
//                                          0.84, still -5% per epoch at the end, accuracy
//                                          0.80 rising) and noisy_val_few_evals_quantiles_mlflow
//                                          (train 1.07 -> 0.745 on a straight line, 15 epochs)
// The floor asserted is that measure. The labels are left as committed.
// doctor13's rules: 29 of 33. doctor14 looked at the misses on their plots (half j is now tuned
// on): a validation loss at its best at the last evaluation, lower at almost every evaluation
// over the second half (Kendall's tau <= -0.8, 3 standard errors), whose last 20% still falls
// at >= 20% of its average rate, having fallen by >= 5% of its first value, with the training
// loss falling over the second half, is undertrained however much it has slowed (a converged
// curve ends at a few percent of its average rate; <= 9% on the steadily falling healthy runs
// of the fixtures and halves a-j, 17% on healthy_quantiles_big_adamw_tf, whose label allows
// undertrained): undertrained_gru2_adagrad_tf found (2.26 -> 0.84, tail at 40%), and the
// same class on halves b, d, g and i. 30 of 33 (91%), a wrong warning on 1 run of 31.
// Then shuffled labels memorised while a validation accuracy creeps by more than its noise
// but stays within 25% of chance (1/K, K read from an untrained loss at ln K): not_learning_
// shuffled_cnn1d_hf (accuracy 0.09 -> 0.115 on 10 classes, validation 2.30 -> 2.64) found;
// jsontxt_01 (test accuracy 8% -> 13%, 4.5 times chance) stays learning. Its slow start is
// gone: a run that learns nothing that generalises (not_learning on any loss) has no slow
// start. 31 of 33 (94%), no wrong warning. Left: the undertrained straight train line of
// noisy_val_few_evals_quantiles_mlflow (validation zig-zags, best not at the end), the noisy
// validation of noisy_val_few_evals_friedman_tf (a regression on 10 samples).
TEST(DoctorAccuracy, SecondCorpusHalfJ) {
    const auto logs = corpus2Half("j");
    ASSERT_GE(logs.size(), 31u);
    const Score s = scoreAll(logs);
    print("corpus2 half j (held back, then looked at)", s);
    EXPECT_GE(s.found(), 31) << "half j recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half j: a run with a wrong warning";
}

// Half k (corpus14): 27 cases (seeds 260-286; a two-layer LSTM, full-batch RMSprop, NAdam and
// RMSprop under a growing lr, a transformer under NAdam and Adagrad as new pieces) made while
// doctor14 tuned the detectors on halves a-j, their labels committed (403f95e) before the doctor
// first read them, never tuned on. Measured blind once, on main dfcec06's detectors: 22 of 26
// found (85%), a wrong warning on 2 runs of 27 (3 of 30 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    1/5   wrong on not_learning_shuffled_lstm2_mlflow (its
//                                          train loss 2.313 -> 2.236 -> 2.298 over the last
//                                          steps: memorising noise on a loss that never left
//                                          the untrained level)
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/2    1/4   wrong on not_learning_shuffled_lstm2_mlflow (val
//                                          2.30-2.33: jumps of 0.007 against an improvement
//                                          of almost nothing)
//   not_learning              2/2    1/4   wrong on overfitting_fullbatch_cancer_nesterov_tf
//                                          (val best at epoch 0, 0.32, then 3.95 at 2 and
//                                          0.87 -> 6.68 climbing, while accuracy is 0.92-0.97
//                                          against a majority of 0.63: it learnt)
//   oscillation               0/0    0/1
//   overfitting               3/5    0/2   missed: overfitting_fullbatch_cancer_nesterov_tf
//                                          (above) and overfitting_diabetes_deep_nadam_mlflow
//                                          (train 0.54 -> 0.01; val best at epoch 0, 0.49,
//                                          climbing to ~0.78 by epoch 40, then level)
//   severe_overfitting        0/0    0/2   (accepted for overfitting)
//   slow_start_plateau        5/5    0/5   (short ones: 2.5 of 20 epochs under a 1-D CNN,
//                                          3.5 of 10 under a two-layer LSTM)
//   undertrained              3/5    0/3   missed: undertrained_transformer_adagrad_deit
//                                          (1.94 -> 0.74 in 10 epochs, still -6% per epoch)
//                                          and undertrained_rmsprop_fullbatch_quantiles_mlflow
//                                          (0.279 -> 0.249 over the last 8 of 80 epochs, val
//                                          falling, accuracy 0.92 still rising)
// Both overfitting misses have their best validation at the first evaluation. The floor
// asserted was that measure. The labels are left as committed.
// doctor15 looked at the misses on their plots (half k is now tuned on) and fixed four
// classes, each checked on the fixtures, halves a-j and the real logs (none lost a find or
// gained a wrong warning): the "training loss back above its untrained level" guard of
// overfitting counts only a climb after training made half its fall (the Nesterov run's
// swing 0.70 -> 2.9 in its first epochs, before it learnt; the NAdam run's noisy batch loss
// 0.53 -> 0.55 before its fall): both overfitting runs found; a validation accuracy more than
// halfway from chance to perfect (its error under half of chance's, K from an untrained loss
// at ln K; 0.92 on two classes) is no memorisation (shuffled labels end at 0.25-1.2 times
// chance): the wrong not_learning gone; not_learning supersedes noisy_validation and a
// warning-level divergence (a climb short of the start) in its run: the shuffled LSTM's
// wrong warnings gone; a short run's training loss in a slowing descent (best at the last
// epoch, tail at 37% of its average rate, tau -1 over the second half), validation falling
// with it (tau -0.8, best in the tail, >= 25% of training's pace): the transformer's
// undertrained found. 25 of 26 (96%), no wrong warning. Then a validation loss whose steady
// fall covers only the last 20% (after 50 epochs of zig-zag, so its tau over the last 40% is
// not steady) still counts when it is at its best at the last evaluation, lower at almost
// every evaluation of that tail (tau <= -0.8) and the accuracy climbs there at almost every
// one (tau >= 0.8; 0.84 -> 0.91); a loss inching down under a levelled accuracy (the
// healthy_digits fixture) stays quiet, and relaxing both taus to 0.6 and 0.5 adds no wrong
// warning on any set: the full-batch RMSprop quantiles run found. 26 of 26, no wrong warning.
TEST(DoctorAccuracy, SecondCorpusHalfK) {
    const auto logs = corpus2Half("k");
    ASSERT_GE(logs.size(), 27u);
    const Score s = scoreAll(logs);
    print("corpus2 half k (held back, then looked at)", s);
    EXPECT_GE(s.found(), 26) << "half k recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half k: a run with a wrong warning";
}

// Half l (corpus15): 36 cases (seeds 290-325; make_blobs, make_hastie_10_2, a 2-class
// make_classification with 25% flipped labels, make_regression, a residual MLP, RAdam, Adadelta,
// exponential decay and warm restarts as new pieces) made while doctor15 tuned the detectors on
// halves a-k, their labels committed (9a382a5) before the doctor first read them, never tuned
// on. Measured blind once, on main e49584c's detectors: 33 of 36 found (92%), a wrong warning on
// 6 runs of 36 (7 of 48 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (2 under a growing lr without NaN, 2 before NaN)
//   metric_loss_disagreement  0/0    0/2
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/2    2/6   wrong on overfitting_momentum_noisycls_mlflow (val
//                                          improves only 0.669 -> 0.627 by epoch 4, then
//                                          climbs smoothly to 7.2: its jumps of 0.005 weighed
//                                          against that small improvement) and
//                                          not_learning_shuffled_cnn_wide_deit (val 2.304 ->
//                                          2.302, then rising to 2.39: jumps against an
//                                          improvement of almost nothing)
//   not_learning              1/2    1/2   missed: not_learning_shuffled_resmlp_blobs_tf
//                                          (accuracy 0.16-0.24 around the 0.20 of 5 classes,
//                                          val 1.64 -> 1.75 above ln 5; called overfitting,
//                                          which its label allows); wrong on
//                                          overfitting_early_best_noisycls_resmlp_tf (val
//                                          0.619 -> 0.563 at epoch 2, then climbing to 1.80;
//                                          accuracy 0.63-0.73 against a chance of 0.5: it
//                                          learnt, then overfit)
//   oscillation               3/3    3/7   wrong on the three noisycls runs trained with
//                                          batches of 4-8 on 25% flipped labels
//                                          (overfitting_early_best_noisycls_deep_deit,
//                                          _resmlp_tf, overfitting_first_eval_noisycls_hf):
//                                          the train loss falls with spikes (0.003 -> 0.14
//                                          at epoch 21 of the deep run) as it memorises the
//                                          flipped labels; the plots show no swing
//   overfitting               9/10   0/4   missed: overfitting_hastie_subset_mlflow (val
//                                          0.594 at epoch 7 -> 1.165 at 79 while train falls
//                                          to 0.0004; called metric_loss_disagreement, as the
//                                          accuracy rose 0.60 -> 0.72 and then held level)
//   severe_overfitting        0/0    1/8   (accepted for overfitting) wrong on
//                                          oscillation_sustained_linreg_deit (val best 0.326 at
//                                          31, its waves drifting up to 0.59: the label left
//                                          overfitting unsure but, as in earlier halves, not
//                                          severe_overfitting)
//   slow_start_plateau        4/4    0/4   (4 of 40, 5 of 40, 8 of 40 and 8 of 15 epochs)
//   undertrained              6/7    0/7   missed: noisy_val_few_evals_blobs_mlflow (train 1.45
//                                          -> 0.149 still -8% per epoch at the end of 15; the
//                                          val on 12 samples zig-zags, best at 13)
// Three of the 10 overfitting runs have their best validation at the first to third evaluation:
// all found. The floor asserted is that measure. The labels are left as committed.
// Measured blind a second time (session 16) after doctor15 had tuned on half k without reading
// half l: 33 of 36, a wrong warning on 5 runs of 36 (the noisy validation on
// not_learning_shuffled_cnn_wide_deit gone: not_learning supersedes it). doctor16 then tuned
// on it.
// tuned on by doctor16: swings under the trend's wide median must ride on no steady fall
// (Kendall's tau of the smoothed loss from the first swing > -0.5): the oscillation on
// overfitting_early_best_noisycls_resmlp_tf and overfitting_first_eval_noisycls_hf (tau -0.69,
// -0.75) is gone; the fixture's and every half's oscillation finds stay. 33 of 36, a wrong
// warning on 5 runs of 36 (5 of 46); the ringing rule's oscillation on the deep noisycls run
// is left (one value per epoch: isolated bumps on a fast fall).
TEST(DoctorAccuracy, SecondCorpusHalfL) {
    const auto logs = corpus2Half("l");
    ASSERT_GE(logs.size(), 36u);
    const Score s = scoreAll(logs);
    print("corpus2 half l (held back, then looked at)", s);
    EXPECT_GE(s.found(), 33) << "half l recall below its first measure";
    // doctor18: 4 -> 2 (not_learning on a run that learnt before its first log, noisy_validation
    // against a smooth rise far above a small improvement)
    EXPECT_LE(s.runsWithWrong, 2) << "half l: more runs with a wrong warning than measured";
}

// Half m (34 cases, seeds 330-363; 5 healthy controls, 3 runs with nothing expected): made by
// corpus16 while halves a-l were tuned on, its labels committed (eea404c) before the doctor
// first read it, never tuned on. Measured blind once, on main df3239d's detectors: 24 of 33
// found (73%), a wrong warning on 4 runs of 34 (5 of 39 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/5    1/6   missed: divergence_grow_cancer_adamax_mlflow (train
//                                          0.002 at epoch 27, then blow-ups under the growing
//                                          lr: epoch train 1.56 and 2.45 at 37-38, val 0.05 ->
//                                          2.16, accuracy held 0.92-0.98, train back to 0.22 at
//                                          the end); wrong on no_shuffle_sorted_circles_radam_
//                                          mlflow (the run ends on the high side of its one-epoch
//                                          saw-tooth, 0.46 -> 0.71 in its last 16 steps, while
//                                          the epoch loss falls all run)
//   nan_inf                   4/4    0/4
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          1/1    1/7   wrong on not_learning_shuffled_gru2_adamax_mlflow (val
//                                          2.302 -> 2.306: jumps of 1e-4 against an improvement
//                                          of almost nothing, as on half l)
//   not_learning              1/2    1/2   missed: not_learning_shuffled_quantiles_hf (val flat
//                                          1.097-1.104 at ln 3, accuracy 0.30-0.40 around 0.33,
//                                          train memorising 1.11 -> 1.07); wrong on
//                                          overfitting_noisycls_adamax_resmlp_hf (val zig-zags
//                                          0.51-0.63 for 10 epochs, then climbs to 1.45;
//                                          accuracy 0.75-0.81 against a chance of 0.5: it learnt,
//                                          then overfit)
//   oscillation               1/3    2/4   missed: oscillation_fading_friedman_tf (fading waves of
//                                          4-8 epochs over 100 full-batch steps) and
//                                          oscillation_then_nan_diabetes_deit (waves 0.51 <->
//                                          0.88 over epochs 0-33, before the blow-up into NaN);
//                                          wrong on the two noisycls runs trained with batches
//                                          of 4 on 25% flipped labels (overfitting_early_best_
//                                          noisycls_nadam_mlflow, overfitting_noisycls_adamax_
//                                          resmlp_hf): the step loss spikes as it memorises
//                                          the flipped labels; the plots show no swing
//   overfitting               4/5    0/3   missed: overfitting_noisycls_adamax_resmlp_hf (best
//                                          val 0.508 at epoch 7, 1.45 at 28; called not_learning)
//   severe_overfitting        0/0    0/2   (accepted for overfitting)
//   slow_start_plateau        3/3    0/5   (2 of 40, 8 of 20 and 20 of 40 epochs)
//   undertrained              4/8    0/4   missed: undertrained_transformer_radam_linear_hf (val
//                                          0.545 -> 0.422 over the last 6 of 15 epochs as the
//                                          linear decay ends, accuracy 0.88 rising),
//                                          undertrained_lstm2_short_tf (val -12% in the last of
//                                          6 epochs), undertrained_few_evals_quantiles_tf (train
//                                          -4% per epoch at the end of 15; val on 12 samples),
//                                          no_shuffle_sorted_circles_radam_mlflow (the epoch loss
//                                          0.668 -> 0.583 bending down, accuracy 0.55 -> 0.75)
// The five healthy controls (among them one-step lr spikes that recover and batches of 4 on
// iris) and the three runs with nothing expected drew no wrong warning. The floor asserted is
// that measure. The labels are left as committed.
// Measured blind a second time (session 16) after doctor15 and doctor16 had tuned on halves k
// and l and never read half m: after doctor15's rules 24 of 33, a wrong warning on 3 runs of
// 34 (not_learning supersedes the noisy validation of the shuffled GRU); with doctor16's too,
// 24 of 33 and 2 of 34 (the two noisycls oscillations gone). doctor17 and doctor19 then tuned on
// it.
TEST(DoctorAccuracy, SecondCorpusHalfM) {
    const auto logs = corpus2Half("m");
    ASSERT_GE(logs.size(), 34u);
    const Score s = scoreAll(logs);
    print("corpus2 half m (held back, then looked at)", s);
    // doctor17: 24 -> 25 (undertrained_lstm2_short_tf: six evaluations, steadiness read over
    // the last five), no set lost a find or gained a wrong warning.
    // doctor19: 25 -> 27, runs with a wrong warning 2 -> 1 of 34 (divergence: a climb within
    // one epoch read on the per-epoch level, so the saw-tooth's undertrained shows; a growing lr's
    // val loss past the untrained level with train spikes 10x it), every other set unchanged.
    // doctor18 (made beside doctor17 and doctor19, merged after them): overfitting on
    // overfitting_noisycls_adamax_resmlp_hf found (a classifier's untrained level at least ln 2)
    // and no not_learning there (it learnt before its first log, accuracy >= 0.725).
    EXPECT_GE(s.found(), 28) << "half m recall below its measure";
    EXPECT_LE(s.runsWithWrong, 0) << "half m: more runs with a wrong warning than measured";
}

}  // namespace
}  // namespace curvedoctor::core
