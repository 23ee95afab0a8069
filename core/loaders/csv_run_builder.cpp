#include "core/loaders/csv_run_builder.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "core/huge_pages.h"
#include "core/loaders/csv_head.h"
#include "core/loaders/csv_window.h"
#include "core/sniff_head.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace curvedoctor::core {
namespace {

// Enough to show where a file goes wrong without burying the user in a line per cell.
constexpr std::size_t kMaxListedWarnings = 20;
// Rows read before sizing the columns: enough to see which columns are sparse (Lightning).
constexpr std::int64_t kDensitySampleRows = 256;
constexpr std::int64_t kProgressEveryRows = 1 << 16;
// Rows of plain numbers parsed per block: a few kilobytes per column, so the block stays in L1.
constexpr std::size_t kBlockRows = 256;
// Seconds since 1970 stay below 1e11 until the year 5138; milliseconds since 1973 are above it.
constexpr double kMillisecondsThreshold = 1e11;
// Doubles beyond this cannot become an int64 step.
constexpr double kMaxStep = 9.0e18;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A large column is written once, front to back. Backing it with transparent huge pages cuts
// the page faults of filling it 512-fold; on a 100 MB file those faults were a fifth of the
// load time. Only advice: where the kernel declines, nothing changes.

// A capacity of at least `n` whose block can be all huge pages. glibc serves a large block by
// its own mmap, 16 bytes of header in front and the length rounded to 4 KiB, and Linux puts a
// mapping whose length is a whole number of 2 MiB pages at a 2 MiB boundary; any other length
// leaves up to 2 MiB at each end in 4 KiB pages (about 7,000 page faults on the benchmark file,
// a tenth of its load time). Elsewhere the extra capacity is harmless: under one huge page.
// Rounding a column up to whole huge pages may add at most 1/24 (4.2%) of it: with the 2% margin
// of a streamed file's row estimate that stays under the 1/16 of spare Series::shrinkToFit
// keeps, so the column is never copied after loading. (A 6.4 MB column would round up to 8 MB.)
constexpr std::size_t kMaxRoundingShare = 24;

template <typename T>
std::size_t hugePageCapacity(std::size_t n) {
    constexpr std::size_t kMallocOverhead = 32;  // the header, and the rounding of the request.
    const std::size_t bytes = n * sizeof(T);
    if (bytes < 2 * kHugePage) return n;
    const std::size_t block = (bytes + kMallocOverhead + kHugePage - 1) & ~(kHugePage - 1);
    if (block - bytes > bytes / kMaxRoundingShare) return n;
    return (block - kMallocOverhead) / sizeof(T);
}

template <typename T>
void reserveInHugePages(std::vector<T>& v, std::size_t n) {
    v.reserve(hugePageCapacity<T>(n));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Whole huge pages only, except that the block's own 16-byte header may share the first.
    constexpr std::uintptr_t kMask = kHugePage - 1;
    constexpr std::uintptr_t kSlack = 32;
    const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t end = begin + v.capacity() * sizeof(T);
    const std::uintptr_t adviseBegin =
        (begin & kMask) <= kSlack ? begin & ~kMask : (begin + kMask) & ~kMask;
    const std::uintptr_t adviseEnd =
        (-end & kMask) <= kSlack ? (end + kMask) & ~kMask : end & ~kMask;
    if (adviseEnd > adviseBegin)
        madvise(reinterpret_cast<void*>(adviseBegin), adviseEnd - adviseBegin, MADV_HUGEPAGE);
#endif
}

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

struct Column {
    std::string name;
    Series* series = nullptr;  // null: not a metric.
    std::size_t texts = 0;
    std::int64_t lastStep = 0;
    std::int64_t backwardsLine = 0;  // first line where this column's step went down.
    std::int64_t backwardsFrom = 0;
    std::int64_t backwardsTo = 0;
    // False while every point sits on the table's rows in order, from the first: the steps are
    // then the table's (m_tableSteps), shared at the end instead of copied per column.
    bool ownSteps = false;
};

struct CellWarning {
    std::int64_t line;
    std::size_t column;
    std::string text;
};

class Builder {
public:
    Builder(const LoadInput& input, const CsvTableSpec& spec) : m_input(input), m_spec(spec) {}

    LoadResult run() {
        CsvDialect dialect;
        if (m_spec.dialect) {
            dialect = *m_spec.dialect;
        } else {
            std::size_t fields = 0;
            if (!sniffCsvDialect(sniffHead(m_input.bytes), dialect, fields)) {
                m_result.error =
                    "not a delimited table: the first lines do not split into the "
                    "same number of columns";
                return std::move(m_result);
            }
        }
        std::string_view text = m_input.bytes;
        if (m_input.file != nullptr) {
            // Streamed: the reader sees one window of the file at a time (see readRows).
            m_window.emplace(*m_input.file, m_spec.streamWindowBytes);
            std::string error;
            if (!m_window->start(error)) {
                m_result.error = "cannot read the file: " + error;
                return std::move(m_result);
            }
            text = std::string_view(m_window->begin(),
                                    static_cast<std::size_t>(m_window->end() - m_window->begin()));
        }
        // European spreadsheets separate with ';' because ',' is their decimal mark.
        CsvReader reader(text, dialect, !dialect.whitespace && dialect.delimiter == ';');
        if (!readHeader(reader)) return std::move(m_result);
        setUpColumns();
        readRows(reader);
        finish();
        return std::move(m_result);
    }

private:
    void warn(std::int64_t line, std::string message) {
        m_run.warnings.push_back(LoadWarning{line, -1, std::move(message)});
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
        // Two columns with one name would overwrite each other; keep both, renamed.
        std::map<std::string, int> seen;
        for (auto& name : m_names) {
            const int n = ++seen[name];
            if (n > 1) {
                const std::string renamed = name + "_" + std::to_string(n);
                warn(m_headerLine, "column " + quoted(name) + " appears more than once; copy " +
                                       std::to_string(n) + " loaded as " + quoted(renamed));
                name = renamed;
            }
        }
        return true;
    }

    void setUpColumns() {
        m_stepCol = findColumn(m_names, m_spec.stepColumns);
        // pandas writes its row index as a first column without a name.
        if (m_stepCol < 0 && m_unnamedFirstColumn) m_stepCol = 0;
        m_epochCol = findColumn(m_names, m_spec.epochColumns);
        m_wallCol = findColumn(m_names, m_spec.wallTimeColumns);
        m_columns.resize(m_names.size());
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            Column& col = m_columns[i];
            col.name = m_names[i];
            const int idx = static_cast<int>(i);
            const bool axis = idx == m_stepCol || idx == m_wallCol ||
                              (idx == m_epochCol && !m_spec.epochIsMetric);
            const bool skipped =
                col.name.empty() || findColumn({col.name}, m_spec.skipColumns) == 0;
            if (axis || skipped) continue;
            col.series = &m_run.metrics[col.name];
            m_metricCols.push_back(i);
        }
    }

    // Sizes every column from the line count and the density seen so far, so a dense
    // 2-million-row file is filled without reallocation (and its exact size needs no shrinking
    // copy), while a sparse column does not reserve what it never uses.
    void reserveColumns(std::int64_t rowsSeen, std::int64_t rows) {
        m_reserved = true;
        reserveInHugePages(m_tableSteps, static_cast<std::size_t>(rows));
        for (const std::size_t i : m_metricCols) {
            Series& s = *m_columns[i].series;
            const auto seen = static_cast<std::int64_t>(s.values.size());
            const std::size_t n =
                seen == rowsSeen - 1
                    ? static_cast<std::size_t>(rows)
                    : static_cast<std::size_t>(static_cast<double>(rows) *
                                               (static_cast<double>(seen) + 1.0) /
                                               static_cast<double>(rowsSeen) * 1.1) +
                          16;
            if (m_columns[i].ownSteps) reserveInHugePages(s.steps.mutableVector(), n);
            reserveInHugePages(s.values, n);
            if (m_epochCol >= 0) reserveInHugePages(s.epochs, n);
            if (m_wallCol >= 0) reserveInHugePages(s.wallTimes, n);
        }
    }

    // The data rows to size the columns for, `rowsRead` of them read so far, the first of the
    // current block (`rowsSeen` counting it) on `currentLine`: the lines after it, counted in a
    // file in memory; in a streamed one estimated from the line lengths so far and in
    // stretches sampled through the file, with a small margin (a column that runs out of room
    // still grows, at the cost of a copy).
    std::int64_t expectedRows(std::int64_t rowsSeen, std::int64_t currentLine,
                              std::int64_t rowsRead, const CsvReader& reader) const {
        if (!m_window) {
            const std::string_view bytes = m_input.bytes;
            const bool unterminated =
                !bytes.empty() && bytes.back() != '\n' && bytes.back() != '\r';
            const auto lines =
                static_cast<std::int64_t>(countLineBreaks(bytes)) + (unterminated ? 1 : 0);
            return rowsSeen + std::max<std::int64_t>(0, lines - currentLine);
        }
        // The head is left out when there are samples: a log's first lines are often shorter
        // (fewer step digits) than the rest.
        const std::uint64_t offset = m_window->offsetOf(reader.position());
        const double sampled = m_window->sampledBytesPerLine();
        const double bytesPerLine = sampled > 0 ? sampled : headBytesPerLine(reader);
        return rowsRead + linesAfter(offset, bytesPerLine);
    }

    // Lines after file offset `offset` in a streamed file at `bytesPerLine`, with a margin.
    std::int64_t linesAfter(std::uint64_t offset, double bytesPerLine) const {
        constexpr double kMargin = 1.02;
        const double rest =
            static_cast<double>(m_window->fileSize() - std::min(offset, m_window->fileSize()));
        return static_cast<std::int64_t>(rest / std::max(1.0, bytesPerLine) * kMargin) + 16;
    }

    double headBytesPerLine(const CsvReader& reader) const {
        return static_cast<double>(m_window->offsetOf(reader.position())) /
               static_cast<double>(std::max<std::int64_t>(1, reader.line()));
    }

    // A streamed file's columns were sized by an estimate; when the rows outgrow it, they are
    // sized again from the line length so far (one copy, instead of doubling at each overflow).
    void ensureRoom(std::size_t rows, std::int64_t rowIndex, const CsvReader& reader) {
        if (!m_window || !m_reserved || m_tableSteps.size() + rows <= m_tableSteps.capacity())
            return;
        const std::uint64_t offset = m_window->offsetOf(reader.position());
        reserveColumns(rowIndex + 1, rowIndex + static_cast<std::int64_t>(rows) +
                                         linesAfter(offset, headBytesPerLine(reader)));
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
        if (col < m_cells.size() && axisValue(m_cells[col], v) && stepFromNumber(line, v, step))
            return true;
        if (m_skippedRows++ < kMaxListedWarnings) {
            const std::string_view text = col < m_cells.size() ? m_cells[col].text : "";
            warn(line, "no usable step in column " + quoted(m_names[col]) + " (" + quoted(text) +
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
            warn(line, "step column " + quoted(m_names[static_cast<std::size_t>(m_stepCol)]) +
                           " holds fractional values; steps are rounded");
        }
        return true;
    }

    double axisColumn(int col, bool wallTime) const {
        double v = kNaN;
        if (col < 0 || static_cast<std::size_t>(col) >= m_cells.size()) return kNaN;
        if (!axisValue(m_cells[static_cast<std::size_t>(col)], v)) return kNaN;
        if (wallTime && v > kMillisecondsThreshold) v /= 1000.0;
        return v;
    }

    void readRows(CsvReader& reader) {
        std::int64_t rowIndex = 0;
        std::int64_t nextProgress = kProgressEveryRows;
        const bool withEpochs = m_epochCol >= 0;
        const bool withWall = m_wallCol >= 0;
        // Runs of rows of plain numbers in every column are read a block at a time, without
        // cells (see nextPlainRows); anything else a row at a time.
        const std::size_t fields = m_names.size();
        std::vector<double> block(fields * kBlockRows);
        std::size_t plainWait = 0;
        std::size_t plainPenalty = 0;
        for (;;) {
            // The first block ends where the density sample does, so columns are sized there.
            const auto wanted = static_cast<std::size_t>(
                rowIndex < kDensitySampleRows ? kDensitySampleRows - rowIndex : kBlockRows);
            if (m_window && !m_window->atFileEnd() &&
                m_window->end() - reader.position() < m_window->refillBelow() &&
                !refill(reader, reader.mark()))
                break;
            // After a row the fast path declined, it sits out a few rows, more after each
            // refusal in a row: a table it never fits costs it one attempt in 64 rows.
            std::size_t plainRows = 0;
            if (plainWait > 0) {
                --plainWait;
            } else {
                plainRows = reader.nextPlainRows(block.data(), fields, kBlockRows, wanted);
                plainPenalty = plainRows > 0 ? 0 : std::min<std::size_t>(2 * plainPenalty + 1, 63);
                plainWait = plainPenalty;
            }
            if (plainRows == 0) {
                const CsvReader::Mark before = reader.mark();
                const bool read = reader.next(m_cells);
                if (m_window && !m_window->atFileEnd() &&
                    (reader.position() == reader.bufferEnd() || reader.ranIntoEnd())) {
                    // The row may go on past what has been read: read more, then it again.
                    if (!refill(reader, before)) break;
                    continue;
                }
                if (!read) break;
            }
            const auto rows = static_cast<std::int64_t>(std::max<std::size_t>(plainRows, 1));
            const std::int64_t line = reader.line() - rows + 1;  // of the first row read.
            const std::int64_t index = rowIndex;
            rowIndex += rows;
            if (index == kDensitySampleRows)
                reserveColumns(index + 1, expectedRows(index + 1, line, rowIndex, reader));
            if (input().progress && rowIndex >= nextProgress) {
                nextProgress = rowIndex - rowIndex % kProgressEveryRows + kProgressEveryRows;
                if (!input().progress(fractionRead(reader))) {
                    m_result.cancelled = true;
                    break;
                }
            }
            if (plainRows > 0) {
                ensureRoom(plainRows, index, reader);
                readPlainRows(block.data(), plainRows, line, index);
                continue;
            }
            if (m_cells.size() > m_names.size()) extraFields(line);
            std::int64_t step = 0;
            if (!stepOf(line, index, step)) continue;
            ensureRoom(1, index, reader);
            m_tableSteps.push_back(step);
            const double epoch = withEpochs ? axisColumn(m_epochCol, false) : kNaN;
            const double wall = withWall ? axisColumn(m_wallCol, true) : kNaN;
            const std::size_t n = m_cells.size();
            for (const std::size_t i : m_metricCols) {
                if (i >= n) break;
                const CsvCell& cell = m_cells[i];
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
                addPoint(line, i, step, value, epoch, wall);
            }
        }
        m_rows = rowIndex;
    }

    // Moves the window on so that it starts at `from` (the reader goes back there).
    bool refill(CsvReader& reader, CsvReader::Mark from) {
        std::string error;
        if (!m_window->refill(from.pos, error)) {
            m_result.error = "cannot read the file: " + error;
            return false;
        }
        // The kept bytes, from `from` on, now start the window.
        reader.reset({m_window->begin(), from.line});
        reader.rebase(m_window->begin(), m_window->begin(), m_window->end());
        return true;
    }

    double fractionRead(const CsvReader& reader) const {
        if (!m_window)
            return static_cast<double>(reader.offset()) / static_cast<double>(reader.size());
        return static_cast<double>(m_window->offsetOf(reader.position())) /
               static_cast<double>(std::max<std::uint64_t>(1, m_window->fileSize()));
    }

    // `rows` rows of plain numbers in every column, column-major in `block` (stride
    // kBlockRows), the first at `line` with data row index `index`: the same as the general
    // path with every cell a Number, appended a column at a time.
    void readPlainRows(const double* block, std::size_t rows, std::int64_t line,
                       std::int64_t index) {
        const double* stepColumn = m_stepCol >= 0 ? block + column(m_stepCol) : nullptr;
        bool integral = true;
        for (std::size_t r = 0; r < rows; ++r) {
            if (stepColumn == nullptr) {
                m_steps[r] = index + static_cast<std::int64_t>(r);
                continue;
            }
            const double v = stepColumn[r];
            m_steps[r] = static_cast<std::int64_t>(std::fabs(v) < kMaxStep ? v : 0.0);
            integral &= static_cast<double>(m_steps[r]) == v;
        }
        if (!integral) {
            // A fractional or huge step somewhere: the row-at-a-time path says which.
            std::vector<double> row(m_names.size());
            for (std::size_t r = 0; r < rows; ++r) {
                for (std::size_t j = 0; j < row.size(); ++j) row[j] = block[j * kBlockRows + r];
                readPlainRow(line + static_cast<std::int64_t>(r),
                             index + static_cast<std::int64_t>(r), row.data());
            }
            return;
        }
        const std::int64_t* steps = m_steps.data();
        m_tableSteps.insert(m_tableSteps.end(), steps, steps + rows);
        std::size_t firstBackwards = rows;  // the first row whose step is below the one before.
        for (std::size_t r = 1; r < rows && firstBackwards == rows; ++r)
            if (steps[r] < steps[r - 1]) firstBackwards = r;
        const double* epochs = m_epochCol >= 0 ? block + column(m_epochCol) : nullptr;
        const double* wall = nullptr;
        if (m_wallCol >= 0) {
            const double* raw = block + column(m_wallCol);
            for (std::size_t r = 0; r < rows; ++r)
                m_wall[r] = raw[r] > kMillisecondsThreshold ? raw[r] / 1000.0 : raw[r];
            wall = m_wall.data();
        }
        for (const std::size_t i : m_metricCols) {
            Column& col = m_columns[i];
            Series& s = *col.series;
            if (col.backwardsLine == 0) {
                const std::size_t r =
                    !s.values.empty() && steps[0] < col.lastStep ? 0 : firstBackwards;
                if (r < rows) {
                    col.backwardsLine = line + static_cast<std::int64_t>(r);
                    col.backwardsFrom = r == 0 ? col.lastStep : steps[r - 1];
                    col.backwardsTo = steps[r];
                }
            }
            col.lastStep = steps[rows - 1];
            if (!col.ownSteps && s.values.size() + rows != m_tableSteps.size()) takeOwnSteps(col);
            if (col.ownSteps) s.steps.insert(s.steps.end(), steps, steps + rows);
            const double* values = block + column(static_cast<int>(i));
            s.values.insert(s.values.end(), values, values + rows);
            if (epochs != nullptr) s.epochs.insert(s.epochs.end(), epochs, epochs + rows);
            if (wall != nullptr) s.wallTimes.insert(s.wallTimes.end(), wall, wall + rows);
        }
    }

    static std::size_t column(int index) { return static_cast<std::size_t>(index) * kBlockRows; }

    // One row whose every column is a plain number: the same as the general path with every
    // cell a Number, without building cells.
    void readPlainRow(std::int64_t line, std::int64_t index, const double* row) {
        std::int64_t step = index;
        if (m_stepCol >= 0 && !stepFromNumber(line, row[m_stepCol], step)) {
            // Only a step beyond +-9e18, like `1e20`: say which.
            if (m_skippedRows++ < kMaxListedWarnings) {
                char text[32];
                const auto end = std::to_chars(text, text + sizeof text, row[m_stepCol]).ptr;
                warn(line,
                     "no usable step in column " +
                         quoted(m_names[static_cast<std::size_t>(m_stepCol)]) + " (" +
                         quoted(std::string_view(text, static_cast<std::size_t>(end - text))) +
                         "); row skipped");
            }
            return;
        }
        const double epoch = m_epochCol >= 0 ? row[m_epochCol] : kNaN;
        double wall = m_wallCol >= 0 ? row[m_wallCol] : kNaN;
        if (wall > kMillisecondsThreshold) wall /= 1000.0;
        m_tableSteps.push_back(step);
        for (const std::size_t i : m_metricCols) addPoint(line, i, step, row[i], epoch, wall);
    }

    void addPoint(std::int64_t line, std::size_t column, std::int64_t step, double value,
                  double epoch, double wall) {
        Column& col = m_columns[column];
        Series& s = *col.series;
        if (step < col.lastStep && col.backwardsLine == 0 && !s.values.empty()) {
            col.backwardsLine = line;
            col.backwardsFrom = col.lastStep;
            col.backwardsTo = step;
        }
        col.lastStep = step;
        if (!col.ownSteps && s.values.size() + 1 != m_tableSteps.size()) takeOwnSteps(col);
        if (col.ownSteps) s.steps.push_back(step);
        s.values.push_back(value);
        if (m_epochCol >= 0) s.epochs.push_back(epoch);
        if (m_wallCol >= 0) s.wallTimes.push_back(wall);
    }

    // A column that missed a row: from now on it keeps steps of its own, starting with the
    // table rows it had a point on (all of the first ones).
    void takeOwnSteps(Column& col) {
        Series& s = *col.series;
        std::vector<std::int64_t>& own = s.steps.mutableVector();
        reserveInHugePages(own, s.values.capacity());
        own.assign(m_tableSteps.begin(), m_tableSteps.begin() + static_cast<long>(s.values.size()));
        col.ownSteps = true;
    }

    // Gives every column that never missed a row the table's steps: one block, shared.
    void shareTableSteps() {
        auto shared = std::make_shared<std::vector<std::int64_t>>(std::move(m_tableSteps));
        for (const std::size_t i : m_metricCols) {
            Column& col = m_columns[i];
            if (col.ownSteps) continue;
            Series& s = *col.series;
            if (s.values.size() == shared->size()) {
                s.steps = StepColumn(shared);
            } else {
                // It stopped before the table's last row: its steps are the first ones.
                s.steps.mutableVector().assign(
                    shared->begin(), shared->begin() + static_cast<long>(s.values.size()));
            }
        }
    }

    void extraFields(std::int64_t line) {
        if (m_extraFieldRows++ >= kMaxListedWarnings) return;
        warn(line, std::to_string(m_cells.size()) + " fields but " +
                       std::to_string(m_names.size()) + " columns; extra fields ignored");
    }

    void textCell(std::int64_t line, std::size_t column) {
        ++m_columns[column].texts;
        if (m_cellWarnings.size() < kMaxListedWarnings * 4)
            m_cellWarnings.push_back({line, column, quoted(m_cells[column].text)});
    }

    void finish() {
        shareTableSteps();
        std::size_t unlisted = 0;
        std::size_t listed = 0;
        for (const std::size_t i : m_metricCols) {
            const Column& col = m_columns[i];
            if (col.series->empty() && col.texts > 0) {
                warn(m_headerLine,
                     "column " + quoted(col.name) + " holds text, not numbers; not loaded");
            }
            if (col.backwardsLine > 0) {
                warn(col.backwardsLine, quoted(col.name) + " goes back from step " +
                                            std::to_string(col.backwardsFrom) + " to " +
                                            std::to_string(col.backwardsTo) +
                                            " (a restarted or resumed run?); every point is kept");
            }
        }
        for (const auto& w : m_cellWarnings) {
            const Column& col = m_columns[w.column];
            if (col.series->empty()) continue;
            if (listed++ < kMaxListedWarnings) {
                warn(w.line,
                     w.text + " in column " + quoted(col.name) + " is not a number; skipped");
            }
        }
        for (const std::size_t i : m_metricCols) {
            const Column& col = m_columns[i];
            if (!col.series->empty()) unlisted += col.texts;
        }
        unlisted -= std::min(unlisted, std::min(listed, kMaxListedWarnings));
        if (unlisted > 0)
            warn(0, std::to_string(unlisted) + " more non-numeric cells skipped (not listed)");
        if (m_skippedRows > kMaxListedWarnings)
            warn(0, std::to_string(m_skippedRows - kMaxListedWarnings) +
                        " more rows without a usable step skipped (not listed)");
        for (const std::size_t i : m_metricCols) {
            if (m_columns[i].series->empty()) m_run.metrics.erase(m_columns[i].name);
        }
        std::stable_sort(m_run.warnings.begin(), m_run.warnings.end(),
                         [](const LoadWarning& a, const LoadWarning& b) {
                             return (a.line == 0 ? INT64_MAX : a.line) <
                                    (b.line == 0 ? INT64_MAX : b.line);
                         });
        if (m_run.metrics.empty()) {
            if (m_result.cancelled) return;
            m_result.error =
                m_rows == 0 ? "no data rows after the header"
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
    Run m_run;
    std::vector<CsvCell> m_cells;
    std::vector<std::int64_t> m_tableSteps;          // the step of every row read, in order.
    std::optional<CsvWindow> m_window;               // set when the file is streamed.
    bool m_reserved = false;  // columns sized (after the density sample).
    std::array<std::int64_t, kBlockRows> m_steps{};  // one plain block's steps.
    std::array<double, kBlockRows> m_wall{};         // and its wall times in seconds.
    std::vector<std::string> m_names;
    std::vector<Column> m_columns;
    std::vector<std::size_t> m_metricCols;
    std::vector<CellWarning> m_cellWarnings;
    std::int64_t m_headerLine = 0;
    std::int64_t m_rows = 0;
    std::size_t m_skippedRows = 0;
    std::size_t m_extraFieldRows = 0;
    int m_stepCol = -1;
    int m_epochCol = -1;
    int m_wallCol = -1;
    bool m_unnamedFirstColumn = false;
    bool m_warnedFractionalStep = false;
};

}  // namespace

LoadResult loadCsvTable(const LoadInput& input, const CsvTableSpec& spec) {
    return Builder(input, spec).run();
}

}  // namespace curvedoctor::core
