#include "core/loaders/run_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace curvedoctor::core {
namespace {

// Loading a 100 MB log writes tens of MB of fresh series memory. Touching it page by page costs
// one page fault per 4 KiB, and in a virtual machine those faults cost as much as the parsing
// (measured with bench_jsonl). Large reserved buffers are therefore faulted in with one call,
// as huge pages where the kernel allows. Linux only; elsewhere, or when the kernel says no,
// the pages are faulted in on first use as usual.
template <typename T>
void prefault(const std::vector<T>& v) {
#if defined(__linux__)
    constexpr std::uintptr_t kPage = 4096;
    constexpr std::size_t kWorthIt = 256U << 10;  // below this the faults are few
    const std::size_t bytes = v.capacity() * sizeof(T);
    if (bytes < kWorthIt) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t first = (begin + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kPage - 1);
    if (last <= first) return;
#if defined(MADV_HUGEPAGE)
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
#if defined(MADV_POPULATE_WRITE)
    madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#endif
#else
    (void)v;
#endif
}

// The count of a summary line finish() wrote ("3 more places where steps ..."), 0 for others.
std::size_t summaryCount(const LoadWarning& w) {
    if (w.line != 0 || w.byteOffset != -1) return 0;
    const std::string_view more = info(w.code).more;
    const std::string_view text = w.message;
    const std::size_t space = text.find(' ');
    if (space == 0 || space == std::string_view::npos || text.substr(space + 1) != more) return 0;
    std::size_t n = 0;
    for (const char c : text.substr(0, space)) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

template <typename T>
void reserveLarge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    prefault(v);
}

void reserveLarge(ValueColumn& v, std::size_t n) {
    v.reserve(n);
    v.visitStorage([](const auto& storage) { prefault(storage); });
}

// An optional column started at its first known entry: NaN for the points before it.
std::vector<double>* startColumn(PackedColumn<double>& column, const ValueColumn& values) {
    std::vector<double>& v = column.mutableVector();
    reserveLarge(v, values.capacity());
    v.assign(values.size(), std::numeric_limits<double>::quiet_NaN());
    return &v;
}

}  // namespace

RunBuilder::RunBuilder(Run existing) : m_run(std::move(existing)) {
    m_slots.reserve(m_run.metrics.size());
    for (auto& [name, data] : m_run.metrics) {
        Slot slot;
        slot.name = name;
        slot.data = &data;
        // Appending needs the steps as this series' own (a column shared with other series of
        // one table is copied here, once).
        slot.steps = &data.steps.mutableVector();
        slot.lastStep = slot.steps->empty() ? 0 : slot.steps->back();
        if (data.hasEpochs()) slot.epochs = &data.epochs.mutableVector();
        if (data.hasWallTimes()) slot.wallTimes = &data.wallTimes.mutableVector();
        m_points += slot.steps->size();
        m_index.emplace(name, m_slots.size());
        m_slots.push_back(std::move(slot));
    }
    // Its warnings count towards the caps; its summary lines ("3 more ...") become counts again,
    // summarised once more by finish().
    auto& warnings = m_run.warnings;
    const auto summaries = std::remove_if(warnings.begin(), warnings.end(), [&](const auto& w) {
        const std::size_t n = summaryCount(w);
        Tally& tally = m_tally[static_cast<std::size_t>(w.code)];
        (n > 0 ? tally.unlisted : tally.listed) += n > 0 ? n : 1;
        return n > 0;
    });
    warnings.erase(summaries, warnings.end());
}

std::size_t RunBuilder::series(std::string_view name) {
    if (auto it = m_index.find(name); it != m_index.end()) return it->second;
    Slot slot;
    slot.name = std::string(name);
    slot.data = &m_run.metrics[slot.name];           // std::map nodes never move.
    slot.steps = &slot.data->steps.mutableVector();  // a new series shares nothing.
    slot.fresh = true;  // until its first point: on a row it joins a group (addToRow()).
    m_slots.push_back(std::move(slot));
    m_index.emplace(std::string(name), m_slots.size() - 1);
    return m_slots.size() - 1;
}

void RunBuilder::checkOrder(Slot& slot, std::int64_t step, std::int64_t line,
                            std::int64_t byteOffset) {
    if (!slot.data->values.empty() &&
        (step < slot.lastStep || (step == slot.lastStep && !m_repeatsAllowed))) {
        // One place (a line or a record) counts once, however many series it touches.
        if (line != m_lastOrderLine || byteOffset != m_lastOrderOffset) {
            m_lastOrderLine = line;
            m_lastOrderOffset = byteOffset;
            std::string where = m_context.empty() ? std::string() : m_context + ": ";
            warn(LoadWarningCode::StepOrder, line, byteOffset,
                 where + "step " + std::to_string(step) + " of '" + slot.name +
                     "' comes after step " + std::to_string(slot.lastStep) +
                     " (steps repeat or go back, as when an aborted run is appended "
                     "before a restart); every point is kept",
                 m_context);
        }
    }
    slot.lastStep = step;
}

void RunBuilder::pushValue(Slot& slot, double value, double epoch, double wallTime) {
    Series& s = *slot.data;
    // The optional columns start only with their first known entry (earlier points get NaN), so
    // formats without epochs or wall times never pay for them.
    if (slot.epochs != nullptr || !std::isnan(epoch)) {
        if (slot.epochs == nullptr) slot.epochs = startColumn(s.epochs, s.values);
        slot.epochs->push_back(epoch);
    }
    if (slot.wallTimes != nullptr || !std::isnan(wallTime)) {
        if (slot.wallTimes == nullptr) slot.wallTimes = startColumn(s.wallTimes, s.values);
        slot.wallTimes->push_back(wallTime);
    }
    s.values.push_back(value);
    ++m_points;
}

void RunBuilder::add(std::size_t index, std::int64_t step, double value, double epoch,
                     double wallTime, std::int64_t line, std::int64_t byteOffset) {
    Slot& slot = m_slots[index];
    slot.fresh = false;
    if (slot.group != kNoGroup) leaveGroup(slot);
    checkOrder(slot, step, line, byteOffset);
    slot.steps->push_back(step);
    pushValue(slot, value, epoch, wallTime);
}

namespace {
// A group's epochs or wall times start at the first row that knows one: NaN for the rows before.
// Once per row: inline (PackedColumn::append's common case is).
[[gnu::always_inline]] inline void pushGroupEntry(PackedColumn<double>& column, std::size_t& from,
                                                  std::size_t rows, double value) {
    if (column.empty()) {
        from = rows - 1;
        column.append(std::numeric_limits<double>::quiet_NaN(), rows - 1);
    }
    column.append(value);
}

// The first `n` entries of a group's `column` as a series' own column, or nothing when the group
// had not started it by then (no known entry among them, `from` >= n).
void copyGroupPrefix(PackedColumn<double>& column, const PackedColumn<double>& group,
                     std::size_t from, std::size_t n) {
    if (!group.empty() && from < n) column = group.prefix(n);
}

// As copyGroupPrefix, as a plain vector with room for `capacity` entries to go on with.
std::vector<double>* continueGroupPrefix(PackedColumn<double>& column,
                                         const PackedColumn<double>& group, std::size_t from,
                                         std::size_t n, std::size_t capacity) {
    if (group.empty() || from >= n) return nullptr;
    std::vector<double>& v = column.mutableVector();
    reserveLarge(v, capacity);
    v.resize(n);
    group.prefix(n).copyTo(v.data());
    return &v;
}
}  // namespace

// The first member of `g` on this row adds the row to the group.
void RunBuilder::pushGroupRow(RowGroup& g) {
    g.goesBack =
        g.rows > 0 && (m_rowStep < g.lastStep || (m_rowStep == g.lastStep && !m_repeatsAllowed));
    g.stepBefore = g.lastStep;
    g.lastStep = m_rowStep;
    g.steps.append(m_rowStep);
    ++g.rows;
    if (!g.epochs.empty() || !std::isnan(m_rowEpoch))
        pushGroupEntry(g.epochs, g.epochsFrom, g.rows, m_rowEpoch);
    if (!g.wallTimes.empty() || !std::isnan(m_rowWallTime))
        pushGroupEntry(g.wallTimes, g.wallTimesFrom, g.rows, m_rowWallTime);
    g.lastRow = m_row;
}

// A member of a group whose step goes back: the same warning as for a series on its own. The
// member is on every row so far (its point on this row is the group's last).
void RunBuilder::groupGoesBack(Slot& slot, const RowGroup& g) {
    slot.lastStep = g.stepBefore;
    checkOrder(slot, g.lastStep, m_rowLine, -1);
}

void RunBuilder::addOffGroup(Slot& slot, double value) {
    if (slot.fresh) {
        // Its first point: it joins the series that began on this row, or begins a group.
        slot.fresh = false;
        if (m_freshGroup == kNoGroup || m_freshGroupRow != m_row) {
            m_freshGroup = m_groups.size();
            m_freshGroupRow = m_row;
            m_groups.emplace_back();
            pushGroupRow(m_groups.back());
        }
        slot.group = m_freshGroup;
        ++m_groups[m_freshGroup].members;
        slot.data->values.push_back(value);
        ++m_points;
        return;
    }
    if (slot.group != kNoGroup) leaveGroup(slot);
    checkOrder(slot, m_rowStep, m_rowLine, -1);
    slot.steps->push_back(m_rowStep);
    pushValue(slot, value, m_rowEpoch, m_rowWallTime);
}

bool RunBuilder::rowsShared() const {
    return std::any_of(m_groups.begin(), m_groups.end(),
                       [](const RowGroup& g) { return g.members >= 2; });
}

// A series that missed a row of its group: from now on it keeps columns of its own, starting
// with the group's rows it had a point on (all of the first ones).
void RunBuilder::leaveGroup(Slot& slot) {
    RowGroup& g = m_groups[slot.group];
    Series& s = *slot.data;
    const std::size_t n = s.values.size();
    const std::size_t capacity = s.values.capacity();
    slot.steps->reserve(capacity);
    slot.steps->resize(n);
    if (n > 0) {
        g.steps.prefix(n).copyTo(slot.steps->data());
        slot.lastStep = (*slot.steps)[n - 1];
    }
    slot.epochs = continueGroupPrefix(s.epochs, g.epochs, g.epochsFrom, n, capacity);
    slot.wallTimes = continueGroupPrefix(s.wallTimes, g.wallTimes, g.wallTimesFrom, n, capacity);
    slot.group = kNoGroup;
    if (--g.members > 0) return;
    // Nobody left on its rows: its columns go now, not at the end of the load.
    g = RowGroup{};
    if (m_freshGroup == static_cast<std::size_t>(&g - m_groups.data())) m_freshGroup = kNoGroup;
}

// Gives the members of each group that are on all its rows the group's steps, epochs and wall
// times: one block each, shared; those that stopped early get the first entries.
void RunBuilder::shareGroupColumns() {
    std::vector<std::vector<Slot*>> members(m_groups.size());
    for (Slot& slot : m_slots)
        if (slot.group != kNoGroup) members[slot.group].push_back(&slot);
    for (std::size_t k = 0; k < m_groups.size(); ++k) {
        RowGroup& g = m_groups[k];
        const std::size_t rows = g.rows;
        for (Slot* slot : members[k]) {
            Series& s = *slot->data;
            const std::size_t n = s.values.size();
            if (n == rows) continue;
            s.steps = g.steps.prefix(n);
            copyGroupPrefix(s.epochs, g.epochs, g.epochsFrom, n);
            copyGroupPrefix(s.wallTimes, g.wallTimes, g.wallTimesFrom, n);
        }
        for (Slot* slot : members[k]) {
            if (slot->data->values.size() != rows) continue;
            slot->data->steps.shareWith(g.steps);
            if (g.epochsFrom < rows && !g.epochs.empty()) slot->data->epochs.shareWith(g.epochs);
            if (g.wallTimesFrom < rows && !g.wallTimes.empty())
                slot->data->wallTimes.shareWith(g.wallTimes);
        }
    }
    m_groups.clear();
    m_freshGroup = kNoGroup;
}

void RunBuilder::expectGrowth(double factor, std::size_t maxPoints) {
    if (!(factor > 1.0)) return;
    const auto sized = [&](std::size_t size) {
        const double want = static_cast<double>(size) * factor;
        return want >= static_cast<double>(maxPoints) ? maxPoints
                                                      : static_cast<std::size_t>(want) + 16;
    };
    // A group's columns that are still packed need no room; the plain ones do.
    const auto reservePlain = [&](auto& column, std::size_t n) {
        if (column.empty() || column.isPacked()) return;
        auto& v = column.mutableVector();
        if (n > v.capacity()) reserveLarge(v, n);
    };
    for (RowGroup& g : m_groups) {
        const std::size_t n = sized(g.rows);
        reservePlain(g.steps, n);
        reservePlain(g.epochs, n);
        reservePlain(g.wallTimes, n);
    }
    for (Slot& slot : m_slots) {
        Series& s = *slot.data;
        const std::size_t n = sized(s.values.size());
        if (n <= s.values.capacity()) continue;
        if (slot.group == kNoGroup) reserveLarge(*slot.steps, n);
        reserveLarge(s.values, n);
        if (slot.epochs != nullptr) reserveLarge(*slot.epochs, n);
        if (slot.wallTimes != nullptr) reserveLarge(*slot.wallTimes, n);
    }
}

void RunBuilder::warn(LoadWarningCode code, std::int64_t line, std::int64_t byteOffset,
                      std::string message, std::string file) {
    Tally& tally = m_tally[static_cast<std::size_t>(code)];
    if (tally.listed < info(code).listed) {
        ++tally.listed;
        m_run.warnings.push_back({line, byteOffset, std::move(message), code, std::move(file)});
    } else {
        ++tally.unlisted;
    }
}

void RunBuilder::countUnlisted(LoadWarningCode code, std::size_t n) {
    m_tally[static_cast<std::size_t>(code)].unlisted += n;
}

Run RunBuilder::finish() {
    shareGroupColumns();
    for (const LoadWarningInfo& row : loadWarningCodes()) {
        const std::size_t n = m_tally[static_cast<std::size_t>(row.code)].unlisted;
        if (n > 0)
            m_run.warnings.push_back(
                {0, -1, std::to_string(n) + " " + std::string(row.more), row.code, std::string()});
    }
    assignRoles(m_run);
    Run out = std::move(m_run);
    m_run = Run{};
    m_slots.clear();
    m_index.clear();
    m_points = 0;
    m_tally.assign(m_tally.size(), Tally{});
    m_lastOrderLine = -1;
    m_lastOrderOffset = -2;
    m_row = -1;
    m_rowLine = 0;
    return out;
}

}  // namespace curvedoctor::core
