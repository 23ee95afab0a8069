// libFuzzer target: the UltralyticsCsvLoader on arbitrary bytes.
#include "core/loaders/csv/ultralytics_csv_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::UltralyticsCsvLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "results.csv");
    return 0;
}
