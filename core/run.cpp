#include "core/run.h"

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

void assignRoles(Run& run) {
    run.roles.clear();
    for (const auto& [name, series] : run.metrics) run.roles.emplace(name, inferMetricInfo(name));
}

}  // namespace curvedoctor::core
