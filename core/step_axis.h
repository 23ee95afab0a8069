#pragma once
/// \file step_axis.h
/// A curve's steps as its x, read where they are: a view of a contiguous block of steps, or the
/// first step and stride of an arithmetic progression (a series logged every N steps, as a
/// loaded series holds it packed, core/packed_column.h), which costs nothing per point. A chart
/// of a sweep's runs reads their steps this way instead of unpacking a copy of each.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/series.h"

namespace curvedoctor::core {

/// The progression first + stride * i, i < size (integers wrap as in PackedColumn).
struct StepProgression {
    std::int64_t first = 0;
    std::int64_t stride = 0;
    std::size_t count = 0;

    [[nodiscard]] std::size_t size() const { return count; }
    [[nodiscard]] std::int64_t operator[](std::size_t i) const {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(first) +
                                         static_cast<std::uint64_t>(stride) * i);
    }
};

class StepAxis {
public:
    StepAxis() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): a block of steps is an axis.
    StepAxis(std::span<const std::int64_t> block) : m_block(block) {}
    // NOLINTNEXTLINE(google-explicit-constructor): as above.
    StepAxis(const std::vector<std::int64_t>& block) : m_block(block) {}
    explicit StepAxis(StepProgression p) : m_progression(p), m_isProgression(true) {}

    /// `steps` as a progression when every entry is one (checked entry by entry, O(n)), else
    /// nullopt (read them through a block then). Columns under 2 entries are not progressions.
    [[nodiscard]] static std::optional<StepAxis> progressionOf(const StepColumn& steps);

    [[nodiscard]] bool isProgression() const { return m_isProgression; }
    /// The block (empty for a progression).
    [[nodiscard]] std::span<const std::int64_t> block() const { return m_block; }
    [[nodiscard]] const StepProgression& progression() const { return m_progression; }

    [[nodiscard]] std::size_t size() const {
        return m_isProgression ? m_progression.size() : m_block.size();
    }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] std::int64_t operator[](std::size_t i) const {
        return m_isProgression ? m_progression[i] : m_block[i];
    }
    /// For ascending steps: the first position whose step is not below `x`, and the first
    /// whose step is above `x` (size() when none), as std::lower_bound / upper_bound.
    [[nodiscard]] std::size_t lowerBound(double x) const;
    [[nodiscard]] std::size_t upperBound(double x) const;

private:
    std::span<const std::int64_t> m_block;
    StepProgression m_progression;
    bool m_isProgression = false;
};

}  // namespace curvedoctor::core
