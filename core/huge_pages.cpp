#include "core/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace curvedoctor::core {

void* mapHugePages(std::size_t bytes, std::size_t& length) {
    length = 0;
#if defined(__linux__)
    const std::size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    // One huge page more than needed, so an aligned stretch of `rounded` bytes lies inside.
    void* raw = mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    // Trim the mapping to the aligned part so every page of it can be a huge page.
    const auto rawBegin = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t begin = (rawBegin + kHugePage - 1) & ~std::uintptr_t{kHugePage - 1};
    if (begin > rawBegin) munmap(raw, begin - rawBegin);
    const std::size_t tail = kHugePage - (begin - rawBegin);
    if (tail > 0) munmap(reinterpret_cast<void*>(begin + rounded), tail);
#if defined(MADV_HUGEPAGE)
    madvise(reinterpret_cast<void*>(begin), rounded, MADV_HUGEPAGE);
#endif
    length = rounded;
    return reinterpret_cast<void*>(begin);
#else
    (void)bytes;
    return nullptr;
#endif
}

void unmapHugePages(void* region, std::size_t length) {
#if defined(__linux__)
    if (region != nullptr) munmap(region, length);
#else
    (void)region;
    (void)length;
#endif
}

}  // namespace curvedoctor::core
