#include "core/loaders/csv/csv_run_builder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>

#include "core/loaders/csv/csv_head.h"
#include "core/loaders/csv/csv_parallel_reader.h"
#include "core/loaders/run_builder.h"
#include "core/sniff_head.h"

namespace curvedoctor::core {
namespace {

// The bytes the dialect is sniffed from: whole lines only, the first line always (an 8,000-column
// header is longer than 64 KiB; sniffed cut, a header would be judged by its first fields only),
// then as many whole lines as end within kSniffBytes. A line cut at the window's end would look
// ragged; a row of a million fields is not read whole just to sniff.
std::string_view dialectHead(std::string_view bytes) {
    const std::size_t lineEnd = bytes.find('\n');
    if (lineEnd == std::string_view::npos) return bytes;
    const std::size_t window = std::min(bytes.size(), kSniffBytes);
    const std::size_t lastEnd = bytes.substr(0, window).rfind('\n');
    const std::size_t end =
        lastEnd == std::string_view::npos ? lineEnd : std::max(lineEnd, lastEnd);
    return bytes.substr(0, end + 1);
}

// Enough to show where a file goes wrong without burying the user in a line per cell.
constexpr std::size_t kMaxListedWarnings = 20;
// Bytes of rows read before sizing the columns: enough to see which columns are sparse
// (Lightning) and how long a row is. A smaller file is read with columns that grow.
constexpr std::size_t kGrowthSampleBytes = std::size_t{1} << 20;
constexpr std::int64_t kProgressEveryRows = 1 << 16;
// Seconds since 1970 stay below 1e11 until the year 5138; milliseconds since 1973 are above it.
constexpr double kMillisecondsThreshold = 1e11;
// Doubles beyond this cannot become an int64 step.
constexpr double kMaxStep = 9.0e18;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kTornLine =
    "last line has no line end, possibly still being written; not loaded";

// `text` fit for a one-line message: quoted, at most 40 characters, control characters
// (a quoted cell may hold line breaks) shown as spaces.
std::string quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 40;
    std::string out = "'";
    for (const char c : text.substr(0, kMaxShown))
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
    if (text.size() > kMaxShown) out += "...";
    return out + "'";
}

constexpr std::size_t kNoSeries = static_cast<std::size_t>(-1);

struct Column {
    // The metric's series in the RunBuilder, made when the column gets its first point
    // (Builder::seriesOf): a header of a million columns costs no series for the columns that
    // hold nothing.
    std::size_t series = kNoSeries;
    std::size_t texts = 0;
};

struct CellWarning {
    std::int64_t line;
    std::size_t column;
    std::string text;
};

class Builder {
public:
    Builder(const LoadInput& input, const CsvTableSpec& spec) : m_input(input), m_spec(spec) {
        m_b.allowRepeatedSteps();
    }

    LoadResult run() {
        CsvDialect dialect;
        if (m_spec.dialect) {
            dialect = *m_spec.dialect;
        } else {
            std::size_t fields = 0;
            if (!sniffCsvDialect(dialectHead(m_input.bytes), dialect, fields)) {
                m_result.error =
                    "not a delimited table: the first lines do not split into the "
                    "same number of columns";
                return std::move(m_result);
            }
        }
        // European spreadsheets separate with ';' because ',' is their decimal mark.
        const bool decimalComma = !dialect.whitespace && dialect.delimiter == ';';
        CsvReader reader = m_input.stream != nullptr
                               ? CsvReader(*m_input.stream, dialect, decimalComma)
                               : CsvReader(m_input.bytes, dialect, decimalComma);
        if (!readHeader(reader)) return std::move(m_result);
        setUpColumns();
        readRows(reader);
        finish();
        return std::move(m_result);
    }

private:
    void warn(LoadWarningCode code, std::int64_t line, std::string message) {
        m_b.warn(code, line, -1, std::move(message));
    }

    bool readHeader(CsvReader& reader) {
        if (!m_spec.columnNames.empty()) {
            m_names = m_spec.columnNames;
            return true;
        }
        if (!reader.next(m_cells)) {
            m_result.error = "no header line (the file holds only blank or comment lines)";
            return false;
        }
        m_headerLine = reader.line();
        for (std::size_t i = 0; i < m_cells.size(); ++i) {
            std::string name(m_cells[i].text);
            if (name.empty()) {
                if (i == 0) m_unnamedFirstColumn = true;
                name = "column_" + std::to_string(i + 1);
            }
            m_names.push_back(std::move(name));
        }
        for (auto& name : m_names) {
            for (const auto& [from, to] : m_spec.renames)
                if (name == from) name = to;
        }
        makeNamesUnique();
        return true;
    }

    // Two columns with one name would share one series; every column gets a name of its own.
    // Copy n of a name becomes `name_<k>`, k counting up from n past every name already taken,
    // whether the header spells it (`a,a,a_2`: the second `a` is `a_3`) or a rename gave it.
    void makeNamesUnique() {
        {
            std::vector<std::string_view> sorted(m_names.begin(), m_names.end());
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return;
        }
        std::set<std::string> taken(m_names.begin(), m_names.end());
        std::set<std::string> used;
        std::map<std::string, std::pair<int, int>> seen;  // name -> (copies, last suffix).
        for (auto& name : m_names) {
            if (used.insert(name).second) continue;
            auto& [copies, suffix] = seen.try_emplace(name, 1, 1).first->second;
            ++copies;
            std::string renamed;
            do {
                renamed = name + "_" + std::to_string(++suffix);
            } while (taken.count(renamed) > 0);
            warn(LoadWarningCode::DuplicateColumn, m_headerLine,
                 "column " + quoted(name) + " appears more than once; copy " +
                     std::to_string(copies) + " loaded as " + quoted(renamed));
            taken.insert(renamed);
            used.insert(renamed);
            name = std::move(renamed);
        }
    }

    void setUpColumns() {
        m_stepCol = findColumn(m_names, m_spec.stepColumns);
        // pandas writes its row index as a first column without a name.
        if (m_stepCol < 0 && m_unnamedFirstColumn) m_stepCol = 0;
        m_epochCol = findColumn(m_names, m_spec.epochColumns);
        m_wallCol = findColumn(m_names, m_spec.wallTimeColumns);
        m_columns.resize(m_names.size());
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            const int idx = static_cast<int>(i);
            const bool axis = idx == m_stepCol || idx == m_wallCol ||
                              (idx == m_epochCol && !m_spec.epochIsMetric);
            const bool skipped =
                m_names[i].empty() || findColumn({m_names[i]}, m_spec.skipColumns) == 0;
            if (axis || skipped) continue;
            m_metricCols.push_back(i);
        }
    }

    // Sizes the columns for the rows of the whole input, from the bytes the first `rowsSeen`
    // rows took: a dense 2-million-row file fills its columns without reallocation (a column
    // that doubles touches twice its size), and a sparse column does not reserve what it never
    // uses. Done after the first megabyte and again halfway: the first rows are a little
    // shorter than later ones (their steps have fewer digits: 87 bytes against 90 in a 2M-step
    // Lightning log), so the first guess is a little high, and one too low is put right
    // halfway (a copy of half the column instead of a doubling at the end).
    template <typename Reader>
    void expectRows(const Reader& reader, std::int64_t rowsSeen) {
        const std::size_t read = reader.offset() - m_dataStart;
        const std::size_t all = reader.size() - m_dataStart;
        m_nextSizing = read < all / 2 ? all / 2 : SIZE_MAX;
        const double factor = static_cast<double>(all) / static_cast<double>(read);
        m_b.expectGrowth(factor, static_cast<std::size_t>(static_cast<double>(rowsSeen) * factor));
    }

    // A number, or the numerator of an `e/N` fraction; false for anything else.
    static bool axisValue(const CsvCell& cell, double& value) {
        if (cell.kind == CsvCellKind::Number) {
            value = cell.number;
            return true;
        }
        std::int64_t numerator = 0;
        if (cell.kind == CsvCellKind::Text && parseEpochFraction(cell.text, numerator)) {
            value = static_cast<double>(numerator);
            return true;
        }
        return false;
    }

    bool stepOf(std::int64_t line, std::int64_t rowIndex, std::int64_t& step) {
        if (m_stepCol < 0) {
            step = rowIndex;
            return true;
        }
        double v = kNaN;
        const auto col = static_cast<std::size_t>(m_stepCol);
        if (col < m_row.size() && axisValue(m_row[col], v) && stepFromNumber(line, v, step))
            return true;
        if (!m_b.wouldList(LoadWarningCode::NoStep)) {
            m_b.countUnlisted(LoadWarningCode::NoStep, 1);
        } else {
            const std::string_view text = col < m_row.size() ? m_row[col].text : "";
            warn(LoadWarningCode::NoStep, line,
                 "no usable step in column " + quoted(m_names[col]) + " (" + quoted(text) +
                     "); row skipped");
        }
        return false;
    }

    // The step a number in the step column stands for; false when it cannot be one.
    bool stepFromNumber(std::int64_t line, double v, std::int64_t& step) {
        if (!std::isfinite(v) || std::fabs(v) >= kMaxStep) return false;
        step = static_cast<std::int64_t>(v);
        if (static_cast<double>(step) == v) return true;
        step = std::llround(v);
        if (static_cast<double>(step) != v && !m_warnedFractionalStep) {
            m_warnedFractionalStep = true;
            warn(LoadWarningCode::FractionalStep, line,
                 "step column " + quoted(m_names[static_cast<std::size_t>(m_stepCol)]) +
                     " holds fractional values; steps are rounded");
        }
        return true;
    }

    double axisColumn(int col, bool wallTime) const {
        double v = kNaN;
        if (col < 0 || static_cast<std::size_t>(col) >= m_row.size()) return kNaN;
        if (!axisValue(m_row[static_cast<std::size_t>(col)], v)) return kNaN;
        if (wallTime && v > kMillisecondsThreshold) v /= 1000.0;
        return v;
    }

    // A big streamed table is tokenised and parsed on several cores (ParallelCsvReader hands out
    // the very rows CsvReader would); the rows are built here in file order either way.
    void readRows(CsvReader& reader) {
        if (auto parallel =
                ParallelCsvReader::start(reader, m_names.size(), csvParallelSettings())) {
            readRowsFrom(*parallel);
        } else {
            readRowsFrom(reader);
        }
    }

    template <typename Reader>
    void readRowsFrom(Reader& reader) {
        std::int64_t rowIndex = 0;
        std::int64_t nextProgress = kProgressEveryRows;
        const bool withEpochs = m_epochCol >= 0;
        const bool withWall = m_wallCol >= 0;
        m_dataStart = reader.offset();
        m_nextSizing = kGrowthSampleBytes;
        while (reader.next(m_cells, m_names.size())) {
            m_row = cellsOf(reader);
            const std::int64_t line = reader.line();
            if (reader.rowUnterminated()) {
                m_tornLine = line;
                warn(LoadWarningCode::CutShort, line, kTornLine);
                break;
            }
            const std::int64_t index = rowIndex++;
            if (reader.offset() - m_dataStart >= m_nextSizing) expectRows(reader, index);
            if (input().progress && rowIndex >= nextProgress) {
                nextProgress += kProgressEveryRows;
                if (!input().progress(static_cast<double>(reader.offset()) /
                                      static_cast<double>(reader.size()))) {
                    m_result.cancelled = true;
                    break;
                }
            }
            if (reader.fieldCount() > m_names.size()) extraFields(line, reader.fieldCount());
            std::int64_t step = 0;
            if (!stepOf(line, index, step)) continue;
            const double epoch = withEpochs ? axisColumn(m_epochCol, false) : kNaN;
            const double wall = withWall ? axisColumn(m_wallCol, true) : kNaN;
            m_b.beginRow(step, line, epoch, wall);
            const std::size_t n = m_row.size();
            for (const std::size_t i : m_metricCols) {
                if (i >= n) break;
                const CsvCell& cell = m_row[i];
                double value = cell.number;
                if (cell.kind != CsvCellKind::Number) {
                    if (cell.kind == CsvCellKind::Empty) continue;
                    if (cell.kind == CsvCellKind::Text) {
                        textCell(line, i);
                        continue;
                    }
                    if (m_spec.missingIsGap) continue;
                    value = kNaN;
                }
                m_b.addToRow(seriesOf(i), value);
            }
        }
        m_rows = rowIndex;
    }

    // The cells of the row just read: in m_cells, or in the parallel reader's parsed chunk (not
    // copied: 8 cells of 32 bytes per row of a 2M-step log are 512 MB to copy).
    std::span<const CsvCell> cellsOf(const CsvReader&) const { return m_cells; }
    static std::span<const CsvCell> cellsOf(const ParallelCsvReader& reader) {
        return reader.cells();
    }

    std::size_t seriesOf(std::size_t column) {
        Column& col = m_columns[column];
        if (col.series == kNoSeries) col.series = m_b.series(m_names[column]);
        return col.series;
    }

    static bool isEmpty(const Column& col) { return col.series == kNoSeries; }

    void extraFields(std::int64_t line, std::size_t fields) {
        if (!m_b.wouldList(LoadWarningCode::ExtraFields)) {
            m_b.countUnlisted(LoadWarningCode::ExtraFields, 1);
            return;
        }
        warn(LoadWarningCode::ExtraFields, line,
             std::to_string(fields) + " fields but " + std::to_string(m_names.size()) +
                 " columns; extra fields ignored");
    }

    void textCell(std::int64_t line, std::size_t column) {
        ++m_columns[column].texts;
        if (m_cellWarnings.size() < kMaxListedWarnings * 4)
            m_cellWarnings.push_back({line, column, quoted(m_row[column].text)});
    }

    void finish() {
        std::size_t texts = 0;  // cells of text in the columns that load.
        for (const std::size_t i : m_metricCols) {
            const Column& col = m_columns[i];
            if (isEmpty(col) && col.texts > 0) {
                warn(LoadWarningCode::TextColumn, m_headerLine,
                     "column " + quoted(m_names[i]) + " holds text, not numbers; not loaded");
            }
        }
        for (const std::size_t i : m_metricCols)
            if (!isEmpty(m_columns[i])) texts += m_columns[i].texts;
        for (const auto& w : m_cellWarnings) {
            const Column& col = m_columns[w.column];
            if (isEmpty(col)) continue;
            warn(LoadWarningCode::NotANumber, w.line,
                 w.text + " in column " + quoted(m_names[w.column]) + " is not a number; skipped");
            --texts;
        }
        m_b.countUnlisted(LoadWarningCode::NotANumber, texts);
        m_run = m_b.finish();
        std::stable_sort(m_run.warnings.begin(), m_run.warnings.end(),
                         [](const LoadWarning& a, const LoadWarning& b) {
                             return (a.line == 0 ? INT64_MAX : a.line) <
                                    (b.line == 0 ? INT64_MAX : b.line);
                         });
        if (m_run.metrics.empty()) {
            if (m_result.cancelled) return;
            m_result.error =
                m_rows == 0 && m_tornLine > 0
                    ? "no complete data row: line " + std::to_string(m_tornLine) + ": " + kTornLine
                : m_rows == 0
                    ? "no data rows after the header"
                    : "no column holds numbers (" + std::to_string(m_rows) + " rows read)";
            if (!m_run.warnings.empty() && m_rows > 0)
                m_result.error += "; line " + std::to_string(m_run.warnings.front().line) + ": " +
                                  m_run.warnings.front().message;
            return;
        }
        m_result.runs.push_back(std::move(m_run));
    }

    const LoadInput& input() const { return m_input; }

    const LoadInput& m_input;
    const CsvTableSpec& m_spec;
    LoadResult m_result;
    RunBuilder m_b;
    Run m_run;  // m_b's, once finished.
    std::vector<CsvCell> m_cells;
    std::span<const CsvCell> m_row;  // the data row being built.
    std::vector<std::string> m_names;
    std::vector<Column> m_columns;
    std::vector<std::size_t> m_metricCols;
    std::vector<CellWarning> m_cellWarnings;
    std::int64_t m_headerLine = 0;
    std::size_t m_dataStart = 0;   // input offset of the first data row.
    std::size_t m_nextSizing = 0;  // bytes of rows after which the columns are sized again.
    std::int64_t m_rows = 0;
    int m_stepCol = -1;
    int m_epochCol = -1;
    int m_wallCol = -1;
    bool m_unnamedFirstColumn = false;
    bool m_warnedFractionalStep = false;
    std::int64_t m_tornLine = 0;  // the unterminated last line left out, if any.
};

}  // namespace

LoadResult loadCsvTable(const LoadInput& input, const CsvTableSpec& spec) {
    return Builder(input, spec).run();
}

}  // namespace curvedoctor::core
