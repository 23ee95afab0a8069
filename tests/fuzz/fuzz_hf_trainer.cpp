// libFuzzer target: the loader from makeHfTrainerLoader() on arbitrary bytes (as the file
// "trainer_state.json").
#include "core/loaders/hf_trainer_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeHfTrainerLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "trainer_state.json");
    return 0;
}
