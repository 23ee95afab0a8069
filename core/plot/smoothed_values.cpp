#include "core/plot/smoothed_values.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace curvedoctor::core {
namespace {

// A finite value a float holds as a normal number, or zero: no overflow to infinity, no
// underflow to zero or to a subnormal (which keeps fewer digits).
bool fitsFloat(double v) {
    if (!std::isfinite(v) || v == 0.0) return true;
    const double a = std::abs(v);
    return a >= static_cast<double>(std::numeric_limits<float>::min()) &&
           a <= static_cast<double>(std::numeric_limits<float>::max());
}

std::optional<double> lastFiniteOf(std::span<const double> values) {
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (std::isfinite(*it)) return *it;
    return std::nullopt;
}

}  // namespace

SmoothedValues::SmoothedValues(std::vector<double> values, bool asFloat)
    : m_float(asFloat && std::all_of(values.begin(), values.end(), fitsFloat)),
      m_lastFinite(lastFiniteOf(values)) {
    if (m_float)
        m_f.assign(values.begin(), values.end());
    else
        m_d = std::move(values);
}

std::vector<double> SmoothedValues::toDoubles() const {
    return m_float ? std::vector<double>(m_f.begin(), m_f.end()) : m_d;
}

SmoothedValues SmoothedValues::extended(std::span<const double> more, bool asFloat) const {
    SmoothedValues out;
    out.m_float = m_float && asFloat && std::all_of(more.begin(), more.end(), fitsFloat);
    if (out.m_float) {
        out.m_f.reserve(m_f.size() + more.size());
        out.m_f.assign(m_f.begin(), m_f.end());
        out.m_f.insert(out.m_f.end(), more.begin(), more.end());
    } else {
        out.m_d.reserve(size() + more.size());
        if (m_float)
            out.m_d.assign(m_f.begin(), m_f.end());
        else
            out.m_d.assign(m_d.begin(), m_d.end());
        out.m_d.insert(out.m_d.end(), more.begin(), more.end());
    }
    const std::optional<double> last = lastFiniteOf(more);
    out.m_lastFinite = last ? last : m_lastFinite;
    return out;
}

}  // namespace curvedoctor::core
