// libFuzzer target: the loader from makeEpochLogJsonLoader() (DeiT/MAE/BEiT log.txt) on arbitrary
// bytes (as the file "log.txt").
#include "core/loaders/jsonl_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeEpochLogJsonLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "log.txt");
    return 0;
}
