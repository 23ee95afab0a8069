// libFuzzer target: the CSV tokenizer and every CSV-family loader on arbitrary bytes.
#include <algorithm>
#include <bit>

#include "core/file_stream.h"
#include "core/loaders/csv/csv_formats.h"
#include "core/loaders/csv/csv_table.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

// Hands out the fuzz input three bytes at a time.
class SmallPieces final : public curvedoctor::core::ByteStream {
public:
    explicit SmallPieces(std::string_view bytes) : m_bytes(bytes) {}
    std::size_t read(char* out, std::size_t n) override {
        const std::size_t count = std::min({n, std::size_t{3}, m_bytes.size() - m_at});
        std::copy_n(m_bytes.data() + m_at, count, out);
        m_at += count;
        return count;
    }
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_bytes.size(); }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace curvedoctor::core;
    static const auto generic = makeGenericCsvLoader();
    static const auto keras = makeKerasCsvLoader();
    static const auto lightning = makeLightningCsvLoader();
    static const auto ultralytics = makeUltralyticsCsvLoader();
    static const auto yolov5 = makeYolov5ResultsLoader();
    static const auto tensorboard = makeTensorboardCsvLoader();
    static const auto timm = makeTimmSummaryLoader();
    static const auto pandas = makePandasCsvLoader();
    curvedoctor::fuzz::exerciseLoader(*generic, data, size, "table.csv");
    curvedoctor::fuzz::exerciseLoader(*keras, data, size, "log.csv");
    curvedoctor::fuzz::exerciseLoader(*lightning, data, size, "metrics.csv");
    curvedoctor::fuzz::exerciseLoader(*ultralytics, data, size, "results.csv");
    curvedoctor::fuzz::exerciseLoader(*yolov5, data, size, "results.txt");
    curvedoctor::fuzz::exerciseLoader(*tensorboard, data, size, "run-a-tag-b.csv");
    curvedoctor::fuzz::exerciseLoader(*timm, data, size, "summary.csv");
    curvedoctor::fuzz::exerciseLoader(*pandas, data, size, "history.csv");

    // The tokenizer in every dialect: rows never point outside the buffer.
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const CsvDialect d : {CsvDialect{',', false}, CsvDialect{'\t', false},
                               CsvDialect{';', false}, CsvDialect{' ', true}}) {
        CsvReader reader(bytes, d, d.delimiter == ';');
        // The same bytes streamed through a 16-byte window read the same rows.
        SmallPieces pieces(bytes);
        CsvReader streamed(pieces, d, d.delimiter == ';', 16);
        std::vector<CsvCell> cells;
        std::vector<CsvCell> streamedCells;
        std::int64_t lastLine = 0;
        while (reader.next(cells)) {
            curvedoctor::fuzz::require(reader.line() > lastLine, "line numbers do not increase");
            curvedoctor::fuzz::require(reader.offset() <= size, "reader ran past the end");
            lastLine = reader.line();
            curvedoctor::fuzz::require(streamed.next(streamedCells), "streamed reader ended early");
            curvedoctor::fuzz::require(streamed.line() == reader.line() &&
                                           streamed.offset() == reader.offset() &&
                                           streamedCells.size() == cells.size(),
                                       "streamed reader read another row");
            for (std::size_t i = 0; i < cells.size(); ++i)
                curvedoctor::fuzz::require(
                    streamedCells[i].kind == cells[i].kind &&
                        streamedCells[i].text == cells[i].text &&
                        std::bit_cast<std::uint64_t>(streamedCells[i].number) ==
                            std::bit_cast<std::uint64_t>(cells[i].number),
                    "streamed reader read another cell");
        }
        curvedoctor::fuzz::require(!streamed.next(streamedCells), "streamed reader read more");
    }
    return 0;
}
