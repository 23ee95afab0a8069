#include "core/diagnosis.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/detectors/best_step.h"
#include "core/detectors/run_view.h"
#include "core/metric_role.h"
#include "core/parallel_for.h"

namespace curvedoctor::core {
namespace {

// (stronger, weaker): when both are about the same metric, the weaker one goes. Each pair says
// the weaker one is a consequence or a milder reading of the same curve.
constexpr std::array<std::pair<FindingKind, FindingKind>, 14> kSupersedes{{
    {FindingKind::SevereOverfitting, FindingKind::Overfitting},
    {FindingKind::GradientAscent, FindingKind::Divergence},
    {FindingKind::GradientAscent, FindingKind::NotLearning},
    {FindingKind::GradientAscent, FindingKind::Plateau},
    {FindingKind::GradientAscent, FindingKind::Undertrained},
    {FindingKind::GradientAscent, FindingKind::Oscillation},
    {FindingKind::NotLearning, FindingKind::Plateau},
    {FindingKind::NotLearning, FindingKind::SlowStartPlateau},
    {FindingKind::NotLearning, FindingKind::Oscillation},
    {FindingKind::NotLearning, FindingKind::Undertrained},
    {FindingKind::Divergence, FindingKind::Plateau},
    {FindingKind::Divergence, FindingKind::Undertrained},
    {FindingKind::Divergence, FindingKind::Oscillation},
    {FindingKind::Oscillation, FindingKind::Plateau},
}};

// A run that is broken outright (climbing from the start, diverging back to where it began,
// or producing NaN/Inf in a loss to the end) makes the readings of its later curves
// meaningless: its validation noise, plateaus and the like are symptoms, not findings.
bool breaksRun(const Run& run, const Finding& f) {
    if (f.severity != Severity::Error) return false;
    if (f.kind == FindingKind::GradientAscent || f.kind == FindingKind::Divergence) return true;
    return f.kind == FindingKind::NanInf && isLoss(run.info(f.metric).role);
}

constexpr std::array<FindingKind, 8> kSymptomsOfBrokenRun{
    FindingKind::NoisyValidation,  FindingKind::MetricLossDisagreement,
    FindingKind::Plateau,          FindingKind::Undertrained,
    FindingKind::Overfitting,      FindingKind::SevereOverfitting,
    FindingKind::SlowStartPlateau, FindingKind::NotLearning};

int rank(Severity s) {
    switch (s) {
        case Severity::Error:
            return 0;
        case Severity::Warning:
            return 1;
        case Severity::Info:
            return 2;
    }
    return 2;
}

}  // namespace

void consolidateFindings(std::vector<Finding>& findings, const Run& run) {
    std::vector<Finding> kept;
    for (const Finding& f : findings) {
        const bool superseded =
            std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
                if (g.metric != f.metric) return false;
                // Swings that ended before a blow-up began are their own episode, not its
                // symptom (waves 0.51 <-> 0.88 over epochs 0-35, then the blow-up from 37 into
                // NaN: oscillation_then_nan_diabetes_deit in tests/data/corpus2).
                if (g.kind == FindingKind::Divergence && f.kind == FindingKind::Oscillation &&
                    f.endStep < g.beginStep) {
                    return false;
                }
                return std::any_of(kSupersedes.begin(), kSupersedes.end(), [&](const auto& p) {
                    return p.first == g.kind && p.second == f.kind;
                });
            });
        // slow_start_plateau already explains a plateau that starts where the run starts.
        const bool explainedStart =
            f.kind == FindingKind::Plateau &&
            std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
                return g.kind == FindingKind::SlowStartPlateau && g.metric == f.metric &&
                       f.beginStep <= g.endStep;
            });
        // A run that learns nothing that generalises (not_learning, whichever loss shows it)
        // has no slow start: the flat start of its training loss before it memorises is part
        // of not learning (shuffled labels under a 1-D CNN: training flat at 2.31 for 6 of 20
        // epochs, then memorised to 1.76, while validation climbs 2.30 -> 2.64 and accuracy
        // stays at chance; not_learning_shuffled_cnn1d_hf in tests/data/corpus2).
        // Nor has it noisy validation (a zig-zag hides no trend where there is none to hide:
        // jumps of 0.007 on a validation loss that never leaves 2.30, shuffled labels under a
        // two-layer LSTM, not_learning_shuffled_lstm2_mlflow), nor a divergence that climbs
        // back short of where it started (a warning: that LSTM's batch loss wandering 2.31 ->
        // 2.24 -> 2.30 about its untrained level). A divergence past the start is an error.
        const bool notLearntSymptom =
            (f.kind == FindingKind::SlowStartPlateau || f.kind == FindingKind::NoisyValidation ||
             (f.kind == FindingKind::Divergence && f.severity != Severity::Error)) &&
            std::any_of(findings.begin(), findings.end(),
                        [](const Finding& g) { return g.kind == FindingKind::NotLearning; });
        // Overfitting read before a blow-up began is its own episode, not its symptom
        // (validation climbing 0.57 -> 0.78 while training halves, then a blow-up into Inf:
        // overfitting_then_blowup_fullbatch_diabetes_nesterov_deit in tests/data/corpus2).
        const bool overfitting =
            f.kind == FindingKind::Overfitting || f.kind == FindingKind::SevereOverfitting;
        const bool symptom =
            std::find(kSymptomsOfBrokenRun.begin(), kSymptomsOfBrokenRun.end(), f.kind) !=
                kSymptomsOfBrokenRun.end() &&
            std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
                return breaksRun(run, g) && !(overfitting && f.endStep < g.beginStep);
            });
        const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const Finding& g) {
            return g.kind == f.kind && g.metric == f.metric && g.beginStep == f.beginStep &&
                   g.endStep == f.endStep && g.message == f.message;
        });
        if (!superseded && !explainedStart && !notLearntSymptom && !symptom && !duplicate) {
            kept.push_back(f);
        }
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
        if (rank(a.severity) != rank(b.severity)) return rank(a.severity) < rank(b.severity);
        if (a.beginStep != b.beginStep) return a.beginStep < b.beginStep;
        // By id, not enum order: the JSON output's order predates the enum and must not move.
        return toString(a.kind) < toString(b.kind);
    });
    findings = std::move(kept);
}

namespace {

RunDiagnosis diagnoseView(const RunView& view, const DiagnosisConfig& config) {
    RunDiagnosis d;
    auto add = [&](std::vector<Finding> found) {
        for (Finding& f : found) d.findings.push_back(std::move(f));
    };
    add(detectNanInf(view, config.nanInf));
    add(detectNotLearning(view, config.notLearning));
    add(detectDivergence(view, config.divergence));
    add(detectOverfitting(view, config.overfitting));
    add(detectUndertrained(view, config.undertrained));
    add(detectSlowStartPlateau(view, config.slowStart));
    add(detectPlateau(view, config.plateau));
    add(detectOscillation(view, config.oscillation));
    add(detectNoShufflePeriodic(view, config.noShuffle));
    add(detectNoisyValidation(view, config.noisyValidation));
    add(detectLrDrop(view, config.lrDrop));
    add(detectMetricLossDisagreement(view, config.disagreement));
    static const Run kNoRun;  // a view put together by hand: roles from the metric names.
    consolidateFindings(d.findings, view.run != nullptr ? *view.run : kNoRun);
    d.best = findBestStep(view);
    return d;
}

std::vector<Finding> diagnoseViews(const std::vector<RunView>& views,
                                   const DiagnosisConfig& config) {
    std::vector<const RunView*> ptrs;
    ptrs.reserve(views.size());
    for (const RunView& v : views) ptrs.push_back(&v);
    std::vector<Finding> findings = detectHardToConverge(ptrs, config.hardToConverge);
    // Group findings name metrics of many runs and never break a run.
    consolidateFindings(findings, Run{});
    return findings;
}

}  // namespace

RunDiagnosis diagnoseRun(const Run& run, const DiagnosisConfig& config) {
    return diagnoseView(makeRunView(run), config);
}

std::vector<Finding> diagnoseGroup(const std::vector<const Run*>& runs,
                                   const DiagnosisConfig& config) {
    std::vector<RunView> views;
    views.reserve(runs.size());
    for (const Run* r : runs) {
        if (r != nullptr) views.push_back(makeRunView(*r));
    }
    return diagnoseViews(views, config);
}

GroupDiagnosis diagnoseRuns(const std::vector<const Run*>& runs, const DiagnosisConfig& config,
                            unsigned threads) {
    const std::size_t n = runs.size();
    GroupDiagnosis g;
    g.runs.resize(n);
    std::vector<RunView> views(n);
    parallelFor(n, threads, [&](std::size_t i) {
        if (runs[i] == nullptr) return;
        views[i] = makeRunView(*runs[i]);
        g.runs[i] = diagnoseView(views[i], config);
        // The group detectors read trends and names only; the points' column copies (16 MB
        // for a million-step run) go back for the next run instead of piling up.
        views[i].releasePoints();
    });
    std::vector<RunView> present;
    present.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (runs[i] != nullptr) present.push_back(std::move(views[i]));
    }
    g.group = diagnoseViews(present, config);
    return g;
}

bool tooEarlyToJudge(const Run& run, const Finding& f) {
    switch (f.kind) {
        case FindingKind::NotLearning:
        case FindingKind::Undertrained:
        case FindingKind::SlowStartPlateau:
        case FindingKind::Plateau:
            break;
        default:
            return false;
    }
    const Series* series = run.find(f.metric);
    return series != nullptr && series->size() < kMinPointsToJudgeACourse;
}

}  // namespace curvedoctor::core
