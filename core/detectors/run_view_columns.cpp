#include "core/detectors/run_view_columns.h"

#include <algorithm>
#include <mutex>

#include "core/huge_pages.h"

namespace curvedoctor::core {

namespace {

// Huge-page regions kept for the next column copies: every diagnosis unpacks its run's columns
// and lets them go, and a reused region costs neither page faults nor the kernel zeroing its
// pages again (bench_detectors, packed runs: most of the time went there). At most four are
// kept; a larger one replaces the smallest.
class RegionPool {
public:
    ~RegionPool() {
        for (const Region& r : m_free) unmapHugePages(r.data, r.length);
    }
    void* take(std::size_t bytes, std::size_t& length) {
        {
            const std::lock_guard lock(m_mutex);
            for (std::size_t i = 0; i < m_free.size(); ++i) {
                if (m_free[i].length < bytes) continue;
                void* data = m_free[i].data;
                length = m_free[i].length;
                m_free.erase(m_free.begin() + static_cast<std::ptrdiff_t>(i));
                return data;
            }
        }
        return mapHugePages(bytes, length);
    }
    void give(void* data, std::size_t length) {
        Region r{data, length};
        {
            const std::lock_guard lock(m_mutex);
            if (m_free.size() < kKept) {
                m_free.push_back(r);
                return;
            }
            auto smallest = std::min_element(
                m_free.begin(), m_free.end(),
                [](const Region& a, const Region& b) { return a.length < b.length; });
            if (smallest->length < r.length) std::swap(*smallest, r);
        }
        unmapHugePages(r.data, r.length);
    }

private:
    struct Region {
        void* data;
        std::size_t length;
    };
    static constexpr std::size_t kKept = 4;
    std::mutex m_mutex;
    std::vector<Region> m_free;
};

RegionPool& regionPool() {
    static RegionPool pool;
    return pool;
}

}  // namespace

template <typename T>
ColumnCopy<T>::ColumnCopy(const PackedColumn<T>& column) : m_size(column.size()) {
    const std::size_t bytes = m_size * sizeof(T);
    if (bytes >= kHugePage) m_region = regionPool().take(bytes, m_length);
    if (m_region) {
        m_data = static_cast<T*>(m_region);
    } else {
        m_small.resize(m_size);
        m_data = m_small.data();
    }
    column.copyTo(m_data);
}

template <typename T>
ColumnCopy<T>::~ColumnCopy() {
    if (m_region) regionPool().give(m_region, m_length);
}

template class ColumnCopy<std::int64_t>;
template class ColumnCopy<double>;

template <typename T>
std::shared_ptr<const ColumnCopy<T>> ColumnCopies::find(std::vector<Made<T>>& made,
                                                        const PackedColumn<T>& column) {
    for (const Made<T>& m : made)
        if (samePieces(*m.column, column)) return m.copy;
    made.push_back({&column, std::make_shared<const ColumnCopy<T>>(column)});
    return made.back().copy;
}

std::shared_ptr<const ColumnCopy<std::int64_t>> ColumnCopies::of(
    const PackedColumn<std::int64_t>& column) {
    return find(m_steps, column);
}

std::shared_ptr<const ColumnCopy<double>> ColumnCopies::of(const PackedColumn<double>& column) {
    return find(m_doubles, column);
}

}  // namespace curvedoctor::core
