// libFuzzer target: the TensorboardCsvLoader on arbitrary bytes.
#include "core/loaders/csv/tensorboard_csv_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::TensorboardCsvLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "run-foo-tag-train_loss.csv");
    return 0;
}
