#pragma once
// What each folder of ../shared/realworld (real logs from public repositories, see its
// SOURCES.md) must load as: the table test_realworld.cpp checks. Each expectation was computed
// independently of this program (most by tests/data/scripts/realworld_expectations.py); the
// comment above each entry says how.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace curvedoctor::core::testing_support {

struct MetricExpect {
    std::string name;
    std::size_t count;
    std::int64_t firstStep;  ///< in file order.
    std::int64_t lastStep;   ///< in file order.
};

struct FolderExpect {
    FolderExpect(std::string folder_, std::string format_, std::size_t metricCount_,
                 std::vector<MetricExpect> metrics_)
        : folder(std::move(folder_)),
          format(std::move(format_)),
          metricCount(metricCount_),
          metrics(std::move(metrics_)) {}

    std::string folder;  ///< under realworld/.
    std::string format;  ///< loader id.
    std::size_t metricCount = 0;
    std::vector<MetricExpect> metrics;  ///< a subset of the metrics, checked in full.
};

/// Every folder of realworld/, in a fixed order.
const std::vector<FolderExpect>& realworldExpectations();

}  // namespace curvedoctor::core::testing_support
