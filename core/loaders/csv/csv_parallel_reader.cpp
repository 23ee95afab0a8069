#include "core/loaders/csv/csv_parallel_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string_view>

#include "core/file_stream.h"

namespace curvedoctor::core {

struct CsvParsedRow {
    std::size_t firstCell;
    std::size_t cells;
    std::size_t fieldCount;
    std::int64_t line;  // counted from 0 at the chunk's start.
    std::size_t end;    // input offset just past the row.
    bool unterminated;
};

struct CsvParsedChunk {
    std::unique_ptr<char[]> bytes;  // whole lines (all that is left, for the last chunk).
    std::size_t capacity = 0;       // of `bytes`.
    std::size_t size = 0;
    std::size_t offset = 0;  // input offset of bytes[0].
    bool last = false;
    // Set by the thread that parses it, read by the caller once `parsed`.
    bool parsed = false;
    bool overran = false;  // a quoted field runs past its end: the rows are not to be used.
    std::int64_t lines = 0;
    std::vector<CsvCell> cells;
    std::vector<CsvParsedRow> rows;
    std::deque<std::string> unescaped;  // the text of quoted cells that held "" escapes.
};

namespace {

// `prefix`, then what `rest` still holds.
class PrefixedStream final : public ByteStream {
public:
    PrefixedStream(std::string prefix, ByteStream* rest, bool restAtEnd, std::uint64_t expected)
        : m_prefix(std::move(prefix)), m_rest(rest), m_restAtEnd(restAtEnd), m_expected(expected) {}
    std::size_t read(char* out, std::size_t n) override {
        if (m_at < m_prefix.size()) {
            const std::size_t count = std::min(n, m_prefix.size() - m_at);
            std::memcpy(out, m_prefix.data() + m_at, count);
            m_at += count;
            return count;
        }
        if (m_restAtEnd || m_rest == nullptr) return 0;
        const std::size_t count = m_rest->read(out, n);
        m_restAtEnd = count == 0;
        return count;
    }
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_expected; }

private:
    std::string m_prefix;
    ByteStream* m_rest;
    bool m_restAtEnd;
    std::uint64_t m_expected;
    std::size_t m_at = 0;
};

bool parseSize(std::string_view text, std::size_t& out) {
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && p == text.data() + text.size();
}

}  // namespace

CsvParallelSettings csvParallelSettings() {
    CsvParallelSettings settings;
    const char* env = std::getenv("CURVEDOCTOR_CSV_PARALLEL");
    if (env == nullptr) return settings;
    const std::string_view text(env);
    if (text == "off") {
        settings.minBytes = SIZE_MAX;
        return settings;
    }
    std::size_t values[3] = {settings.minBytes, settings.chunkBytes, settings.threads};
    std::size_t from = 0;
    for (std::size_t& value : values) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        if (from < text.size() && !parseSize(text.substr(from, comma - from), value)) break;
        from = comma + 1;
    }
    settings.minBytes = values[0];
    settings.chunkBytes = std::max<std::size_t>(values[1], 16);
    settings.threads = static_cast<unsigned>(std::min<std::size_t>(values[2], 64));
    return settings;
}

std::unique_ptr<ParallelCsvReader> ParallelCsvReader::start(CsvReader& reader, std::size_t maxCells,
                                                            const CsvParallelSettings& settings) {
    if (reader.size() < settings.minBytes || settings.minBytes == SIZE_MAX) return nullptr;
    if (settings.threads == 0 && std::thread::hardware_concurrency() <= 1) return nullptr;
    CsvReaderRest rest = reader.handOver();
    if (rest.stream == nullptr) return nullptr;  // not streamed: handOver() left it as it was.
    return std::make_unique<ParallelCsvReader>(std::move(rest), maxCells, settings);
}

ParallelCsvReader::ParallelCsvReader(CsvReaderRest rest, std::size_t maxCells,
                                     const CsvParallelSettings& settings)
    : m_dialect(rest.dialect),
      m_decimalComma(rest.decimalComma),
      m_maxCells(maxCells),
      m_chunkBytes(std::max<std::size_t>(settings.chunkBytes, 16)),
      m_expectedSize(rest.stream->expectedSize()),
      m_nextOffset(rest.offset),
      m_lineBase(rest.line),
      m_offset(rest.offset) {
    m_source = std::make_unique<PrefixedStream>(std::move(rest.bytes), rest.stream,
                                                rest.streamAtEnd, m_expectedSize);
    const unsigned threads = settings.threads != 0
                                 ? settings.threads
                                 : std::max(1u, std::thread::hardware_concurrency());
    m_maxInFlight = std::size_t{threads} + 2;
    for (unsigned t = 0; t < threads; ++t) m_workers.emplace_back([this] { work(); });
}

ParallelCsvReader::~ParallelCsvReader() {
    stopWorkers();
}

std::size_t ParallelCsvReader::size() const {
    if (m_serial) return m_serial->size();
    return std::max(static_cast<std::size_t>(m_expectedSize), m_offset);
}

void ParallelCsvReader::stopWorkers() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_workers.clear();  // joins them.
}

// Called with m_mutex held: the stream is read by one thread at a time, in order. Like
// CsvReader::refill: the partial line left over starts the chunk, and the chunk ends at its
// last whole line (it grows until it holds one, or the input ends).
std::unique_ptr<CsvParsedChunk> ParallelCsvReader::readChunk() {
    // A chunk consumed before is used again, its buffers kept: new ones would cost their page
    // faults again (a third of the CPU time, measured on the 2M-step file).
    std::unique_ptr<CsvParsedChunk> chunk;
    if (m_spare.empty()) {
        chunk = std::make_unique<CsvParsedChunk>();
    } else {
        chunk = std::move(m_spare.back());
        m_spare.pop_back();
        chunk->parsed = chunk->overran = false;
        chunk->cells.clear();
        chunk->rows.clear();
        chunk->unescaped.clear();
    }
    std::size_t capacity = std::max(m_chunkBytes, m_carry.size() + m_chunkBytes / 2);
    if (chunk->capacity < capacity) {
        chunk->bytes.reset(new char[capacity]);
        chunk->capacity = capacity;
    }
    capacity = chunk->capacity;
    std::size_t filled = m_carry.size();
    std::memcpy(chunk->bytes.get(), m_carry.data(), filled);
    std::size_t end = 0;
    for (;;) {
        if (filled == capacity) {
            std::unique_ptr<char[]> wider(new char[capacity * 2]);
            std::memcpy(wider.get(), chunk->bytes.get(), filled);
            chunk->bytes = std::move(wider);
            capacity *= 2;
            chunk->capacity = capacity;
        }
        while (filled < capacity && !m_sourceAtEnd) {
            const std::size_t n = m_source->read(chunk->bytes.get() + filled, capacity - filled);
            filled += n;
            m_sourceAtEnd = n == 0;
        }
        end = m_sourceAtEnd ? filled : csvWholeLinesEnd(chunk->bytes.get(), filled);
        if (end > 0 || m_sourceAtEnd) break;
    }
    m_carry.assign(chunk->bytes.get() + end, filled - end);
    chunk->size = end;
    chunk->offset = m_nextOffset;
    chunk->last = m_sourceAtEnd;
    m_nextOffset += end;
    return chunk;
}

void ParallelCsvReader::parse(CsvParsedChunk& chunk) const {
    const std::string_view bytes(chunk.bytes.get(), chunk.size);
    CsvReader reader(bytes, m_dialect, m_decimalComma, chunk.offset, chunk.last);
    std::vector<CsvCell>& cells = chunk.cells;  // the reader appends each row's.
    // Sized once for a chunk of short numbers (a Lightning cell is 11 bytes with its comma),
    // so that it does not grow by doubling, each size faulting in new pages.
    cells.reserve(chunk.size / 8);
    chunk.rows.reserve(chunk.size / 64);
    const std::less<const char*> before;
    std::size_t first = 0;
    while (reader.next(cells, m_maxCells)) {
        chunk.rows.push_back({first, cells.size() - first, reader.fieldCount(), reader.line(),
                              reader.offset(), reader.rowUnterminated()});
        for (std::size_t i = reader.rowHasUnescapedText() ? first : cells.size(); i < cells.size();
             ++i) {
            // Unescaped quoted text lives in the reader until its next row: keep a copy.
            CsvCell& cell = cells[i];
            const char* text = cell.text.data();
            if (!cell.text.empty() &&
                (before(text, bytes.data()) || !before(text, bytes.data() + bytes.size())))
                cell.text = chunk.unescaped.emplace_back(cell.text);
        }
        first = cells.size();
    }
    chunk.overran = reader.overran();
    chunk.lines = reader.nextLine();
}

void ParallelCsvReader::work() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock,
                       [this] { return m_stop || m_allRead || m_chunks.size() < m_maxInFlight; });
        if (m_stop || m_allRead) return;
        CsvParsedChunk& chunk = *m_chunks.emplace_back(readChunk());
        m_allRead = chunk.last;
        lock.unlock();
        parse(chunk);
        lock.lock();
        chunk.parsed = true;
        m_changed.notify_all();
    }
}

// The front chunk starts a row but ends inside a quoted field, so the chunks after it were cut
// inside quotes: its bytes and all read after them are read again by a serial reader, from the
// front chunk's start.
void ParallelCsvReader::readSeriallyFromHere() {
    stopWorkers();
    std::string prefix;
    for (const auto& chunk : m_chunks) prefix.append(chunk->bytes.get(), chunk->size);
    prefix += m_carry;
    const std::size_t offset = m_chunks.front()->offset;
    m_chunks.clear();
    m_replay = std::make_unique<PrefixedStream>(std::move(prefix), m_source.get(), m_sourceAtEnd,
                                                m_expectedSize);
    m_serial =
        std::make_unique<CsvReader>(*m_replay, m_dialect, m_decimalComma, offset, m_lineBase);
}

bool ParallelCsvReader::next(std::vector<CsvCell>& cells, std::size_t maxCells) {
    if (m_serial) {
        const bool got = m_serial->next(cells, maxCells);
        m_cells = cells;
        m_fieldCount = m_serial->fieldCount();
        m_unterminated = m_serial->rowUnterminated();
        m_rowLine = m_serial->line();
        m_offset = m_serial->offset();
        return got;
    }
    cells.clear();
    m_cells = {};
    m_fieldCount = 0;
    while (!m_finished) {
        if (m_current == nullptr) {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_chunks.empty() && m_chunks.front()->parsed; });
            m_current = m_chunks.front().get();
        }
        const CsvParsedChunk* chunk = m_current;
        if (chunk->overran) {
            readSeriallyFromHere();
            return next(cells, maxCells);
        }
        if (m_row < chunk->rows.size()) {
            const CsvParsedRow& row = chunk->rows[m_row++];
            m_cells = std::span<const CsvCell>(chunk->cells).subspan(row.firstCell, row.cells);
            m_fieldCount = row.fieldCount;
            m_unterminated = row.unterminated;
            m_rowLine = m_lineBase + row.line;
            m_offset = row.end;
            return true;
        }
        // The chunk is done: the next one starts where it ends.
        m_lineBase += chunk->lines;
        m_offset = chunk->offset + chunk->size;
        m_finished = chunk->last;
        m_row = 0;
        m_current = nullptr;
        {
            const std::lock_guard lock(m_mutex);
            m_spare.push_back(std::move(m_chunks.front()));
            m_chunks.pop_front();
        }
        m_changed.notify_all();
    }
    return false;
}

}  // namespace curvedoctor::core
