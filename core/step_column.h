#pragma once
/// \file step_column.h
/// The steps of a series, shareable: the metrics of one table are usually logged on the same
/// rows, and then hold one step column between them instead of a copy each (a 5-metric CSV
/// costs 9.6 bytes per point instead of 16).
///
/// It reads like a `const std::vector<std::int64_t>` (and converts to one) and is written like
/// one; writing to a shared column first copies it (copy-on-write), so sharing is never visible.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace curvedoctor::core {

class StepColumn {
public:
    using value_type = std::int64_t;
    using size_type = std::size_t;
    using const_iterator = const std::int64_t*;
    using iterator = std::int64_t*;
    using const_reference = const std::int64_t&;
    using reference = std::int64_t&;

    StepColumn() = default;
    StepColumn(std::initializer_list<std::int64_t> steps)
        : StepColumn(std::vector<std::int64_t>(steps)) {}
    // NOLINTNEXTLINE(google-explicit-constructor): a vector of steps is a step column.
    StepColumn(std::vector<std::int64_t> steps)
        : m_data(steps.empty() ? nullptr
                               : std::make_shared<std::vector<std::int64_t>>(std::move(steps))) {}
    /// Shares `steps` (never written through this column without a copy first).
    explicit StepColumn(std::shared_ptr<std::vector<std::int64_t>> steps)
        : m_data(std::move(steps)) {}

    StepColumn& operator=(std::initializer_list<std::int64_t> steps) {
        return *this = StepColumn(steps);
    }
    StepColumn& operator=(std::vector<std::int64_t> steps) {
        return *this = StepColumn(std::move(steps));
    }

    // Reading.
    [[nodiscard]] const std::vector<std::int64_t>& vector() const {
        return m_data ? *m_data : none();
    }
    // NOLINTNEXTLINE(google-explicit-constructor): readable wherever a vector is.
    operator const std::vector<std::int64_t>&() const { return vector(); }
    [[nodiscard]] std::size_t size() const { return m_data ? m_data->size() : 0; }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] std::size_t capacity() const { return m_data ? m_data->capacity() : 0; }
    [[nodiscard]] const std::int64_t* data() const { return m_data ? m_data->data() : nullptr; }
    [[nodiscard]] const std::int64_t* begin() const { return data(); }
    [[nodiscard]] const std::int64_t* end() const { return data() + size(); }
    [[nodiscard]] const std::int64_t* cbegin() const { return begin(); }
    [[nodiscard]] const std::int64_t* cend() const { return end(); }
    [[nodiscard]] const std::int64_t& operator[](std::size_t i) const { return (*m_data)[i]; }
    [[nodiscard]] const std::int64_t& front() const { return m_data->front(); }
    [[nodiscard]] const std::int64_t& back() const { return m_data->back(); }
    /// True when both columns are one shared block.
    [[nodiscard]] bool sharedWith(const StepColumn& other) const {
        return m_data != nullptr && m_data == other.m_data;
    }
    /// How many columns share this one's block (0 when empty).
    [[nodiscard]] long useCount() const { return m_data.use_count(); }

    // Writing: the column is made this series' own first.
    std::vector<std::int64_t>& mutableVector() {
        if (!m_data) {
            m_data = std::make_shared<std::vector<std::int64_t>>();
        } else if (m_data.use_count() > 1) {
            m_data = std::make_shared<std::vector<std::int64_t>>(*m_data);
        }
        return *m_data;
    }
    std::int64_t* data() { return mutableVector().data(); }
    std::int64_t* begin() { return data(); }
    std::int64_t* end() {
        auto& v = mutableVector();
        return v.data() + v.size();
    }
    std::int64_t& operator[](std::size_t i) { return mutableVector()[i]; }
    void push_back(std::int64_t step) { mutableVector().push_back(step); }
    void reserve(std::size_t n) { mutableVector().reserve(n); }
    void resize(std::size_t n) { mutableVector().resize(n); }
    void resize(std::size_t n, std::int64_t value) { mutableVector().resize(n, value); }
    void clear() { m_data.reset(); }
    template <typename It>
    void insert(const std::int64_t* at, It first, It last) {
        const auto offset = at - begin();
        auto& v = mutableVector();
        v.insert(v.begin() + offset, first, last);
    }
    /// Releases spare capacity, in place even when shared (the steps do not change).
    void shrinkToFit() {
        if (m_data) m_data->shrink_to_fit();
    }

    friend bool operator==(const StepColumn& a, const StepColumn& b) {
        return a.vector() == b.vector();
    }
    friend bool operator==(const StepColumn& a, const std::vector<std::int64_t>& b) {
        return a.vector() == b;
    }

private:
    static const std::vector<std::int64_t>& none() {
        static const std::vector<std::int64_t> nothing;
        return nothing;
    }

    std::shared_ptr<std::vector<std::int64_t>> m_data;
};

}  // namespace curvedoctor::core
