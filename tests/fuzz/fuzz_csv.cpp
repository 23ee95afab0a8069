// libFuzzer target: the CSV tokenizer and every CSV-family loader on arbitrary bytes.
#include "core/loaders/csv/csv_formats.h"
#include "core/loaders/csv/csv_table.h"
#include "tests/fuzz/fuzz_common.h"

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
        std::vector<CsvCell> cells;
        std::int64_t lastLine = 0;
        while (reader.next(cells)) {
            curvedoctor::fuzz::require(reader.line() > lastLine, "line numbers do not increase");
            curvedoctor::fuzz::require(reader.offset() <= size, "reader ran past the end");
            lastLine = reader.line();
        }
    }
    return 0;
}
