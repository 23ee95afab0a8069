// libFuzzer target: the loader from makeTensorboardCsvLoader() on arbitrary bytes.
#include "core/loaders/csv/csv_formats.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeTensorboardCsvLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "run-foo-tag-train_loss.csv");
    return 0;
}
