// libFuzzer target: the W&B loader on arbitrary bytes as the file "run-abc.wandb", twice: as
// given (the framing, CRCs and resync), and with the bytes framed as one Record with correct
// CRCs (tests/core/wandb_writer.h), so that mutations reach the protobuf and JSON decoding
// instead of stopping at a checksum.
#include <string>

#include "core/loaders/wandb/wandb_loader.h"
#include "tests/core/wandb_writer.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto loader = curvedoctor::core::makeWandbLoader();
    curvedoctor::fuzz::exerciseLoader(*loader, data, size, "run-abc.wandb");
    curvedoctor::core::test::WandbWriter framed;
    framed.write(std::string(reinterpret_cast<const char*>(data), size));
    const std::string& bytes = framed.bytes();
    curvedoctor::fuzz::exerciseLoader(*loader, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                      bytes.size(), "run-abc.wandb");
    return 0;
}
