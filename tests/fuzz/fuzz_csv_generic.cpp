// libFuzzer target: the GenericCsvLoader on arbitrary bytes.
#include "core/loaders/csv/generic_csv_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::GenericCsvLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "metrics.csv");
    return 0;
}
