// UTF-16 text files are read as the UTF-8 they encode.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/loader_registry.h"
#include "core/text_encoding.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

// `utf8` (ASCII or two-byte characters here) as UTF-16 with a BOM.
std::string utf16(const std::u16string& text, bool bigEndian) {
    std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char16_t u : text) {
        const char hi = static_cast<char>(u >> 8);
        const char lo = static_cast<char>(u & 0xFF);
        out += bigEndian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
}

TEST(TextEncoding, Utf16ToUtf8) {
    EXPECT_EQ(utf16ToUtf8(utf16(u"step,loss\r\n", false)), "step,loss\r\n");
    EXPECT_EQ(utf16ToUtf8(utf16(u"step,loss\r\n", true)), "step,loss\r\n");
    // U+00E9, U+20AC, U+1F600 (a surrogate pair); an unpaired surrogate becomes U+FFFD.
    EXPECT_EQ(utf16ToUtf8(utf16(u"\u00e9\u20ac\U0001F600", false)),
              "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    EXPECT_EQ(utf16ToUtf8(utf16(std::u16string{u'a', char16_t{0xD800}, u'b'}, false)),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(utf16ToUtf8("plain"), "");
    EXPECT_FALSE(startsWithUtf16Bom("\xEF\xBB\xBFstep"));
}

// Issue #12, 12b (d): a UTF-16 CSV (Excel's "Unicode text", PowerShell's `>`) got only "not a
// training log".
TEST(TextEncoding, Utf16CsvLoadsLikeItsUtf8Twin) {
    const fs::path dir =
        fs::temp_directory_path() / ("curvedoctor_utf16_" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::u16string csv = u"epoch,loss,val_loss\r\n0,0.9,1.0\r\n1,0.7,0.8\r\n2,0.5,0.75\r\n";
    for (const bool bigEndian : {false, true}) {
        const fs::path path = dir / (bigEndian ? "be.csv" : "le.csv");
        std::ofstream(path, std::ios::binary) << utf16(csv, bigEndian);
        const LoadBatch batch = loadPaths({path.string()});
        for (const auto& e : batch.errors) ADD_FAILURE() << e.source << ": " << e.message;
        ASSERT_EQ(batch.runs.size(), 1U);
        const Series* val = batch.runs[0]->find("val_loss");
        ASSERT_NE(val, nullptr);
        EXPECT_EQ(val->values, (std::vector<double>{1.0, 0.8, 0.75}));
        EXPECT_EQ(val->steps, (std::vector<std::int64_t>{0, 1, 2}));
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace curvedoctor::core
