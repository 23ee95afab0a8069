#include "core/heap_arenas.h"

#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace curvedoctor::core {

void limitHeapArenasToCores() {
#if defined(__GLIBC__)
    const unsigned cores = std::thread::hardware_concurrency();
    mallopt(M_ARENA_MAX, static_cast<int>(cores == 0 ? 1 : cores));
#endif
}

}  // namespace curvedoctor::core
