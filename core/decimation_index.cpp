// DecimationIndex (declared in decimate.h): block summaries of a y column, float or double.
#include <cmath>
#include <cstdint>
#include <span>

#include "core/decimate.h"

namespace curvedoctor::core {

DecimationIndex::DecimationIndex(ValueSpan y) {
    y.visit([&](auto ys) { build(ys, 0); });
}

void DecimationIndex::extend(ValueSpan y) {
    if (y.size() < m_size) {
        *this = DecimationIndex(y);
        return;
    }
    // The last block may have been partial: it is summarised again with its new values.
    y.visit([&](auto ys) { build(ys, m_size / kBlock); });
}

template <typename Ys>
void DecimationIndex::build(Ys y, std::size_t firstBlock) {
    constexpr std::size_t kB = kBlock;
    m_size = y.size();
    m_blocks.resize((y.size() + kB - 1) / kB);
    std::uint64_t nf = 0;
    if (firstBlock > 0) nf = m_blocks[firstBlock - 1].nfBefore + m_blocks[firstBlock - 1].nfCount;
    for (std::size_t b = firstBlock; b < m_blocks.size(); ++b) {
        Block& blk = m_blocks[b];
        blk = Block{};
        blk.nfBefore = nf;
        const std::size_t from = b * kB, to = std::min(y.size(), from + kB);
        // Counted first, branch-free: most blocks hold only finite values and take the short
        // loop below. Locals rather than blk's fields, which the compiler must assume y aliases.
        std::uint8_t nfCount = 0;
        for (std::size_t i = from; i < to; ++i) nfCount += std::isfinite(y[i]) ? 0 : 1;
        double minY = 0.0, maxY = 0.0;
        std::uint8_t minOffset = kNoOffset, maxOffset = kNoOffset;
        if (nfCount == 0) {
            minY = maxY = static_cast<double>(y[from]);
            minOffset = maxOffset = 0;
            for (std::size_t i = from + 1; i < to; ++i) {
                const double v = static_cast<double>(y[i]);
                if (v < minY) {
                    minY = v;
                    minOffset = static_cast<std::uint8_t>(i - from);
                } else if (v > maxY) {
                    maxY = v;
                    maxOffset = static_cast<std::uint8_t>(i - from);
                }
            }
        } else {
            for (std::size_t i = from; i < to; ++i) {
                const double v = static_cast<double>(y[i]);
                const auto off = static_cast<std::uint8_t>(i - from);
                if (!std::isfinite(v)) {
                    if (blk.firstMark == kNoOffset && (i == 0 || std::isfinite(y[i - 1])))
                        blk.firstMark = off;
                    continue;
                }
                if (minOffset == kNoOffset) {
                    minY = maxY = v;
                    minOffset = maxOffset = off;
                } else if (v < minY) {
                    minY = v;
                    minOffset = off;
                } else if (v > maxY) {
                    maxY = v;
                    maxOffset = off;
                }
            }
        }
        blk.nfCount = nfCount;
        blk.minY = minY;
        blk.maxY = maxY;
        blk.minOffset = minOffset;
        blk.maxOffset = maxOffset;
        nf += nfCount;
    }
}

}  // namespace curvedoctor::core
