#include "ui/report/large_image.h"

#include <cstddef>

#include "core/huge_pages.h"

namespace curvedoctor::ui {
namespace {

// Below this an ordinary allocation is as fast.
constexpr std::size_t kHugeThreshold = std::size_t{8} << 20;

struct Mapping {
    void* base;
    std::size_t length;
};

void unmap(void* info) {
    auto* m = static_cast<Mapping*>(info);
    core::unmapHugePages(m->base, m->length);
    delete m;
}

}  // namespace

QImage makeLargeImage(QSize size, QImage::Format format, QRgb fill) {
    const int depth = QImage(1, 1, format).depth();
    const auto bytesPerLine = ((static_cast<qsizetype>(size.width()) * depth + 31) / 32) * 4;
    const std::size_t bytes = size.isEmpty() ? 0
                                             : static_cast<std::size_t>(bytesPerLine) *
                                                   static_cast<std::size_t>(size.height());
    std::size_t length = 0;
    void* base = bytes >= kHugeThreshold ? core::mapHugePages(bytes, length) : nullptr;
    QImage image = base != nullptr ? QImage(static_cast<uchar*>(base), size.width(), size.height(),
                                            bytesPerLine, format, unmap, new Mapping{base, length})
                                   : QImage(size, format);
    image.fill(fill);
    return image;
}

}  // namespace curvedoctor::ui
