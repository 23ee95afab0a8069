#include "core/heap_trim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace curvedoctor::core {

void trimHeap() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace curvedoctor::core
