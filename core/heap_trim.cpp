#include "core/heap_trim.h"

// Any C library header defines __GLIBC__ where the C library is glibc; the check below needs it.
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace curvedoctor::core {

bool releaseFreeHeap() {
#if defined(__GLIBC__)
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}

}  // namespace curvedoctor::core
