// libFuzzer target: the Keras history.history JSON loader on arbitrary bytes (as the file
// "history.json").
#include "core/loaders/keras_history_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeKerasHistoryJsonLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "history.json");
    return 0;
}
