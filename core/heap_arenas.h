#pragma once
/// \file heap_arenas.h
/// How many heaps (glibc malloc "arenas") the window's threads allocate from.
///
/// glibc gives a process up to eight arenas per core. The window's loader, doctor and drawing
/// threads each leave freed blocks in their own arena, which the process keeps: on the
/// 1,000-run sweep (`bench_ui_sweep`) 3.4-5.8 bytes per point were free but held with the
/// default, 1.2 with one arena per core, 0.4 with a single arena (session 15).

namespace curvedoctor::core {

/// Limits the process to one arena per core (at least one). Call once at start, before other
/// threads exist; does nothing where the C library is not glibc.
void limitHeapArenasToCores();

}  // namespace curvedoctor::core
