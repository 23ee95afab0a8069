// libFuzzer target: the Yolov5ResultsLoader on arbitrary bytes.
#include "core/loaders/csv/yolov5_results_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::Yolov5ResultsLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "results.txt");
    return 0;
}
