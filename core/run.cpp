#include "core/run.h"

#include <algorithm>
#include <unordered_map>

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

// Lets every plain or framed column equal to an earlier one share that one's block (a column
// packed as pieces costs next to nothing).
template <typename T, typename Member>
void shareEqual(std::map<std::string, Series>& metrics, Member member) {
    std::unordered_multimap<std::size_t, PackedColumn<T>*> seen;
    for (auto& [name, series] : metrics) {
        PackedColumn<T>& column = series.*member;
        if (column.size() < kShareFrom || (column.isPacked() && !column.isFramed())) continue;
        const std::size_t hash = column.contentHash();
        const auto [first, last] = seen.equal_range(hash);
        const auto same = std::find_if(first, last, [&](const auto& entry) {
            return entry.second->sharedWith(column) || *entry.second == column;
        });
        if (same != last) {
            column.shareWith(*same->second);
        } else {
            seen.emplace(hash, &column);
        }
    }
}

}  // namespace

void Run::shrinkToFit() {
    for (auto& [name, series] : metrics) series.shrinkToFit();
    shareEqual<std::int64_t>(metrics, &Series::steps);
    shareEqual<double>(metrics, &Series::epochs);
    shareEqual<double>(metrics, &Series::wallTimes);
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
