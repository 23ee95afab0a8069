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

}  // namespace curvedoctor::core
