// libFuzzer target: the KerasCsvLoader on arbitrary bytes.
#include "core/loaders/csv/keras_csv_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::KerasCsvLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "model_history_log.csv");
    return 0;
}
