#include "core/series.h"

#include "core/finite.h"

#include <algorithm>
#include <cmath>

namespace curvedoctor::core {

std::size_t Series::nonFiniteCount() const {
    return values.size() - countFinite(values);
}

bool Series::stepsAreSorted() const {
    return std::is_sorted(steps.begin(), steps.end());
}

namespace {
// Spare capacity below 1/16 of the size is kept: dropping it means copying the whole column
// into a new block, which costs more time than the memory is worth (a loader that sized a
// column for huge pages leaves at most one huge page spare).
template <typename T>
void shrinkUnlessNearlyFull(std::vector<T>& v) {
    if (v.capacity() - v.size() > v.size() / 16) v.shrink_to_fit();
}
}  // namespace

void Series::shrinkToFit() {
    if (steps.capacity() - steps.size() > steps.size() / 16) steps.shrinkToFit();
    shrinkUnlessNearlyFull(values);
    shrinkUnlessNearlyFull(epochs);
    shrinkUnlessNearlyFull(wallTimes);
}

}  // namespace curvedoctor::core
