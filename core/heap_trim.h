#pragma once
/// \file heap_trim.h
/// Gives the heap's free memory back to the system.

namespace curvedoctor::core {

/// Returns the free pages of every malloc arena to the system (glibc's malloc_trim; nothing
/// elsewhere). A load frees far more than it keeps (each event file's bytes, the loader threads'
/// buffers), and glibc holds freed memory in the arena that freed it, the loader threads' arenas
/// included, until told otherwise. Costs a walk of the free lists: call it once a load is done.
void trimHeap();

}  // namespace curvedoctor::core
