#include "ui/large_image.h"

#include <cstddef>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace curvedoctor::ui {
namespace {

// Below this an ordinary allocation is as fast.
constexpr std::size_t kHugeThreshold = std::size_t{8} << 20;
constexpr std::size_t kHugePage = std::size_t{2} << 20;

#ifdef __linux__
struct Mapping {
    void* base;
    std::size_t length;
};

void unmap(void* info) {
    auto* m = static_cast<Mapping*>(info);
    munmap(m->base, m->length);
    delete m;
}
#endif

}  // namespace

QImage makeLargeImage(QSize size, QImage::Format format, QRgb fill) {
    QImage plain;
#ifdef __linux__
    const int depth = QImage(1, 1, format).depth();
    const auto bytesPerLine = static_cast<qsizetype>(((size.width() * depth + 31) / 32) * 4);
    const std::size_t bytes = static_cast<std::size_t>(bytesPerLine) * static_cast<std::size_t>(size.height());
    if (size.isValid() && !size.isEmpty() && bytes >= kHugeThreshold) {
        const std::size_t length = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void* base = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (base != MAP_FAILED) {
            madvise(base, length, MADV_HUGEPAGE);  // a hint: refused or unsupported is fine
            auto* info = new Mapping{base, length};
            QImage image(static_cast<uchar*>(base), size.width(), size.height(), bytesPerLine,
                         format, unmap, info);
            image.fill(fill);
            return image;
        }
    }
#endif
    plain = QImage(size, format);
    plain.fill(fill);
    return plain;
}

}  // namespace curvedoctor::ui
