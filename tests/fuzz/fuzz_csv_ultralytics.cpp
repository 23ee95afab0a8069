// libFuzzer target: the loader from makeUltralyticsCsvLoader() on arbitrary bytes.
#include "core/loaders/csv/csv_formats.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeUltralyticsCsvLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "results.csv");
    return 0;
}
