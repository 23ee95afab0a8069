#pragma once
/// \file column_iterator.h
/// A random-access iterator over a column that hands out values, not references (a packed or
/// float-stored column computes each value it is asked for): position `i` in column `c` reads
/// `c[i]`. Shared by PackedColumn and ValueColumn.

#include <compare>
#include <cstddef>
#include <iterator>

namespace curvedoctor::core {

template <class Column, class T>
class ColumnIterator {
public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using reference = T;
    using pointer = void;

    ColumnIterator() = default;
    ColumnIterator(const Column* c, std::size_t i) : m_c(c), m_i(i) {}
    T operator*() const { return (*m_c)[m_i]; }
    T operator[](difference_type n) const { return (*m_c)[advanced(n)]; }
    ColumnIterator& operator++() { return ++m_i, *this; }
    ColumnIterator operator++(int) { return {m_c, m_i++}; }
    ColumnIterator& operator--() { return --m_i, *this; }
    ColumnIterator operator--(int) { return {m_c, m_i--}; }
    ColumnIterator& operator+=(difference_type n) { return m_i = advanced(n), *this; }
    ColumnIterator& operator-=(difference_type n) { return m_i = advanced(-n), *this; }
    friend ColumnIterator operator+(ColumnIterator a, difference_type n) { return a += n; }
    friend ColumnIterator operator+(difference_type n, ColumnIterator a) { return a += n; }
    friend ColumnIterator operator-(ColumnIterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const ColumnIterator& a, const ColumnIterator& b) {
        return static_cast<difference_type>(a.m_i) - static_cast<difference_type>(b.m_i);
    }
    friend bool operator==(const ColumnIterator& a, const ColumnIterator& b) {
        return a.m_i == b.m_i;
    }
    friend auto operator<=>(const ColumnIterator& a, const ColumnIterator& b) {
        return a.m_i <=> b.m_i;
    }

private:
    [[nodiscard]] std::size_t advanced(difference_type n) const {
        return static_cast<std::size_t>(static_cast<difference_type>(m_i) + n);
    }
    const Column* m_c = nullptr;
    std::size_t m_i = 0;
};

}  // namespace curvedoctor::core
