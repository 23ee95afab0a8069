// libFuzzer target: the loader from makeMlflowLoader() on arbitrary bytes (as the file
// "mlruns/0/abc/metrics/loss").
#include "core/loaders/mlflow_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeMlflowLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "mlruns/0/abc/metrics/loss");
    return 0;
}
