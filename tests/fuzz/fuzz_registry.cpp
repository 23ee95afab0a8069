// libFuzzer target: any bytes through LoaderRegistry's sniff-and-load, the way loadFile does it.
// The first byte picks the file name so name-based sniffing is exercised too.
#include <array>
#include <string_view>

#include "core/loader_registry.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<std::string_view, 10> kNames{
        "metrics.csv",        "events.out.tfevents.1700000000.host.1.0",
        "trainer_state.json", "metrics.json",
        "trainer_log.jsonl",  "20211207_135738.log.json",
        "results.csv",        "nohup.out",
        "output.log",         "mlruns/0/abc/metrics/loss"};
    if (size == 0) return 0;
    const std::string_view name = kNames[data[0] % kNames.size()];
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto& registry = curvedoctor::core::LoaderRegistry::builtin();
    const curvedoctor::core::SniffInput sniff{name, name, curvedoctor::core::sniffHead(bytes),
                                              false};
    if (const auto* loader = registry.pick(sniff))
        curvedoctor::fuzz::checkResult(loader->load({std::string(name), bytes, {}}));
    return 0;
}
