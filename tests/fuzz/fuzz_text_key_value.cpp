// libFuzzer target: the TextKeyValueLoader on arbitrary bytes.
#include "core/loaders/text_key_value_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::TextKeyValueLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "nohup.out");
    return 0;
}
