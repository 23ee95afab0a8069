// libFuzzer target: the general console-log reader (ConsoleLogLoader) on arbitrary bytes, named
// as W&B names the console output it keeps.
#include "core/loaders/console/console_log_loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const curvedoctor::core::ConsoleLogLoader loader;
    curvedoctor::fuzz::exerciseLoader(loader, data, size, "output.log");
    return 0;
}
