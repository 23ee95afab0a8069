// libFuzzer target: the loader from makeTfeventsLoader() on arbitrary bytes (as the file
// "events.out.tfevents.1700000000.host.1.0"), and the event-file decoder reading the same bytes
// streamed through a 7-byte window, which must give what decoding them whole gives.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/file_stream.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/tfevents_loader.h"
#include "core/loaders/tfevents_reader.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

using namespace curvedoctor::core;

class MemoryStream final : public ByteStream {
public:
    MemoryStream(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    std::size_t read(char* out, std::size_t n) override {
        const std::size_t count = std::min(n, m_size - m_at);
        if (count > 0) std::memcpy(out, m_data + m_at, count);
        m_at += count;
        return count;
    }
    [[nodiscard]] std::uint64_t expectedSize() const override { return m_size; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

std::string describe(Run run) {
    std::string out;
    for (const auto& [name, s] : run.metrics) {
        out += name + ":";
        for (std::size_t i = 0; i < s.size(); ++i)
            out += " " + std::to_string(s.steps[i]) + "=" + std::to_string(double(s.values[i]));
        out += "\n";
    }
    for (const LoadWarning& w : run.warnings)
        out += std::to_string(w.byteOffset) + " " + w.message + "\n";
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = makeTfeventsLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size,
                                      "events.out.tfevents.1700000000.host.1.0");
    RunBuilder whole;
    EventFileDecoder wholeDecoder;
    wholeDecoder.read(std::string_view(reinterpret_cast<const char*>(data), size), "", "f", whole);
    RunBuilder streamed;
    EventFileDecoder streamedDecoder;
    MemoryStream stream(data, size);
    streamedDecoder.read(stream, "", "f", streamed, {}, 7);
    if (describe(whole.finish()) != describe(streamed.finish())) std::abort();
    return 0;
}
