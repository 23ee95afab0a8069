#pragma once
/// \file run_view_columns.h
/// Contiguous copies of packed columns for the curves of a RunView (run_view.h): the detectors
/// read a curve's steps and epochs as spans.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/packed_column.h"

namespace curvedoctor::core {

/// A packed column unpacked into one contiguous region: huge pages from 2 MiB up, because on
/// this kind of virtual machine the first touch of every 4 KiB page of a fresh buffer costs
/// microseconds (core/huge_pages.h), which made unpacking a million-step column cost more than
/// every detector together (bench_detectors).
template <typename T>
class ColumnCopy {
public:
    explicit ColumnCopy(const PackedColumn<T>& column);
    ~ColumnCopy();
    ColumnCopy(const ColumnCopy&) = delete;
    ColumnCopy& operator=(const ColumnCopy&) = delete;
    [[nodiscard]] std::span<const T> entries() const { return {m_data, m_size}; }

private:
    std::vector<T> m_small;  // below a huge page, or where the kernel gave none
    T* m_data = nullptr;
    std::size_t m_size = 0;
    void* m_region = nullptr;
    std::size_t m_length = 0;
};

/// Contiguous copies of a run's packed columns, one per distinct column: the columns of one
/// table share a block, and series logged on the same steps (TensorBoard's train/loss, train/lr,
/// ...) pack into the same pieces, so their curves share one copy.
class ColumnCopies {
public:
    std::shared_ptr<const ColumnCopy<std::int64_t>> of(const PackedColumn<std::int64_t>& column);
    std::shared_ptr<const ColumnCopy<double>> of(const PackedColumn<double>& column);

private:
    template <typename T>
    struct Made {
        const PackedColumn<T>* column;
        std::shared_ptr<const ColumnCopy<T>> copy;
    };
    template <typename T>
    static std::shared_ptr<const ColumnCopy<T>> find(std::vector<Made<T>>& made,
                                                     const PackedColumn<T>& column);
    std::vector<Made<std::int64_t>> m_steps;
    std::vector<Made<double>> m_doubles;
};

}  // namespace curvedoctor::core
