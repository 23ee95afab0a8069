// core::releaseFreeHeap: the heap's free pages go back, and nothing in use changes.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/heap_trim.h"

namespace curvedoctor::core {
namespace {

TEST(HeapTrim, FreesTheHolesBetweenLiveBlocksAndLeavesTheLiveBlocksAsTheyWere) {
    // 64 blocks of 100 KB (under glibc's 128 KB mmap threshold: they come from the heap), each
    // filled with its own pattern; every other one freed leaves holes of whole free pages
    // between live blocks, which glibc keeps until a trim (the last block stays, so none of
    // it is the arena's top that free() would give back on its own).
    constexpr std::size_t kBlocks = 64;
    constexpr std::size_t kWords = std::size_t{100} * 1024 / sizeof(std::uint64_t);
    std::vector<std::unique_ptr<std::uint64_t[]>> blocks;
    for (std::size_t b = 0; b < kBlocks; ++b) {
        blocks.push_back(std::make_unique<std::uint64_t[]>(kWords));
        for (std::size_t i = 0; i < kWords; ++i) blocks[b][i] = b * 1'000'003u + i;
    }
    for (std::size_t b = 0; b < kBlocks; b += 2) blocks[b].reset();
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer's allocator serves malloc and free: glibc's heap holds none of these
    // blocks, so its trim may give nothing back; the blocks must still be intact.
    static_cast<void>(releaseFreeHeap());
#elif defined(__GLIBC__)
    EXPECT_TRUE(releaseFreeHeap());
#else
    EXPECT_FALSE(releaseFreeHeap());
#endif
    for (std::size_t b = 1; b < kBlocks; b += 2)
        for (std::size_t i = 0; i < kWords; ++i)
            ASSERT_EQ(blocks[b][i], b * 1'000'003u + i) << "block " << b << " word " << i;
    // The heap still serves new blocks, in the freed holes too.
    for (std::size_t b = 0; b < kBlocks; b += 2) {
        blocks[b] = std::make_unique<std::uint64_t[]>(kWords);
        blocks[b][kWords - 1] = b;
        EXPECT_EQ(blocks[b][0], 0u);
    }
}

}  // namespace
}  // namespace curvedoctor::core
