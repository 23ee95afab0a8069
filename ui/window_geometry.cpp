#include "ui/window_geometry.h"

#include <algorithm>

namespace curvedoctor::ui {

QRect clampedToScreen(const QRect& frame, const QRect& available) {
    if (available.isEmpty()) return frame;
    QRect out(frame.topLeft(), frame.size().boundedTo(available.size()));
    out.moveLeft(std::clamp(out.left(), available.left(), available.right() - out.width() + 1));
    out.moveTop(std::clamp(out.top(), available.top(), available.bottom() - out.height() + 1));
    return out;
}

}  // namespace curvedoctor::ui
