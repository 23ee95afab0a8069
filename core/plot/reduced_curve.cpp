#include "core/plot/reduced_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "core/plot/value_scan.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kMaxIndex = std::numeric_limits<std::uint32_t>::max();

bool isConsecutive(const std::vector<std::uint32_t>& v) {
    for (std::size_t i = 1; i < v.size(); ++i)
        if (v[i] != v[0] + i) return false;
    return true;
}

}  // namespace

ReducedCurve::ReducedCurve(const Decimated& d, CurveColumns columns, bool log10Y)
    : m_columns(std::move(columns)), m_log(log10Y), m_nonFinite(d.nonFinite) {
    if (m_log)
        for (NonFiniteMark& m : m_nonFinite)
            m.lastFiniteY = m.lastFiniteY > 0.0 ? std::log10(m.lastFiniteY) : std::nan("");
    std::size_t seg = 0;
    bool broken = true;
    m_indices.reserve(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        while (seg < d.segmentCount() && d.segmentStarts[seg] == i) {
            broken = true;
            ++seg;
        }
        if ((m_log && !(d.y[i] > 0.0)) || d.indices[i] > kMaxIndex) {
            broken = true;
            continue;
        }
        if (broken) m_segments.push_back(static_cast<std::uint32_t>(m_indices.size()));
        broken = false;
        m_indices.push_back(static_cast<std::uint32_t>(d.indices[i]));
    }
    m_size = m_indices.size();
    m_segments.shrink_to_fit();
    if (m_size > 0 && isConsecutive(m_indices)) {
        m_first = m_indices.front();
        std::vector<std::uint32_t>().swap(m_indices);
    } else {
        m_indices.shrink_to_fit();
    }
}

ReducedCurve::ReducedCurve(PositionRange kept, CurveColumns columns)
    : m_columns(std::move(columns)) {
    const std::size_t last = std::min(kept.last, kMaxIndex + 1);
    m_first = kept.first;
    m_size = last > kept.first ? last - kept.first : 0;
    if (m_size > 0) m_segments.push_back(0);
}

std::size_t ReducedCurve::lowerBound(double x) const {
    std::size_t lo = 0, hi = m_size;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (this->x(mid) < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::size_t ReducedCurve::upperBound(double x) const {
    std::size_t lo = 0, hi = m_size;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (!(x < this->x(mid)))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::span<const double> ReducedCurve::ys(std::size_t from, std::size_t to,
                                         std::vector<double>& buffer) const {
    to = std::min(to, m_size);
    if (from >= to) return {};
    if (!m_log && consecutive()) {
        const ValueSpan y = m_columns.y.subspan(m_first + from, to - from);
        if (!y.isFloat()) return y.doubles();
        buffer.resize(y.size());
        y.copyTo(buffer.data());
        return buffer;
    }
    buffer.clear();
    buffer.reserve(to - from);
    for (std::size_t i = from; i < to; ++i) buffer.push_back(y(i));
    return buffer;
}

bool ReducedCurve::anyYOutside(std::size_t from, std::size_t to, double lo, double hi) const {
    to = std::min(to, m_size);
    if (from >= to) return false;
    if (!m_log && consecutive())
        return m_columns.y.subspan(m_first + from, to - from).visit([&](auto ys) {
            return anyOutside(ys, lo, hi);
        });
    bool out = false;
    forEachY(from, to, [&](std::size_t, double y) {
        out = y < lo || y > hi;
        return !out;
    });
    return out;
}

std::size_t ReducedCurve::bytes() const {
    return m_indices.capacity() * sizeof(std::uint32_t) +
           m_segments.capacity() * sizeof(std::uint32_t) +
           m_nonFinite.capacity() * sizeof(NonFiniteMark);
}

}  // namespace curvedoctor::core
