// libFuzzer target: the loader from makeMmengineScalarsLoader() on arbitrary bytes (as the file
// "scalars.json").
#include "core/loaders/jsonl_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeMmengineScalarsLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "scalars.json");
    return 0;
}
