#include "core/framed_doubles.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace curvedoctor::core {

namespace {

std::uint64_t patternOf(double x) {
    return std::bit_cast<std::uint64_t>(x);
}

// The `width` (0..64) bits at bit position `at` of `bits` (padded by one word).
std::uint64_t readBits(const std::uint64_t* bits, std::uint64_t at, unsigned width) {
    if (width == 0) return 0;
    const std::uint64_t word = at >> 6;
    const unsigned shift = static_cast<unsigned>(at & 63U);
    std::uint64_t v = bits[word] >> shift;
    if (shift + width > 64) v |= bits[word + 1] << (64 - shift);
    return width == 64 ? v : v & ((std::uint64_t{1} << width) - 1);
}

}  // namespace

FramedDoubles::FramedDoubles(std::span<const double> values) : m_size(values.size()) {
    const std::size_t n = values.size();
    m_frames.reserve((n + kFrameLength - 1) / kFrameLength);
    std::uint64_t totalBits = 0;
    std::vector<std::uint64_t> offsets(kFrameLength);
    std::vector<std::uint64_t> bits;
    for (std::size_t from = 0; from < n; from += kFrameLength) {
        const std::size_t count = std::min(kFrameLength, n - from);
        const std::uint64_t first = patternOf(values[from]);
        // The line through the frame's ends (signed division: patterns may fall).
        std::uint64_t stride = 0;
        if (count > 1) {
            const auto rise =
                static_cast<std::int64_t>(patternOf(values[from + count - 1]) - first);
            stride = static_cast<std::uint64_t>(rise / static_cast<std::int64_t>(count - 1));
        }
        // Offsets from the line, as signed numbers; the smallest becomes 0.
        std::int64_t low = 0;
        std::int64_t high = 0;
        for (std::size_t k = 0; k < count; ++k) {
            const auto r = static_cast<std::int64_t>(patternOf(values[from + k]) - first -
                                                     stride * static_cast<std::uint64_t>(k));
            offsets[k] = static_cast<std::uint64_t>(r);
            low = std::min(low, r);
            high = std::max(high, r);
        }
        const auto lowBits = static_cast<std::uint64_t>(low);
        const auto width =
            static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(high) - lowBits));
        m_frames.push_back({first + lowBits, stride, totalBits << 7 | width});
        bits.resize(((totalBits + width * count) >> 6) + 2, 0);
        for (std::size_t k = 0; k < count && width > 0; ++k) {
            const std::uint64_t v = offsets[k] - lowBits;
            const std::uint64_t at = totalBits + width * k;
            const unsigned shift = static_cast<unsigned>(at & 63U);
            bits[at >> 6] |= v << shift;
            if (shift + width > 64) bits[(at >> 6) + 1] |= v >> (64 - shift);
        }
        totalBits += width * count;
    }
    bits.resize((totalBits >> 6) + 2);
    bits.shrink_to_fit();
    m_bits = std::move(bits);
}

double FramedDoubles::operator[](std::size_t i) const {
    const Frame& f = m_frames[i / kFrameLength];
    const std::uint64_t k = i % kFrameLength;
    const auto width = static_cast<unsigned>(f.where & 127U);
    const std::uint64_t offset = readBits(m_bits.data(), (f.where >> 7) + width * k, width);
    return std::bit_cast<double>(f.first + f.stride * k + offset);
}

void FramedDoubles::copyTo(double* out) const {
    // The offsets are read as bytes: bit i of the stream is bit i % 8 of byte i / 8 of the
    // words (little-endian), so one unaligned 8-byte load holds any offset of up to 57 bits
    // (the padding word keeps the last load inside m_bits). The detectors copy every framed
    // column of a million-step run this way (bench_detectors).
    static_assert(std::endian::native == std::endian::little);
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_bits.data());
    for (std::size_t j = 0; j < m_frames.size(); ++j) {
        const Frame& f = m_frames[j];
        const std::size_t from = j * kFrameLength;
        const std::size_t count = std::min(kFrameLength, m_size - from);
        const auto width = static_cast<unsigned>(f.where & 127U);
        std::uint64_t at = f.where >> 7;
        std::uint64_t line = f.first;
        if (width == 0) {
            for (std::size_t k = 0; k < count; ++k, line += f.stride)
                out[from + k] = std::bit_cast<double>(line);
        } else if (width <= 57) {
            const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
            for (std::size_t k = 0; k < count; ++k, at += width, line += f.stride) {
                std::uint64_t word = 0;
                std::memcpy(&word, bytes + (at >> 3), sizeof word);
                out[from + k] = std::bit_cast<double>(line + ((word >> (at & 7U)) & mask));
            }
        } else {
            for (std::size_t k = 0; k < count; ++k, at += width, line += f.stride)
                out[from + k] = std::bit_cast<double>(line + readBits(m_bits.data(), at, width));
        }
    }
}

}  // namespace curvedoctor::core
