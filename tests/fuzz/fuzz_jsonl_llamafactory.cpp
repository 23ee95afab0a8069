// libFuzzer target: the loader from makeLlamaFactoryLoader() on arbitrary bytes (as the file
// "trainer_log.jsonl").
#include "core/loaders/jsonl_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeLlamaFactoryLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "trainer_log.jsonl");
    return 0;
}
