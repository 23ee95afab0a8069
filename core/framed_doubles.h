#pragma once
/// \file framed_doubles.h
/// Exact compact storage for a column of doubles that changes little from one entry to the
/// next but runs in no exact progression: wall times (`t0 + 0.05 * step` rounds differently at
/// every step; `time.time()` jitters), fractional epochs. Entries are kept as their 64-bit
/// patterns in frames of kFrameLength: per frame a line (first + stride * k, integer arithmetic
/// modulo 2^64) and each entry's offset above it in as few bits as the frame needs (the sweep's
/// wall times: 2 bits). Every entry reads back bit for bit, NaN payloads included: the line and
/// offsets are exact integer arithmetic on the patterns, never floating point.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace curvedoctor::core {

class FramedDoubles {
public:
    static constexpr std::size_t kFrameLength = 128;

    FramedDoubles() = default;
    /// Encodes `values` (any doubles).
    explicit FramedDoubles(std::span<const double> values);

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    /// Entry `i` (< size()).
    [[nodiscard]] double operator[](std::size_t i) const;
    /// Writes the entries to `out`, which has room for size() of them.
    void copyTo(double* out) const;
    /// Heap bytes held.
    [[nodiscard]] std::size_t heapBytes() const {
        return m_frames.capacity() * sizeof(Frame) + m_bits.capacity() * sizeof(std::uint64_t);
    }

private:
    struct Frame {
        std::uint64_t first;   // pattern of the line at k = 0 (the smallest offset is 0)
        std::uint64_t stride;  // added per entry, modulo 2^64
        std::uint64_t where;   // bit position of the frame's first offset << 7 | offset width
    };
    std::vector<Frame> m_frames;
    std::vector<std::uint64_t> m_bits;  // the offsets, one word of padding at the end
    std::size_t m_size = 0;
};

}  // namespace curvedoctor::core
