#pragma once
/// \file window_geometry.h
/// Keeps a restored window on the screen: a geometry saved on another monitor, or at another
/// display scale (saved at scale 1, restored at 1.5 is half as large again as the screen),
/// is shrunk to the available area and moved into it.

#include <QRect>

namespace curvedoctor::ui {

/// `frame` shrunk to fit `available` and moved inside it (an empty `available` changes nothing).
[[nodiscard]] QRect clampedToScreen(const QRect& frame, const QRect& available);

}  // namespace curvedoctor::ui
