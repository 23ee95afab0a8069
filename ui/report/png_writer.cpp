#include "ui/report/png_writer.h"

#include <zlib.h>
#include <QSaveFile>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/parallel_for.h"

namespace curvedoctor::ui {
namespace {

// Rows per band: big enough that a band compresses as well as the whole image (zlib's window
// is 32 KiB), small enough to share the work between cores.
constexpr int kMinBandRows = 64;

void put32(QByteArray& out, std::uint32_t v) {
    const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
    out.append(b, 4);
}

void chunk(QByteArray& out, const char type[4], const QByteArray& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    const auto* bytes = reinterpret_cast<const Bytef*>(out.constData() + start);
    put32(out, static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(out.size() - start))));
}

// A row of an RGB32 image as RGB bytes.
void rgbRow(const QImage& image, int y, std::uint8_t* dst) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); ++x) {
        dst[std::ptrdiff_t{3} * x] = static_cast<std::uint8_t>(qRed(line[x]));
        dst[3 * x + 1] = static_cast<std::uint8_t>(qGreen(line[x]));
        dst[3 * x + 2] = static_cast<std::uint8_t>(qBlue(line[x]));
    }
}

struct Band {
    std::vector<std::uint8_t> deflated;
    uLong adler = 1;
    uLong rawSize = 0;
    bool ok = false;
};

// Raw deflate of rows [y0, y1), each "Up"-filtered (every byte minus the one above it) and
// streamed a row at a time: no copy of the band is ever held. Every band but the last ends on
// a byte boundary (Z_SYNC_FLUSH) so the bands concatenate into one valid stream; the last one
// ends it (Z_FINISH).
Band deflateBand(const QImage& image, int y0, int y1, bool last, int level) {
    Band b;
    const std::size_t rgbBytes = 3 * static_cast<std::size_t>(image.width());
    std::vector<std::uint8_t> prev(rgbBytes, 0);
    std::vector<std::uint8_t> cur(rgbBytes);
    std::vector<std::uint8_t> row(1 + rgbBytes);
    row[0] = 2;  // filter type Up
    std::vector<std::uint8_t> out(std::size_t{1} << 18);
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return b;
    auto pump = [&](int flush) {
        int rc = Z_OK;
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            rc = deflate(&z, flush);
            b.deflated.insert(b.deflated.end(), out.data(),
                              out.data() + (out.size() - z.avail_out));
        } while (z.avail_out == 0 && rc == Z_OK);
        return rc;
    };
    if (y0 > 0) rgbRow(image, y0 - 1, prev.data());
    int rc = Z_OK;
    for (int y = y0; y < y1 && rc == Z_OK; ++y) {
        rgbRow(image, y, cur.data());
        for (std::size_t i = 0; i < rgbBytes; ++i) {
            row[1 + i] = static_cast<std::uint8_t>(cur[i] - prev[i]);
        }
        std::swap(prev, cur);
        b.adler = adler32(b.adler, row.data(), static_cast<uInt>(row.size()));
        b.rawSize += static_cast<uLong>(row.size());
        z.next_in = row.data();
        z.avail_in = static_cast<uInt>(row.size());
        rc = pump(Z_NO_FLUSH);
    }
    if (rc == Z_OK) rc = pump(last ? Z_FINISH : Z_SYNC_FLUSH);
    b.ok = last ? rc == Z_STREAM_END : rc == Z_OK || rc == Z_BUF_ERROR;
    deflateEnd(&z);
    return b;
}

}  // namespace

QByteArray encodePng(const QImage& source, const PngOptions& options) {
    if (source.isNull()) return {};
    const QImage image =
        source.format() == QImage::Format_RGB32 || source.format() == QImage::Format_ARGB32
            ? source
            : source.convertToFormat(QImage::Format_RGB32);
    const int h = image.height();
    const unsigned threads = core::workerCount(SIZE_MAX, options.threads);
    const int bandCount = std::clamp(h / kMinBandRows, 1, static_cast<int>(4 * threads));
    std::vector<Band> bands(static_cast<std::size_t>(bandCount));
    core::parallelFor(bands.size(), threads, [&](std::size_t b) {
        const int i = static_cast<int>(b);
        bands[b] = deflateBand(image, h * i / bandCount, h * (i + 1) / bandCount,
                               i + 1 == bandCount, options.zlibLevel);
    });

    QByteArray idat;
    idat.append(static_cast<char>(0x78));
    idat.append(static_cast<char>(0x01));  // zlib header: deflate, 32K window, fastest
    uLong adler = 1;
    for (const Band& b : bands) {
        if (!b.ok) return {};
        idat.append(reinterpret_cast<const char*>(b.deflated.data()),
                    static_cast<qsizetype>(b.deflated.size()));
        adler = adler32_combine(adler, b.adler, static_cast<z_off_t>(b.rawSize));
    }
    put32(idat, static_cast<std::uint32_t>(adler));

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    put32(ihdr, static_cast<std::uint32_t>(image.width()));
    put32(ihdr, static_cast<std::uint32_t>(h));
    ihdr.append(static_cast<char>(8));  // bit depth
    ihdr.append(static_cast<char>(2));  // colour type RGB
    ihdr.append(3, '\0');               // deflate, adaptive filtering, no interlace
    chunk(png, "IHDR", ihdr);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        QByteArray phys;
        put32(phys, static_cast<std::uint32_t>(image.dotsPerMeterX()));
        put32(phys, static_cast<std::uint32_t>(image.dotsPerMeterY()));
        phys.append(static_cast<char>(1));  // unit: metre
        chunk(png, "pHYs", phys);
    }
    chunk(png, "IDAT", idat);
    chunk(png, "IEND", {});
    return png;
}

bool writePngBytes(const QByteArray& png, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!png.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(png) == png.size() &&
        file.commit()) {
        return true;
    }
    if (error) {
        *error =
            QStringLiteral("%1: could not write the PNG (%2)")
                .arg(path, png.isEmpty() ? QStringLiteral("encoding failed") : file.errorString());
    }
    return false;
}

bool writePng(const QImage& image, const QString& path, const PngOptions& options, QString* error) {
    return writePngBytes(encodePng(image, options), path, error);
}

}  // namespace curvedoctor::ui
