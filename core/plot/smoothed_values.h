#pragma once
/// \file smoothed_values.h
/// A series' smoothed values as the window keeps them to draw: float32 when the series' own
/// values are float32 (a TensorBoard scalar is one; so is most of what Python prints), else
/// double. A display curve: a float keeps about 7 significant digits, as many as such raw
/// values have, and is half the memory (on a 1,000-run sweep the copies were 6 of the window's
/// 16-17 bytes a point). What must be exact does not read it: the comparison table's smoothed
/// final loss is lastFinite(), kept in double; an export smooths again in double.
///
/// NaN and +/-Inf stay NaN and +/-Inf. A curve with a finite value a float cannot hold as a
/// normal number (beyond about 3.4e38, or nonzero under about 1.2e-38: an average decaying
/// towards 0 after a loss of exactly 0) is kept as double, so that nothing turns infinite or
/// zero on the way (a log-y chart leaves out zeros).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/value_column.h"

namespace curvedoctor::core {

class SmoothedValues {
public:
    SmoothedValues() = default;
    /// `values`, smoothed in double, kept as float when `asFloat` and every finite one fits
    /// (see above), else as they are.
    SmoothedValues(std::vector<double> values, bool asFloat);

    [[nodiscard]] std::size_t size() const { return m_float ? m_f.size() : m_d.size(); }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] bool isFloat() const { return m_float; }
    [[nodiscard]] double operator[](std::size_t i) const {
        return m_float ? static_cast<double>(m_f[i]) : m_d[i];
    }
    [[nodiscard]] ValueSpan span() const { return m_float ? ValueSpan(m_f) : ValueSpan(m_d); }
    /// The values as doubles (a widened copy when stored as float).
    [[nodiscard]] std::vector<double> toDoubles() const;
    /// The last finite value as it was smoothed, in double (not rounded to float); none when
    /// no value is finite.
    [[nodiscard]] std::optional<double> lastFinite() const { return m_lastFinite; }
    /// These values followed by `more`, the values smoothed after them (in double): a followed
    /// series' new points. Float while both parts qualify.
    [[nodiscard]] SmoothedValues extended(std::span<const double> more, bool asFloat) const;
    /// Heap bytes held.
    [[nodiscard]] std::size_t heapBytes() const {
        return m_f.capacity() * sizeof(float) + m_d.capacity() * sizeof(double);
    }

private:
    std::vector<float> m_f;
    std::vector<double> m_d;
    bool m_float = false;
    std::optional<double> m_lastFinite;
};

}  // namespace curvedoctor::core
