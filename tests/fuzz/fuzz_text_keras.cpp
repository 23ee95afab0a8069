// libFuzzer target: the TextKerasLoader on arbitrary bytes.
#include "core/loaders/text_keras_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::TextKerasLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "fit.log");
    return 0;
}
