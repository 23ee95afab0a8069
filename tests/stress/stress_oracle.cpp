#include "tests/stress/stress_oracle.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace curvedoctor::stress {

std::string checkLoadedRun(const LiveLog& log, const core::Run& run) {
    struct Expected {
        std::size_t record;
        ExpectedPoint point;
    };
    const std::size_t metricCount = log.metricNames.size();
    std::vector<std::vector<Expected>> expected(metricCount);
    for (std::size_t r = 0; r < log.records.size(); ++r)
        for (const ExpectedPoint& p : log.records[r]) expected[p.metric].push_back({r, p});

    std::vector<std::size_t> loadedCount(metricCount, 0);
    for (const auto& [name, series] : run.metrics) {
        const auto it = std::find(log.metricNames.begin(), log.metricNames.end(), name);
        if (it == log.metricNames.end()) {
            if (series.size() == 0) continue;  // e.g. a cut header's name with no data under it
            return "never written: metric '" + name + "' with " + std::to_string(series.size()) +
                   " points";
        }
        const auto m = static_cast<std::size_t>(it - log.metricNames.begin());
        const std::vector<Expected>& want = expected[m];
        if (series.size() > want.size())
            return "never written: '" + name + "' has " + std::to_string(series.size()) +
                   " points, " + std::to_string(want.size()) + " were written";
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (series.steps[i] != want[i].point.step || series.values[i] != want[i].point.value) {
                std::ostringstream s;
                s.precision(17);
                s << "wrong value: '" << name << "' point " << i << " is (step " << series.steps[i]
                  << ", " << series.values[i] << "), written (step " << want[i].point.step << ", "
                  << want[i].point.value << ")";
                return s.str();
            }
        }
        loadedCount[m] = series.size();
    }

    // Each metric's count allows K in [end of its last loaded point's record, its next point's
    // record]; an absent metric counts as zero points.
    std::size_t lo = 0;
    std::size_t hi = log.records.size();
    for (std::size_t m = 0; m < metricCount; ++m) {
        const std::size_t n = loadedCount[m];
        if (n > 0) lo = std::max(lo, expected[m][n - 1].record + 1);
        if (n < expected[m].size()) hi = std::min(hi, expected[m][n].record);
    }
    if (lo <= hi) return {};
    std::string counts;
    for (std::size_t m = 0; m < metricCount; ++m)
        counts += (m ? ", " : "") + log.metricNames[m] + "=" + std::to_string(loadedCount[m]);
    return "lengths: no prefix of the records gives these counts: " + counts;
}

}  // namespace curvedoctor::stress
