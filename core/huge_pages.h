#pragma once
/// \file huge_pages.h
/// Anonymous memory backed by transparent huge pages (Linux, THP "madvise" or "always").
///
/// On this kind of virtual machine the first touch of every 4 KiB page is a page fault costing
/// microseconds; a buffer filled once, front to back (a file read whole, a report page) takes
/// 512 times fewer faults in 2 MiB pages. The advice is only advice: where the kernel declines,
/// the memory is ordinary.

#include <cstddef>

namespace curvedoctor::core {

inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

/// A huge-page-aligned region of at least `bytes` (rounded up to whole huge pages, the length
/// put in `length`), zero-filled by the kernel and advised MADV_HUGEPAGE. nullptr when the
/// system cannot map it (then `errno` says why) or on systems without mmap.
[[nodiscard]] void* mapHugePages(std::size_t bytes, std::size_t& length);

/// Releases what mapHugePages returned.
void unmapHugePages(void* region, std::size_t length);

}  // namespace curvedoctor::core
