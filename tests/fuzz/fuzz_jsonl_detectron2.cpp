// libFuzzer target: the loader from makeDetectron2Loader() on arbitrary bytes (as the file
// "metrics.json").
#include "core/loaders/jsonl_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeDetectron2Loader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "metrics.json");
    return 0;
}
