// libFuzzer target: the LightningCsvLoader on arbitrary bytes.
#include "core/loaders/csv/lightning_csv_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::LightningCsvLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "metrics.csv");
    return 0;
}
