// libFuzzer target: the loader from makeMmdetJsonLoader() on arbitrary bytes (as the file
// "20211207_135738.log.json").
#include "core/loaders/jsonl_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeMmdetJsonLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "20211207_135738.log.json");
    return 0;
}
