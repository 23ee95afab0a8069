#pragma once
/// \file finding_kind.h
/// The doctor's vocabulary: every kind of finding, defined once. The id is the stable name in
/// the JSON output (DESIGN.md section 4) and must never change; the title is for people; the
/// colour is the band/badge colour every view uses; the default severity is what the detector
/// reports unless the evidence makes it milder or worse.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/severity.h"

namespace curvedoctor::core {

enum class FindingKind : std::uint8_t {
    NotLearning,
    Overfitting,
    SevereOverfitting,
    Undertrained,
    SlowStartPlateau,
    Divergence,
    GradientAscent,
    NanInf,
    NoShufflePeriodic,
    NoisyValidation,
    Oscillation,
    Plateau,
    LrDrop,
    MetricLossDisagreement,
    HardToConverge,  ///< across the runs of one configuration, not about one run.
};

struct FindingKindInfo {
    FindingKind kind;
    std::string_view id;     ///< stable JSON id, snake_case: "overfitting", "nan_inf", ...
    std::string_view title;  ///< short human name: "Overfitting", "NaN / Inf", ...
    std::uint32_t rgb;       ///< 0xRRGGBB, distinct per kind.
    Severity defaultSeverity;
};

/// Every kind, in enum order (`findingKinds()[i].kind == FindingKind(i)`).
[[nodiscard]] std::span<const FindingKindInfo> findingKinds();
/// The table row of `kind`.
[[nodiscard]] const FindingKindInfo& info(FindingKind kind);
/// The stable JSON id of `kind`.
[[nodiscard]] std::string_view toString(FindingKind kind);
/// The kind whose id is `id`; nullopt for an unknown id (e.g. from a newer version's JSON).
[[nodiscard]] std::optional<FindingKind> findingKindFromId(std::string_view id);

}  // namespace curvedoctor::core
