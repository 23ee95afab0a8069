#pragma once
/// \file value_column.h
/// A series' values, stored as float32 while every value reads back exactly from a float (a
/// TensorBoard scalar is a float32; most Lightning/Keras values are float32s printed by Python),
/// else as double: 4 bytes a point instead of 8 for most logs, with nothing lost. NaN and +/-Inf
/// are floats too (a NaN's payload is not kept, its being NaN is). Appending a value that a
/// float cannot hold turns the column into doubles first, every earlier value unchanged.
///
/// It reads like a `const std::vector<double>` (size, [], front, back, iterators returning
/// double). Hot loops take a ValueSpan (a view of either storage) and dispatch once with
/// visit(); code that needs contiguous doubles asks asDoubles() (in place for double storage,
/// a widened copy for float storage).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

#include "core/column_iterator.h"

namespace curvedoctor::core {

/// True when `v` reads back from a float exactly (NaN counts: its being NaN is kept).
[[nodiscard]] inline bool exactAsFloat(double v) {
    return static_cast<double>(static_cast<float>(v)) == v || std::isnan(v);
}

/// A read-only view of values stored as float or as double, read as double.
class ValueSpan {
public:
    ValueSpan() = default;
    // NOLINTBEGIN(google-explicit-constructor): a span of numbers is a value span.
    ValueSpan(std::span<const double> d) : m_d(d.data()), m_size(d.size()) {}
    ValueSpan(std::span<const float> f) : m_f(f.data()), m_size(f.size()) {}
    ValueSpan(const std::vector<double>& d) : ValueSpan(std::span<const double>(d)) {}
    ValueSpan(const std::vector<float>& f) : ValueSpan(std::span<const float>(f)) {}
    // NOLINTEND(google-explicit-constructor)

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] bool isFloat() const { return m_f != nullptr; }
    /// The values when stored as double (empty when float), and when stored as float.
    [[nodiscard]] std::span<const double> doubles() const {
        return m_f != nullptr ? std::span<const double>() : std::span<const double>(m_d, m_size);
    }
    [[nodiscard]] std::span<const float> floats() const {
        return m_f != nullptr ? std::span<const float>(m_f, m_size) : std::span<const float>();
    }
    [[nodiscard]] double operator[](std::size_t i) const {
        return m_f != nullptr ? static_cast<double>(m_f[i]) : m_d[i];
    }
    /// Where the values are (tells columns apart; null when empty).
    [[nodiscard]] const void* data() const {
        return m_f != nullptr ? static_cast<const void*>(m_f) : static_cast<const void*>(m_d);
    }
    [[nodiscard]] ValueSpan subspan(std::size_t offset, std::size_t count) const {
        ValueSpan s;
        if (m_f != nullptr) s.m_f = m_f + offset;
        if (m_d != nullptr) s.m_d = m_d + offset;
        s.m_size = count;
        return s;
    }
    /// Calls `f` with the values as a std::span<const float> or std::span<const double>: the
    /// one branch of a loop over them.
    template <typename F>
    decltype(auto) visit(F&& f) const {
        if (m_f != nullptr) return f(std::span<const float>(m_f, m_size));
        return f(std::span<const double>(m_d, m_size));
    }
    /// Writes the values as doubles to `out`, which has room for size() of them.
    void copyTo(double* out) const {
        visit([&](auto s) { std::copy(s.begin(), s.end(), out); });
    }

private:
    const double* m_d = nullptr;
    const float* m_f = nullptr;
    std::size_t m_size = 0;
};

/// Contiguous doubles of a ValueColumn: in place, or a widened copy this object owns. Keep it
/// alive while the span is used.
class DoubleValues {
public:
    explicit DoubleValues(ValueSpan v) {
        if (v.isFloat()) {
            m_own.resize(v.size());
            v.copyTo(m_own.data());
            m_span = m_own;
        } else {
            m_span = v.doubles();
        }
    }
    DoubleValues(const DoubleValues&) = delete;
    DoubleValues& operator=(const DoubleValues&) = delete;
    [[nodiscard]] std::span<const double> span() const { return m_span; }
    // NOLINTNEXTLINE(google-explicit-constructor): read where a span of doubles is asked for.
    operator std::span<const double>() const { return m_span; }
    /// The copy (empty when the values were read in place), for a caller that keeps it.
    [[nodiscard]] std::vector<double> takeCopy() { return std::move(m_own); }

private:
    std::vector<double> m_own;
    std::span<const double> m_span;
};

class ValueColumn {
public:
    using value_type = double;
    using size_type = std::size_t;

    // The standard container's name, so that generic code (std::ranges, gtest's container
    // printers) finds it.
    // NOLINTNEXTLINE(readability-identifier-naming)
    using const_iterator = ColumnIterator<ValueColumn, double>;
    using iterator = const_iterator;

    ValueColumn() = default;
    ValueColumn(std::initializer_list<double> values) { assignFrom(values); }
    // NOLINTNEXTLINE(google-explicit-constructor): a vector of numbers is a column.
    ValueColumn(const std::vector<double>& values) { assignFrom(values); }
    ValueColumn& operator=(std::initializer_list<double> values) {
        clear();
        assignFrom(values);
        return *this;
    }
    ValueColumn& operator=(const std::vector<double>& values) {
        clear();
        assignFrom(values);
        return *this;
    }

    // Reading.
    [[nodiscard]] std::size_t size() const { return m_double ? m_d.size() : m_f.size(); }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] double operator[](std::size_t i) const {
        return m_double ? m_d[i] : static_cast<double>(m_f[i]);
    }
    [[nodiscard]] double front() const { return (*this)[0]; }
    [[nodiscard]] double back() const { return (*this)[size() - 1]; }
    [[nodiscard]] const_iterator begin() const { return {this, 0}; }
    [[nodiscard]] const_iterator end() const { return {this, size()}; }
    [[nodiscard]] const_iterator cbegin() const { return begin(); }
    [[nodiscard]] const_iterator cend() const { return end(); }
    /// True while stored as float32.
    [[nodiscard]] bool isFloat() const { return !m_double; }
    /// A view of the values where they are.
    [[nodiscard]] ValueSpan span() const { return m_double ? ValueSpan(m_d) : ValueSpan(m_f); }
    // NOLINTNEXTLINE(google-explicit-constructor): read where a ValueSpan is asked for.
    operator ValueSpan() const { return span(); }
    /// Contiguous doubles (see DoubleValues).
    [[nodiscard]] DoubleValues asDoubles() const { return DoubleValues(span()); }
    /// The values as one vector of doubles.
    [[nodiscard]] std::vector<double> toVector() const {
        std::vector<double> out(size());
        span().copyTo(out.data());
        return out;
    }
    [[nodiscard]] std::size_t capacity() const {
        return m_double ? m_d.capacity() : m_f.capacity();
    }
    /// Heap bytes of the storage.
    [[nodiscard]] std::size_t heapBytes() const {
        return m_d.capacity() * sizeof(double) + m_f.capacity() * sizeof(float);
    }
    /// Calls `f` with the storage vector (const std::vector<float>& or <double>&).
    template <typename F>
    void visitStorage(F&& f) const {
        if (m_double)
            f(m_d);
        else
            f(m_f);
    }

    // Writing.
    /// Appends `v`. Inline for the common case (float storage, `v` exact as a float: a handful of
    /// instructions per value of a loader's hot loop); NaN, doubles and the switch out of line.
    void push_back(double v) {
        if (!m_double) {
            const auto f = static_cast<float>(v);
            if (static_cast<double>(f) == v) {
                m_f.push_back(f);
                return;
            }
        }
        pushBackRare(v);
    }
    /// Sets entry `i` (i < size()).
    void set(std::size_t i, double v) {
        if (!m_double && !exactAsFloat(v)) toDouble(m_f.capacity());
        if (m_double)
            m_d[i] = v;
        else
            m_f[i] = static_cast<float>(v);
    }
    void reserve(std::size_t n) {
        if (m_double)
            m_d.reserve(n);
        else
            m_f.reserve(n);
    }
    /// Resizes, new entries `value`.
    void resize(std::size_t n, double value = 0.0) {
        if (!m_double && !exactAsFloat(value)) toDouble(n);
        if (m_double)
            m_d.resize(n, value);
        else
            m_f.resize(n, static_cast<float>(value));
    }
    void clear() {
        std::vector<float>().swap(m_f);
        std::vector<double>().swap(m_d);
        m_double = false;
    }
    void shrink_to_fit() {  // NOLINT(readability-identifier-naming): the standard name.
        m_f.shrink_to_fit();
        m_d.shrink_to_fit();
    }

    friend bool operator==(const ValueColumn& a, const ValueColumn& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
    friend bool operator==(const ValueColumn& a, const std::vector<double>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    template <typename Values>
    void assignFrom(const Values& values) {
        m_double = !std::all_of(values.begin(), values.end(), exactAsFloat);
        if (m_double) {
            m_d.assign(values.begin(), values.end());
            return;
        }
        m_f.reserve(values.size());
        for (const double v : values) m_f.push_back(static_cast<float>(v));
    }
    // push_back's other cases: a NaN kept as a float, a double, or the switch to doubles.
    [[gnu::noinline]] void pushBackRare(double v) {
        if (!m_double) {
            if (exactAsFloat(v)) {
                m_f.push_back(static_cast<float>(v));
                return;
            }
            toDouble(std::max(m_f.capacity(), m_f.size() + 1));
        }
        m_d.push_back(v);
    }
    // Switches to double storage with room for `capacity` values.
    void toDouble(std::size_t capacity) {
        m_d.reserve(std::max(capacity, m_f.size()));
        m_d.assign(m_f.begin(), m_f.end());
        std::vector<float>().swap(m_f);
        m_double = true;
    }

    std::vector<float> m_f;
    std::vector<double> m_d;
    bool m_double = false;
};

}  // namespace curvedoctor::core
