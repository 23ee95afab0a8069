#pragma once
/// \file large_image.h
/// Page-sized images (a 2x report is 60 MB) backed by transparent huge pages.
///
/// A QImage's buffer comes from malloc in 4 KiB pages, and the first write to each one is a
/// page fault: 15,000 of them for a report page, which cost more on a virtual machine than
/// drawing the page. Backed by 2 MiB pages the same buffer takes about 30.

#include <QImage>
#include <QSize>

namespace curvedoctor::ui {

/// A `size` image of `format`, filled with `fill`. Big images get huge-page-backed memory where
/// the system offers it (Linux with transparent huge pages on "madvise" or "always"); otherwise
/// it is an ordinary QImage. Either way it behaves as one (copies detach as usual).
[[nodiscard]] QImage makeLargeImage(QSize size, QImage::Format format, QRgb fill);

}  // namespace curvedoctor::ui
