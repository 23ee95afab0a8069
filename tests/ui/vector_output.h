#pragma once
// Reading what the vector exports wrote, independently of how they were drawn: the SVG parsed as
// XML (QXmlStreamReader), the PDF through poppler's pdftotext and pdfinfo.

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <optional>

namespace curvedoctor::ui::testing {

struct SvgContent {
    bool wellFormed = false;
    QHash<QString, int> elements;  ///< element name -> count
    QStringList texts;             ///< the text of every <text> element, in order
    [[nodiscard]] QString allText() const { return texts.join(QLatin1Char(' ')); }
    [[nodiscard]] int count(const QString& name) const { return elements.value(name); }
};

inline SvgContent parseSvg(const QString& path) {
    SvgContent out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader xml(&f);
    int inText = 0;
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++out.elements[xml.name().toString()];
            if (xml.name() == QLatin1String("text")) {
                ++inText;
                current.clear();
            }
        } else if (xml.isCharacters() && inText > 0) {
            current += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            --inText;
            out.texts << current.trimmed();
        }
    }
    out.wellFormed = !xml.hasError();
    return out;
}

/// The output of a poppler tool, or nullopt when it is not installed.
inline std::optional<QString> runTool(const QString& tool, const QStringList& args) {
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty()) return std::nullopt;
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(60000)) return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// pdftotext's text of the whole file ("-" writes to stdout), compatibility-normalised: a font's
/// "fi" ligature comes out as U+FB01, which NFKC makes "fi" again (as a PDF viewer's search does).
inline std::optional<QString> pdfText(const QString& path) {
    const auto text = runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!text) return text;
    return text->normalized(QString::NormalizationForm_KC);
}

struct PdfInfo {
    int pages = 0;
    double width = 0, height = 0;  ///< points, of the first page
};

inline std::optional<PdfInfo> pdfInfo(const QString& path) {
    const auto text = runTool(QStringLiteral("pdfinfo"), {path});
    if (!text) return std::nullopt;
    PdfInfo info;
    static const QRegularExpression pages(QStringLiteral(R"(Pages:\s+(\d+))"));
    static const QRegularExpression size(QStringLiteral(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"));
    if (const auto m = pages.match(*text); m.hasMatch()) info.pages = m.captured(1).toInt();
    if (const auto m = size.match(*text); m.hasMatch()) {
        info.width = m.captured(1).toDouble();
        info.height = m.captured(2).toDouble();
    }
    return info;
}

}  // namespace curvedoctor::ui::testing
