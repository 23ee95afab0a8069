#include "core/series.h"

#include "core/finite.h"

#include <algorithm>
#include <cmath>

namespace curvedoctor::core {

std::size_t Series::nonFiniteCount() const {
    return values.size() - values.span().visit([](auto v) {
        std::size_t n = 0;
        for (const auto x : v) n += isFiniteValue(static_cast<double>(x)) ? 1 : 0;
        return n;
    });
}

bool Series::stepsAreSorted() const {
    return std::is_sorted(steps.begin(), steps.end());
}

void Series::shrinkToFit() {
    steps.pack();
    epochs.pack();
    wallTimes.pack();
    // Spare capacity below 1/16 of the size is kept: dropping it means copying the whole column
    // into a new block, which costs more time than the memory is worth (a loader that sized a
    // column for huge pages leaves at most one huge page spare).
    if (values.capacity() - values.size() > values.size() / 16) values.shrink_to_fit();
}

std::size_t Series::heapBytes(std::vector<const void*>& counted) const {
    std::size_t bytes = values.heapBytes();
    const auto add = [&](const auto& column) {
        const void* id = column.blockId();
        if (id == nullptr || std::find(counted.begin(), counted.end(), id) != counted.end()) return;
        counted.push_back(id);
        bytes += column.heapBytes();
    };
    add(steps);
    add(epochs);
    add(wallTimes);
    return bytes;
}

}  // namespace curvedoctor::core
