#pragma once
/// \file heap_trim.h
/// Hands the heap's free pages back to the system once a burst of allocating and freeing is
/// over.
///
/// glibc keeps what a program frees for its next allocations, and gives back on its own only
/// what lies at the top of an arena. A window that has loaded a sweep is left holding the
/// loading threads' freed buffers and the holes between what the runs and the charts keep:
/// 0.4-1.8 bytes per point of the 1,000-run sweep (`bench_ui_sweep`, session 16), resident
/// but unused until the next load.

namespace curvedoctor::core {

/// Returns the free pages of every malloc arena to the system (glibc's `malloc_trim(0)`);
/// nothing in use moves or changes. It walks the whole heap (0.3-5 ms on the sweep's), so
/// call it once after a burst (a load and the chart rebuild that shows its last runs), never
/// per item. Returns whether any memory went back; false, doing nothing, where the C library
/// is not glibc.
bool releaseFreeHeap();

}  // namespace curvedoctor::core
