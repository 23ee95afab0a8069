#include "core/finding_kind.h"

#include <array>

namespace curvedoctor::core {
namespace {

// Colours: ColorBrewer diverging-scheme shades (the ones the viewer has always used): strong
// red-purple for the kinds that break a run, greys and blues for the mild ones.
constexpr std::array<FindingKindInfo, 15> kKinds{{
    {FindingKind::NotLearning, "not_learning", "Not learning", 0x762A83, Severity::Error},
    {FindingKind::Overfitting, "overfitting", "Overfitting", 0xF1A340, Severity::Warning},
    {FindingKind::SevereOverfitting, "severe_overfitting", "Severe overfitting", 0xC51B7D,
     Severity::Error},
    {FindingKind::Undertrained, "undertrained", "Undertrained", 0x5AAE61, Severity::Warning},
    {FindingKind::SlowStartPlateau, "slow_start_plateau", "Slow start", 0x9970AB,
     Severity::Warning},
    {FindingKind::Divergence, "divergence", "Divergence", 0xD6604D, Severity::Warning},
    {FindingKind::GradientAscent, "gradient_ascent", "Gradient ascent", 0x8E0152, Severity::Error},
    {FindingKind::NanInf, "nan_inf", "NaN / Inf", 0xB2182B, Severity::Error},
    {FindingKind::NoShufflePeriodic, "no_shuffle_periodic", "Unshuffled data", 0x35978F,
     Severity::Warning},
    {FindingKind::NoisyValidation, "noisy_validation", "Noisy validation", 0x80CDC1,
     Severity::Warning},
    {FindingKind::Oscillation, "oscillation", "Oscillation", 0xFDB863, Severity::Warning},
    {FindingKind::Plateau, "plateau", "Plateau", 0x878787, Severity::Info},
    {FindingKind::LrDrop, "lr_drop", "Learning-rate drop", 0x4393C3, Severity::Info},
    {FindingKind::MetricLossDisagreement, "metric_loss_disagreement", "Metric and loss disagree",
     0xDE77AE, Severity::Warning},
    {FindingKind::HardToConverge, "hard_to_converge", "Hard to converge", 0x542788,
     Severity::Warning},
}};

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
    }
    return true;
}
static_assert(inEnumOrder(), "kKinds must list the kinds in enum order");
static_assert(kKinds.size() == static_cast<std::size_t>(FindingKind::HardToConverge) + 1,
              "every FindingKind needs a row");

}  // namespace

std::span<const FindingKindInfo> findingKinds() {
    return kKinds;
}

const FindingKindInfo& info(FindingKind kind) {
    return kKinds[static_cast<std::size_t>(kind)];
}

std::string_view toString(FindingKind kind) {
    return info(kind).id;
}

std::optional<FindingKind> findingKindFromId(std::string_view id) {
    for (const FindingKindInfo& k : kKinds) {
        if (k.id == id) return k.kind;
    }
    return std::nullopt;
}

}  // namespace curvedoctor::core
