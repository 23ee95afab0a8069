#pragma once
/// \file png_writer.h
/// A fast PNG encoder for opaque report images.
///
/// QImage::save spends most of a big report's export in libpng's adaptive filter search and
/// one zlib stream at the default level. Reports are mostly flat white with thin lines, which
/// the "Up" filter and zlib's fastest level compress nearly as well; and the rows are cut into
/// bands deflated in parallel and joined into one zlib stream (as pigz does), so the file is an
/// ordinary PNG that every viewer reads.

#include <QImage>
#include <QString>

namespace curvedoctor::ui {

struct PngOptions {
    int zlibLevel = 1;     ///< 1 (fastest) .. 9 (smallest).
    unsigned threads = 0;  ///< bands deflated at once; 0: one per hardware thread.
};

/// Writes `image` as an 8-bit RGB PNG (alpha is dropped: reports are opaque), with its
/// physical resolution. Returns false and sets `error` (one line naming the file) on failure.
bool writePng(const QImage& image, const QString& path, const PngOptions& options = {},
              QString* error = nullptr);

/// Writes bytes from encodePng to `path` (replaced whole or not at all). Returns false and sets
/// `error` (one line naming the file) on failure, or when `png` is empty.
bool writePngBytes(const QByteArray& png, const QString& path, QString* error = nullptr);

/// The PNG file's bytes (for tests and the clipboard).
[[nodiscard]] QByteArray encodePng(const QImage& image, const PngOptions& options = {});

}  // namespace curvedoctor::ui
