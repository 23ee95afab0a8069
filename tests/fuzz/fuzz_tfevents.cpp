// libFuzzer target: the loader from makeTfeventsLoader() on arbitrary bytes (as the file
// "events.out.tfevents.1700000000.host.1.0").
#include "core/loaders/tfevents_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeTfeventsLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size,
                                      "events.out.tfevents.1700000000.host.1.0");
    return 0;
}
