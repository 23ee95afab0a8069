#include "core/step_axis.h"

namespace curvedoctor::core {

std::optional<StepAxis> StepAxis::progressionOf(const StepColumn& steps) {
    const std::size_t n = steps.size();
    // Only a packed column can be one (pack() keeps any progression of 6 or more as one piece);
    // the check below reads every entry once.
    if (n < 2 || !steps.isPacked()) return std::nullopt;
    const StepProgression p{steps[0],
                            static_cast<std::int64_t>(static_cast<std::uint64_t>(steps[1]) -
                                                      static_cast<std::uint64_t>(steps[0])),
                            n};
    std::size_t i = 0;
    for (const std::int64_t step : steps)
        if (step != p[i++]) return std::nullopt;
    return StepAxis(p);
}

std::size_t StepAxis::lowerBound(double x) const {
    std::size_t lo = 0, hi = size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (static_cast<double>((*this)[mid]) < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::size_t StepAxis::upperBound(double x) const {
    std::size_t lo = 0, hi = size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (!(x < static_cast<double>((*this)[mid])))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

}  // namespace curvedoctor::core
