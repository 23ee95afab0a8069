#include "core/run.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace curvedoctor::core {

std::size_t Run::pointCount() const {
    std::size_t n = 0;
    for (const auto& [name, series] : metrics) n += series.size();
    return n;
}

const Series* Run::find(const std::string& metric) const {
    auto it = metrics.find(metric);
    return it == metrics.end() ? nullptr : &it->second;
}

MetricInfo Run::info(const std::string& metric) const {
    auto it = roles.find(metric);
    return it == roles.end() ? inferMetricInfo(metric) : it->second;
}

namespace {

// Columns worth sharing: below this the block costs about what it saves.
constexpr std::size_t kShareFrom = 16;

// Lets every plain column equal to an earlier one share that one's block (a packed column costs
// next to nothing, or is compared only by decoding it). Columns already sharing a block are
// read once.
template <typename T, typename Member>
void shareEqual(std::map<std::string, Series>& metrics, Member member) {
    std::unordered_multimap<std::size_t, PackedColumn<T>*> seen;
    std::unordered_set<const void*> blocks;
    for (auto& [name, series] : metrics) {
        PackedColumn<T>& column = series.*member;
        if (column.size() < kShareFrom || column.isPacked()) continue;
        if (!blocks.insert(column.blockId()).second) continue;
        const std::size_t hash = column.contentHash();
        const auto [first, last] = seen.equal_range(hash);
        const auto same =
            std::find_if(first, last, [&](const auto& entry) { return *entry.second == column; });
        if (same != last) {
            column.shareWith(*same->second);
        } else {
            seen.emplace(hash, &column);
        }
    }
}

}  // namespace

void Run::shrinkToFit() {
    // Epochs and wall times are shared while still plain: pack() then frames a shared block once
    // (framed_doubles.h), and equal columns are found without decoding frames.
    shareEqual<double>(metrics, &Series::epochs);
    shareEqual<double>(metrics, &Series::wallTimes);
    for (auto& [name, series] : metrics) series.shrinkToFit();
    shareEqual<std::int64_t>(metrics, &Series::steps);
}

std::size_t Run::seriesBytes() const {
    std::vector<const void*> counted;
    std::size_t bytes = 0;
    for (const auto& [name, series] : metrics) bytes += series.heapBytes(counted);
    return bytes;
}

void assignRoles(Run& run) {
    run.roles.clear();
    for (const auto& [name, series] : run.metrics) run.roles.emplace(name, inferMetricInfo(name));
}

}  // namespace curvedoctor::core
