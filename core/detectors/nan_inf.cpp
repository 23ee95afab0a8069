#include "core/detectors/nan_inf.h"

#include <cmath>
#include <string>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

constexpr const char* kAdvice =
    "Find the first bad step: lower the learning rate, clip gradients (e.g. max norm 1.0), guard "
    "log/division against 0, and with fp16 use loss scaling or switch to bf16/fp32.";

std::string badWord(double v) {
    if (std::isnan(v)) return "NaN";
    return v > 0 ? "+Inf" : "-Inf";
}

bool isQuality(MetricRole role) {
    return role == MetricRole::TrainLoss || role == MetricRole::ValLoss ||
           role == MetricRole::TrainMetric || role == MetricRole::ValMetric;
}

struct NonFinite {
    std::size_t first = 0;
    std::size_t count = 0;
    bool toEnd = false;
};

std::optional<NonFinite> scan(const Curve& c) {
    if (c.finiteCount() == c.size()) return std::nullopt;
    NonFinite nf;
    const auto v = c.values();
    bool seen = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (std::isfinite(v[i])) continue;
        if (!seen) nf.first = i;
        seen = true;
        ++nf.count;
    }
    nf.toEnd = nf.count == v.size() - nf.first;
    return nf;
}

}  // namespace

std::vector<Finding> detectNanInf(const RunView& view, const NanInfConfig& config) {
    std::vector<Finding> out;
    if (view.run == nullptr) return out;
    struct Bad {
        std::string metric;
        std::int64_t firstStep;
    };
    std::vector<Bad> bad;
    std::vector<const Curve*> losses;
    for (const Curve& c : view.curves) {
        const std::string& name = c.metric();
        if (isLoss(c.info().role)) losses.push_back(&c);
        const auto nf = scan(c);
        if (!nf) continue;
        const auto steps = c.steps();
        const double firstBad = c.values()[nf->first];
        const std::int64_t begin = steps[nf->first];
        bad.push_back({name, begin});
        const bool quality = isQuality(c.info().role);
        // One value that recovers (Ultralytics' first validation often logs cls_loss = inf)
        // is worth knowing but not a warning; repeated ones in a loss are.
        Severity sev = Severity::Info;
        // A metric (not a loss) that is never finite is undefined rather than broken: COCO
        // writes NaN for the AP of a size class with no objects (detectron2_02 in
        // ../shared/realworld: bbox/APl NaN in every evaluation).
        const bool undefinedMetric =
            nf->first == 0 && nf->toEnd &&
            (c.info().role == MetricRole::ValMetric || c.info().role == MetricRole::TrainMetric);
        if (undefinedMetric) {
            sev = Severity::Info;
        } else if (nf->toEnd) {
            sev = quality ? Severity::Error : Severity::Warning;
        } else if (quality && nf->count > 1) {
            sev = Severity::Warning;
        }
        std::int64_t end = steps.back();
        if (!nf->toEnd) {
            for (std::size_t i = c.size(); i-- > nf->first;) {
                if (!std::isfinite(c.values()[i])) {
                    end = steps[i];
                    break;
                }
            }
        }
        Finding f = makeFinding(view, FindingKind::NanInf, sev, name, begin, end);
        f.message = name + " becomes " + badWord(firstBad) + " at " + describeStep(view, begin);
        if (undefinedMetric) {
            f.message = name + " is " + badWord(firstBad) + " at every one of its " +
                        std::to_string(c.size()) +
                        " logged values: the metric is undefined for this data (e.g. an AP "
                        "for a size class with no objects), not a training fault.";
        } else if (nf->toEnd) {
            f.message += " and stays non-finite to the end (" + std::to_string(nf->count) + " of " +
                         std::to_string(c.size()) + " logged values).";
        } else if (nf->count == 1) {
            f.message += ", once (1 of " + std::to_string(c.size()) +
                         " logged values), and recovers after it.";
        } else {
            f.message += "; " + std::to_string(nf->count) + " of " + std::to_string(c.size()) +
                         " logged values are non-finite, the last at " + describeStep(view, end) +
                         ", with finite values in between and after.";
        }
        f.advice = quality ? kAdvice
                           : "Occasional Inf/NaN gradient norms are normal with fp16 loss "
                             "scaling (the step is skipped); if they persist, treat it like a "
                             "NaN loss: lower the learning rate and clip gradients.";
        f.evidence["first_bad_step"] = static_cast<double>(begin);
        f.evidence["non_finite_count"] = static_cast<double>(nf->count);
        out.push_back(std::move(f));
    }

    // A loss stuck at exactly 0.0 while another metric is NaN over the same stretch: without a
    // non-finite metric there is no witness, and no pass over a million-step loss to make.
    if (bad.empty()) return out;
    for (const Curve* lossCurve : losses) {
        const Curve& loss = *lossCurve;
        const auto v = loss.values();
        const auto steps = loss.steps();
        std::size_t i = 0;
        while (i < v.size()) {
            if (v[i] != 0.0) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < v.size() && v[j] == 0.0) ++j;
            const std::size_t len = j - i;
            const std::int64_t from = steps[i];
            const std::int64_t to = steps[j - 1];
            const Bad* witness = nullptr;
            for (const Bad& b : bad) {
                if (b.metric != loss.metric() && b.firstStep <= to) {
                    witness = &b;
                    break;
                }
            }
            if (len >= config.minZeroRun && witness != nullptr) {
                Finding f = makeFinding(view, FindingKind::NanInf, Severity::Error, loss.metric(),
                                        from, to);
                f.message = loss.metric() + " is exactly 0.0 at " + std::to_string(len) +
                            " logged points from " + describeStep(view, from) + " to " +
                            describeStep(view, to) + " while " + witness->metric +
                            " is non-finite from " + describeStep(view, witness->firstStep) +
                            ": the loss is not really zero, the NaN is being masked.";
                f.advice = std::string(kAdvice) +
                           " A loss of exactly 0.0 next to a NaN gradient norm means the "
                           "updates are being skipped or zeroed: training has stopped.";
                f.evidence["zero_points"] = static_cast<double>(len);
                out.push_back(std::move(f));
                break;
            }
            i = j;
        }
    }
    return out;
}

}  // namespace curvedoctor::core
