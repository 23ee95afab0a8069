// libFuzzer target: the TextMmdetLoader on arbitrary bytes.
#include "core/loaders/text_mmdet_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::TextMmdetLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "train.log");
    return 0;
}
