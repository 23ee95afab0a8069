#pragma once
// What the CSV reader's streaming and parallel tests share: a stream that hands its text out in
// pieces of random size, and the awkward texts both must read as the whole-text reader does.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/file_stream.h"

namespace curvedoctor::core::test {

// Hands out `text` in pieces of 1..maxPiece bytes.
class PieceStream final : public ByteStream {
public:
    PieceStream(std::string text, std::size_t maxPiece, unsigned seed)
        : m_text(std::move(text)), m_maxPiece(maxPiece), m_rng(seed) {}
    std::size_t read(char* out, std::size_t n) override {
        const std::size_t piece = std::uniform_int_distribution<std::size_t>(1, m_maxPiece)(m_rng);
        const std::size_t count = std::min({n, piece, m_text.size() - m_at});
        std::copy_n(m_text.data() + m_at, count, out);
        m_at += count;
        return count;
    }
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_text.size(); }

private:
    std::string m_text;
    std::size_t m_maxPiece;
    std::size_t m_at = 0;
    std::mt19937 m_rng;
};

// Line ends of every kind, a BOM, blank and comment lines, quotes over lines, torn last lines,
// empty text, one without a line end, padded cells.
inline const std::vector<std::string>& awkwardCsvTexts() {
    static const std::vector<std::string> texts = {
        "h,v\n1,2\n3,4\n",
        "h,v\r\n1,2\r\n3,4\r\n",
        "h,v\r\r\n1,2\r\r\n3,4\r\r\n",
        "h,v\r1,2\r3,4",
        "h,v\r1,2\r3,4\r",
        "\xEF\xBB\xBFstep,loss\n\n# note\n  \n1,2\n",
        "\"a \"\"x\"\"\",\"multi\nline\nmore\",\"2.5\"\n7,8,9\n",
        "a,b\n\"1,2\n3,4\n",
        "a,b\n1,2\n3,",
        "a,b\n1,2\n3,4.125",
        "",
        "\n\n\n",
        "x",
        "  a ,  b  ,c\n  1 ,    , 3\n",
    };
    return texts;
}

}  // namespace curvedoctor::core::test
