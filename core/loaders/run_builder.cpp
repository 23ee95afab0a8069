#include "core/loaders/run_builder.h"

#include <cmath>

namespace curvedoctor::core {

std::size_t RunBuilder::series(std::string_view name) {
    if (auto it = m_index.find(name); it != m_index.end()) return it->second;
    Slot slot;
    slot.name = std::string(name);
    slot.data = &m_run.metrics[slot.name];  // std::map nodes never move.
    m_slots.push_back(std::move(slot));
    m_index.emplace(std::string(name), m_slots.size() - 1);
    return m_slots.size() - 1;
}

void RunBuilder::add(std::size_t index, std::int64_t step, double value, double epoch,
                     double wallTime, std::int64_t line, std::int64_t byteOffset) {
    Slot& slot = m_slots[index];
    Series& s = *slot.data;
    if (!s.steps.empty() && step <= slot.lastStep) {
        // One place (a line or a record) counts once, however many series it touches.
        if (line != m_lastOrderLine || byteOffset != m_lastOrderOffset) {
            m_lastOrderLine = line;
            m_lastOrderOffset = byteOffset;
            if (m_stepOrderPlaces++ < kMaxStepOrderWarnings) {
                std::string where = m_context.empty() ? std::string() : m_context + ": ";
                m_run.warnings.push_back(
                    {line, byteOffset,
                     where + "step " + std::to_string(step) + " of '" + slot.name +
                         "' comes after step " + std::to_string(slot.lastStep) +
                         " (steps repeat or go back, as when an aborted run is appended "
                         "before a restart); every point is kept"});
            }
        }
    }
    slot.lastStep = step;
    s.steps.push_back(step);
    s.values.push_back(value);
    s.epochs.push_back(epoch);
    s.wallTimes.push_back(wallTime);
    slot.hasEpoch = slot.hasEpoch || !std::isnan(epoch);
    slot.hasWallTime = slot.hasWallTime || !std::isnan(wallTime);
    ++m_points;
}

void RunBuilder::warn(std::int64_t line, std::int64_t byteOffset, std::string message) {
    if (m_generalWarnings++ < kMaxWarnings) {
        m_run.warnings.push_back({line, byteOffset, std::move(message)});
    } else {
        ++m_extraWarnings;
    }
}

Run RunBuilder::finish() {
    for (Slot& slot : m_slots) {
        if (!slot.hasEpoch) slot.data->epochs.clear();
        if (!slot.hasWallTime) slot.data->wallTimes.clear();
    }
    if (m_stepOrderPlaces > kMaxStepOrderWarnings) {
        m_run.warnings.push_back(
            {0, -1,
             std::to_string(m_stepOrderPlaces - kMaxStepOrderWarnings) +
                 " more places where steps repeat or go back; every point is kept"});
    }
    if (m_extraWarnings > 0) {
        m_run.warnings.push_back(
            {0, -1, std::to_string(m_extraWarnings) + " more warnings like the ones above"});
    }
    Run out = std::move(m_run);
    m_run = Run{};
    m_slots.clear();
    m_index.clear();
    m_points = 0;
    m_extraWarnings = 0;
    m_stepOrderPlaces = 0;
    m_generalWarnings = 0;
    m_lastOrderLine = -1;
    m_lastOrderOffset = -2;
    return out;
}

}  // namespace curvedoctor::core
