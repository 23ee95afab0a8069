#pragma once
/// \file csv_parallel_reader.h
/// The rows of a big streamed table tokenised and parsed on several cores, handed out in file
/// order exactly as CsvReader hands them out: the same cells, line numbers, offsets, field
/// counts and torn last row.
///
/// Worker threads take turns reading the next chunk of whole lines from the stream (so the
/// stream is still read front to back, once, and its checks for a file rewritten meanwhile
/// still hold), then parse their chunk on their own; the caller takes the parsed chunks in
/// order. At most a few chunks are in flight, so memory stays bounded. A chunk is parsed as if
/// it started a row; that holds unless the chunk before it ended inside a quoted field (a line
/// break in quotes): from that chunk on, the rows are read again serially, by a CsvReader.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/loaders/csv/csv_table.h"

namespace curvedoctor::core {

/// When a streamed table is parsed in parallel, and how.
struct CsvParallelSettings {
    /// Inputs smaller than this are read serially. Measured on cut Lightning logs (session 15,
    /// a loaded 2-core machine): at 4 MiB the chunks' first use cost 10 ms of CPU on a 15 ms
    /// parse and no wall time was saved; at 16 MiB +12-35 ms on 43 ms, wall the same or less;
    /// at 184 MB +15% CPU for 30-40% less wall time.
    std::size_t minBytes = std::size_t{16} << 20;
    /// Bytes of text per chunk (grown for a line longer than that). 256 KiB: on the 2M-step
    /// Lightning log 12% less CPU than 1 MiB (fewer pages of parsed cells faulted in).
    std::size_t chunkBytes = std::size_t{1} << 18;
    /// Parsing threads; 0: one per hardware thread. Fewer than 2 hardware threads (and not
    /// forced here): serial.
    unsigned threads = 0;
};

/// The defaults, or what the environment variable CURVEDOCTOR_CSV_PARALLEL sets (for tests and
/// benchmarks): `minBytes[,chunkBytes[,threads]]`; `off` reads serially.
[[nodiscard]] CsvParallelSettings csvParallelSettings();

struct CsvParsedChunk;

class ParallelCsvReader {
public:
    /// Takes over from `reader`, a streamed reader (its header read), when the input is big
    /// enough and there are cores to share the work: nullptr otherwise, and `reader` goes on.
    /// Rows are read with at most `maxCells` cells each (CsvReader::next's argument).
    [[nodiscard]] static std::unique_ptr<ParallelCsvReader> start(
        CsvReader& reader, std::size_t maxCells, const CsvParallelSettings& settings);

    ParallelCsvReader(CsvReaderRest rest, std::size_t maxCells,
                      const CsvParallelSettings& settings);
    ParallelCsvReader(const ParallelCsvReader&) = delete;
    ParallelCsvReader& operator=(const ParallelCsvReader&) = delete;
    ~ParallelCsvReader();

    /// As CsvReader::next, but the row's cells are cells(), not `cells` (which is only used
    /// as the serial reader's, after a chunk ended inside quotes); `maxCells` must be the one
    /// given to start().
    bool next(std::vector<CsvCell>& cells, std::size_t maxCells);
    /// The cells of the row next() read last; valid until the next call.
    [[nodiscard]] std::span<const CsvCell> cells() const { return m_cells; }
    [[nodiscard]] std::size_t fieldCount() const { return m_fieldCount; }
    [[nodiscard]] bool rowUnterminated() const { return m_unterminated; }
    [[nodiscard]] std::int64_t line() const { return m_rowLine; }
    [[nodiscard]] std::size_t offset() const { return m_offset; }
    [[nodiscard]] std::size_t size() const;

private:
    void work();
    std::unique_ptr<CsvParsedChunk> readChunk();
    void parse(CsvParsedChunk& chunk) const;
    void stopWorkers();
    void readSeriallyFromHere();

    CsvDialect m_dialect;
    bool m_decimalComma;
    std::size_t m_maxCells;
    std::size_t m_chunkBytes;
    std::unique_ptr<ByteStream> m_source;  // the handed-over bytes, then the stream's rest.
    std::uint64_t m_expectedSize;

    // Under m_mutex: the chunks read and not yet consumed (the front is the next one), and
    // the reading state.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<CsvParsedChunk>> m_chunks;
    std::vector<std::unique_ptr<CsvParsedChunk>> m_spare;  // consumed, to be used again.
    std::size_t m_maxInFlight = 0;
    std::size_t m_nextOffset = 0;  // input offset of the next chunk.
    std::string m_carry;           // a partial line read after the last chunk.
    bool m_sourceAtEnd = false;
    bool m_allRead = false;  // the last chunk is read.
    bool m_stop = false;

    // The caller's side.
    std::int64_t m_lineBase = 0;          // line number at the current chunk's start.
    CsvParsedChunk* m_current = nullptr;  // the front chunk, once parsed.
    std::size_t m_row = 0;                // its next row.
    bool m_finished = false;
    std::unique_ptr<ByteStream> m_replay;  // after an overrun: the chunks' bytes, then m_source.
    std::unique_ptr<CsvReader> m_serial;
    std::span<const CsvCell> m_cells;
    std::size_t m_fieldCount = 0;
    std::size_t m_offset = 0;
    std::int64_t m_rowLine = 0;
    bool m_unterminated = false;

    std::vector<std::jthread> m_workers;  // last: stopped first.
};

}  // namespace curvedoctor::core
