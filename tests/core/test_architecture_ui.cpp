// ui/ reads as parts with edges that go one way: no two ui units (a .h/.cpp pair) include each
// other, directly or around a loop (MainWindow and the comparison features once did, through 14
// accessors). Reads the sources only, so it needs no Qt.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Graph = std::map<std::string, std::set<std::string>>;

// "ui/chart/metric_chart" for ui/chart/metric_chart.{h,cpp}.
Graph uiIncludeGraph() {
    const fs::path root(CURVEDOCTOR_SOURCE_DIR);
    const std::regex include(R"re(^\s*#\s*include\s*"(ui/[^"]+)\.(h|cpp)")re");
    Graph g;
    for (const auto& e : fs::recursive_directory_iterator(root / "ui")) {
        const auto ext = e.path().extension();
        if (!e.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        const std::string unit = fs::relative(e.path(), root).replace_extension().generic_string();
        auto& edges = g[unit];
        std::ifstream in(e.path());
        std::string line;
        std::smatch m;
        while (std::getline(in, line)) {
            if (std::regex_search(line, m, include) && m[1] != unit) edges.insert(m[1]);
        }
    }
    return g;
}

// Depth-first search; a back edge closes a cycle, returned as the path around it.
bool findCycle(const Graph& g, const std::string& u, std::map<std::string, int>& state,
               std::vector<std::string>& path) {
    state[u] = 1;
    path.push_back(u);
    if (const auto it = g.find(u); it != g.end()) {
        for (const std::string& v : it->second) {
            if (state[v] == 1) {
                path.push_back(v);
                return true;
            }
            if (state[v] == 0 && findCycle(g, v, state, path)) return true;
        }
    }
    path.pop_back();
    state[u] = 2;
    return false;
}

TEST(Architecture, UiUnitsIncludeEachOtherOneWayOnly) {
    const Graph g = uiIncludeGraph();
    EXPECT_GT(g.size(), 20u);
    std::map<std::string, int> state;
    for (const auto& [unit, edges] : g) {
        std::vector<std::string> path;
        if (state[unit] == 0 && findCycle(g, unit, state, path)) {
            std::string loop;
            for (const auto& p : path) loop += p + " -> ";
            ADD_FAILURE() << "include loop: " << loop;
            return;
        }
    }
}

}  // namespace
