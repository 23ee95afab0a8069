#pragma once
/// \file packed_column.h
/// A column of numbers that a loaded series keeps at the size of what it says, not of its
/// length: steps logged every N steps, an epoch that stays the same for hundreds of points or
/// counts 0, 1, 2, ... are stored as pieces (first, stride, count) with nothing per point; any
/// other column is a plain vector. The columns of one table logged on the same rows share one
/// block. Packing is exact: every entry reads back bit for bit (doubles are packed only where
/// `first + stride * k` is exact: constant runs, or integers below 2^52). A column of doubles
/// that runs in no such progression but changes little from entry to entry (wall times) is
/// stored in frames instead (framed_doubles.h) where that takes at most half the bytes.
///
/// It reads like a `const std::vector<T>` (size, [], front, back, iterators; toVector() for a
/// contiguous copy) and is written like one while a loader builds it; pack() at the end of the
/// load. Writing to a packed or shared column first makes it a plain one of its own
/// (copy-on-write), so neither packing nor sharing is ever visible.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

#include "core/column_iterator.h"
#include "core/framed_doubles.h"

namespace curvedoctor::core {

template <typename T>
class PackedColumn {
    static_assert(std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>);

public:
    using value_type = T;
    using size_type = std::size_t;

    // The standard container's name, so that generic code (std::ranges, gtest's container
    // printers) finds it.
    // NOLINTNEXTLINE(readability-identifier-naming)
    using const_iterator = ColumnIterator<PackedColumn, T>;
    using iterator = const_iterator;

    PackedColumn() = default;
    PackedColumn(std::initializer_list<T> values) : PackedColumn(std::vector<T>(values)) {}
    // NOLINTNEXTLINE(google-explicit-constructor): a vector of numbers is a column.
    PackedColumn(std::vector<T> values) {
        if (!values.empty()) {
            m_b = std::make_shared<Block>();
            m_b->plain = std::move(values);
        }
    }
    PackedColumn& operator=(std::initializer_list<T> values) {
        return *this = PackedColumn(values);
    }
    PackedColumn& operator=(std::vector<T> values) {
        return *this = PackedColumn(std::move(values));
    }

    // Reading.
    [[nodiscard]] std::size_t size() const {
        if (!m_b) return 0;
        return m_b->isPlain() ? m_b->plain.size() : m_b->packedSize;
    }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] T operator[](std::size_t i) const {
        const Block& b = *m_b;
        if (b.pieces.empty()) {
            if constexpr (std::is_same_v<T, double>) {
                if (b.framed) return (*b.framed)[i];
            }
            return b.plain[i];
        }
        const Piece* p = b.pieces.data();
        if (b.pieces.size() > 1) {
            const auto it =
                std::upper_bound(b.pieces.begin(), b.pieces.end(), i,
                                 [](std::size_t x, const Piece& q) { return x < q.start; });
            p = &*(it - 1);
        }
        return at(*p, i - p->start);
    }
    [[nodiscard]] T front() const { return (*this)[0]; }
    [[nodiscard]] T back() const { return (*this)[size() - 1]; }
    [[nodiscard]] const_iterator begin() const { return {this, 0}; }
    [[nodiscard]] const_iterator end() const { return {this, size()}; }
    [[nodiscard]] const_iterator cbegin() const { return begin(); }
    [[nodiscard]] const_iterator cend() const { return end(); }
    /// The entries as one contiguous vector.
    [[nodiscard]] std::vector<T> toVector() const {
        std::vector<T> out(size());
        copyTo(out.data());
        return out;
    }
    /// Writes the entries to `out`, which has room for size() of them.
    void copyTo(T* out) const {
        if (!m_b) return;
        if (m_b->pieces.empty()) {
            if constexpr (std::is_same_v<T, double>) {
                if (m_b->framed) {
                    m_b->framed->copyTo(out);
                    return;
                }
            }
            std::copy(m_b->plain.begin(), m_b->plain.end(), out);
            return;
        }
        for (std::size_t k = 0; k < m_b->pieces.size(); ++k) {
            const Piece& p = m_b->pieces[k];
            const std::size_t end =
                k + 1 < m_b->pieces.size() ? m_b->pieces[k + 1].start : m_b->packedSize;
            for (std::size_t i = p.start; i < end; ++i) out[i] = at(p, i - p.start);
        }
    }
    /// True when not a plain vector: stored as pieces, or in frames (isFramed()).
    [[nodiscard]] bool isPacked() const { return m_b && !m_b->isPlain(); }
    /// True when stored in frames (framed_doubles.h; doubles only).
    [[nodiscard]] bool isFramed() const { return m_b && m_b->framed; }
    /// The entries where they are when the column is a plain vector (no copy); empty when it is
    /// packed or empty. Valid while this column's block is not written to or released.
    [[nodiscard]] std::span<const T> plainSpan() const {
        if (!m_b || !m_b->isPlain()) return {};
        return m_b->plain;
    }
    /// Heap bytes of the column's block (shared blocks: of the whole block).
    [[nodiscard]] std::size_t heapBytes() const {
        if (!m_b) return 0;
        return sizeof(Block) + m_b->plain.capacity() * sizeof(T) +
               m_b->pieces.capacity() * sizeof(Piece) +
               (m_b->framed ? sizeof(FramedDoubles) + m_b->framed->heapBytes() : 0);
    }
    /// True when both columns are one shared block.
    [[nodiscard]] bool sharedWith(const PackedColumn& other) const {
        return m_b != nullptr && m_b == other.m_b;
    }
    /// How many columns share this one's block (0 when empty).
    [[nodiscard]] long useCount() const { return m_b.use_count(); }
    /// An address that tells blocks apart (null when empty), for counting shared blocks once.
    [[nodiscard]] const void* blockId() const { return m_b.get(); }

    // Writing: the column is made a plain one of this series' own first.
    std::vector<T>& mutableVector() {
        if (!m_b) {
            m_b = std::make_shared<Block>();
        } else if (m_b.use_count() > 1 || !m_b->isPlain()) {
            auto own = std::make_shared<Block>();
            own->plain = toVector();
            m_b = std::move(own);
        }
        return m_b->plain;
    }
    void push_back(T value) { mutableVector().push_back(value); }
    void reserve(std::size_t n) { mutableVector().reserve(n); }
    void resize(std::size_t n) { mutableVector().resize(n); }
    void resize(std::size_t n, T value) { mutableVector().resize(n, value); }
    void assign(std::size_t n, T value) { mutableVector().assign(n, value); }
    void clear() { m_b.reset(); }
    /// Appends `count` copies of `value` without unpacking: while the entries run in
    /// progressions the last piece grows (or a new one starts) with nothing stored per entry; once
    /// the pieces would take more than half the bytes of a plain vector (as pack() judges) the
    /// column becomes a plain vector and appends are plain push_backs. A shared column is copied
    /// first (its pieces, not its entries). For a loader that builds a column row by row.
    void append(T value, std::size_t count = 1) {
        if (count == 1 && m_b && m_b.use_count() == 1) {
            // A loader's row loop, inline: one more entry of the progression the last piece runs
            // in, or of a plain column.
            Block& b = *m_b;
            if (!b.pieces.empty()) {
                const Piece& last = b.pieces.back();
                const std::size_t k = b.packedSize - last.start;
                if (k > 1 && fits(last, k, value)) {
                    ++b.packedSize;
                    return;
                }
            } else if (!b.plain.empty()) {
                b.plain.push_back(value);
                return;
            }
        }
        appendRare(value, count);
    }
    /// The first `n` entries (n <= size()): packed when this column is, its pieces cut, else a
    /// plain copy.
    [[nodiscard]] PackedColumn prefix(std::size_t n) const {
        PackedColumn out;
        if (n == 0) return out;
        if (isFramed()) {
            std::vector<T> entries = toVector();
            entries.resize(n);
            return PackedColumn(std::move(entries));
        }
        if (!isPacked())
            return PackedColumn(std::vector<T>(
                m_b->plain.begin(), m_b->plain.begin() + static_cast<std::ptrdiff_t>(n)));
        out.m_b = std::make_shared<Block>();
        for (const Piece& p : m_b->pieces) {
            if (p.start >= n) break;
            out.m_b->pieces.push_back(p);
        }
        out.m_b->packedSize = n;
        if (n - out.m_b->pieces.back().start == 1) out.m_b->pieces.back().stride = T{};
        if (out.m_b->pieces.size() > maxPieces(n)) out.unpack();
        return out;
    }
    /// Makes this column share `other`'s block.
    void shareWith(const PackedColumn& other) { m_b = other.m_b; }
    /// A hash of the entries (equal columns hash equal), for finding columns to share.
    [[nodiscard]] std::size_t contentHash() const {
        std::uint64_t h = 1469598103934665603ULL ^ size();
        for (const T x : *this) h = (h ^ std::bit_cast<std::uint64_t>(x)) * 1099511628211ULL;
        return static_cast<std::size_t>(h);
    }

    /// Stores the column as pieces when that takes at most half the bytes of the plain vector,
    /// else (doubles) in frames when those do, else releases the vector's spare capacity. In
    /// place even when shared (the entries do not change), so call it before the column is read
    /// from other threads.
    void pack() {
        if (!m_b || m_b->framed) return;
        if (!m_b->pieces.empty()) {
            // Appended (append()): the pieces it grew, unless they are more than pack() allows.
            if (m_b->pieces.size() > maxPieces(m_b->packedSize)) unpack();
            m_b->pieces.shrink_to_fit();
            return;
        }
        std::vector<T>& v = m_b->plain;
        const std::size_t n = v.size();
        const std::size_t maxPieces = PackedColumn::maxPieces(n);
        std::vector<Piece> pieces;
        for (std::size_t i = 0; i < n && pieces.size() <= maxPieces;) {
            Piece p{i, v[i], T{}};
            if (i + 1 < n) p.stride = strideOf(v[i], v[i + 1]);
            std::size_t j = i + 1;
            while (j < n && fits(p, j - i, v[j])) ++j;
            if (j == i + 1) p.stride = T{};  // a piece of one: its stride is never read.
            pieces.push_back(p);
            i = j;
        }
        if (n == 0 || pieces.size() > maxPieces) {
            if constexpr (std::is_same_v<T, double>) {
                if (n >= kFrameFrom) {
                    auto framed = std::make_shared<const FramedDoubles>(v);
                    if (sizeof(FramedDoubles) + framed->heapBytes() <= n * sizeof(T) / 2) {
                        m_b->framed = std::move(framed);
                        m_b->packedSize = n;
                        std::vector<T>().swap(v);
                        return;
                    }
                }
            }
            if (v.capacity() - v.size() > v.size() / 16) v.shrink_to_fit();
            return;
        }
        pieces.shrink_to_fit();
        m_b->pieces = std::move(pieces);
        m_b->packedSize = n;
        std::vector<T>().swap(v);
    }
    /// Releases spare capacity, in place even when shared.
    void shrinkToFit() {
        if (m_b) m_b->plain.shrink_to_fit();
    }

    /// True when both are packed into the same pieces (so hold the same entries), found without
    /// reading the entries: a cheap test for columns logged on the same steps.
    friend bool samePieces(const PackedColumn& a, const PackedColumn& b) {
        if (!a.isPacked() || !b.isPacked()) return false;
        if (a.m_b == b.m_b) return true;
        if (a.isFramed() || b.isFramed()) return false;
        const Block& x = *a.m_b;
        const Block& y = *b.m_b;
        return x.packedSize == y.packedSize &&
               std::equal(x.pieces.begin(), x.pieces.end(), y.pieces.begin(), y.pieces.end(),
                          [](const Piece& p, const Piece& q) {
                              return p.start == q.start &&
                                     std::bit_cast<std::uint64_t>(p.first) ==
                                         std::bit_cast<std::uint64_t>(q.first) &&
                                     std::bit_cast<std::uint64_t>(p.stride) ==
                                         std::bit_cast<std::uint64_t>(q.stride);
                          });
    }
    friend bool operator==(const PackedColumn& a, const PackedColumn& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
    friend bool operator==(const PackedColumn& a, const std::vector<T>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    struct Piece {
        std::size_t start;  // index of its first entry
        T first;
        T stride;
    };
    struct Block {
        std::vector<T> plain;
        std::vector<Piece> pieces;                    // non-empty: packed, `plain` empty.
        std::shared_ptr<const FramedDoubles> framed;  // set: framed, `plain` empty (doubles).
        std::size_t packedSize = 0;
        [[nodiscard]] bool isPlain() const { return pieces.empty() && !framed; }
    };

    static constexpr double kExactLimit = 4503599627370496.0;  // 2^52
    // Pieces an appended column may hold beyond pack()'s budget: a short column's first entries
    // are not a verdict on it.
    static constexpr std::size_t kAppendSlack = 4;
    // Columns shorter than this are not worth framing (a frame's line costs 24 bytes).
    static constexpr std::size_t kFrameFrom = 64;

    // The most pieces worth keeping for `n` entries: half the bytes of the plain vector.
    static constexpr std::size_t maxPieces(std::size_t n) {
        return n * sizeof(T) / (2 * sizeof(Piece));
    }
    // append()'s general case: a first entry, a new piece, copies, a shared or unpacked column.
    [[gnu::noinline]] void appendRare(T value, std::size_t count) {
        if (count == 0) return;
        if (!m_b) {
            m_b = std::make_shared<Block>();
        } else if (m_b.use_count() > 1) {
            m_b = std::make_shared<Block>(*m_b);
        }
        Block& b = *m_b;
        if (b.framed) unpack();
        for (; count > 0; --count) {
            if (b.pieces.empty() && !b.plain.empty()) {
                b.plain.insert(b.plain.end(), count, value);
                return;
            }
            if (b.pieces.empty()) {
                b.pieces.push_back({0, value, T{}});
                b.packedSize = 1;
                continue;
            }
            Piece& last = b.pieces.back();
            const std::size_t k = b.packedSize - last.start;
            if (k == 1) last.stride = strideOf(last.first, value);
            if (fits(last, k, value)) {
                // A constant piece takes the rest of the copies at once.
                const bool constant = last.stride == T{};
                b.packedSize += constant ? count : 1;
                if (constant) return;
                continue;
            }
            if (k == 1) last.stride = T{};  // a piece of one: its stride is never read.
            if (b.pieces.size() + 1 > maxPieces(b.packedSize + 1) + kAppendSlack) {
                unpack();
                b.plain.push_back(value);
                continue;
            }
            b.pieces.push_back({b.packedSize, value, T{}});
            ++b.packedSize;
        }
    }
    // Turns a packed column (its own block) into a plain one.
    void unpack() {
        std::vector<T> plain = toVector();
        std::vector<Piece>().swap(m_b->pieces);
        m_b->framed.reset();
        m_b->packedSize = 0;
        m_b->plain = std::move(plain);
    }

    // Integers wrap (the read-back entry is exact whenever the entry itself is in range).
    static T at(const Piece& p, std::size_t k) {
        if constexpr (std::is_same_v<T, std::int64_t>) {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(p.first) +
                                             static_cast<std::uint64_t>(p.stride) * k);
        } else {
            return p.stride == 0.0 ? p.first : p.first + p.stride * static_cast<double>(k);
        }
    }
    static T strideOf(T a, T b) {
        if constexpr (std::is_same_v<T, std::int64_t>) {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(b) -
                                             static_cast<std::uint64_t>(a));
        } else {
            // Only integer progressions below 2^52 are exact however the sum is evaluated.
            const bool integral = std::abs(a) < kExactLimit && std::abs(b) < kExactLimit &&
                                  std::floor(a) == a && std::floor(b) == b;
            return integral ? b - a : 0.0;
        }
    }
    static bool fits(const Piece& p, std::size_t k, T value) {
        if constexpr (std::is_same_v<T, std::int64_t>) {
            return at(p, k) == value;
        } else {
            const double want = at(p, k);
            if (std::abs(want) >= kExactLimit && p.stride != 0.0) return false;
            return std::bit_cast<std::uint64_t>(want) == std::bit_cast<std::uint64_t>(value) ||
                   (std::isnan(want) && std::isnan(value));
        }
    }

    std::shared_ptr<Block> m_b;
};

}  // namespace curvedoctor::core
