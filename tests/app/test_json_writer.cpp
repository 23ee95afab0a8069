#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "app/output/json_writer.h"
#include "strict_utf8.h"

namespace curvedoctor::app {
namespace {

TEST(JsonWriter, CompactNestingAndEscapes) {
    std::ostringstream s;
    JsonWriter j(s, false);
    j.beginObject().key("a\"b").value("x\ny").key("n").beginArray().value(1).value(2.5).endArray();
    j.key("e").beginObject().endObject().endObject();
    EXPECT_EQ(s.str(), R"({"a\"b":"x\ny","n":[1,2.5],"e":{}})");
}

TEST(JsonWriter, NonFiniteBecomesNull) {
    std::ostringstream s;
    JsonWriter j(s, false);
    j.beginArray().value(std::numeric_limits<double>::quiet_NaN()).value(-HUGE_VAL).endArray();
    EXPECT_EQ(s.str(), "[null,null]");
}

TEST(JsonWriter, ControlCharactersAreEscaped) {
    std::ostringstream s;
    JsonWriter::writeEscaped(s, std::string("a\x01z", 3));
    EXPECT_EQ(s.str(), "\"a\\u0001z\"");
}

std::string escaped(std::string_view s) {
    std::ostringstream out;
    JsonWriter::writeEscaped(out, s);
    return out.str();
}

TEST(JsonWriter, IllFormedUtf8BecomesReplacementCharacters) {
    const std::string fffd = "\xEF\xBF\xBD";
    // Issue #12 item 8: a metric name with a Latin-1 byte.
    EXPECT_EQ(escaped("lo\xffss"), "\"lo" + fffd + "ss\"");
    // One U+FFFD per maximal subpart: a cut 3-byte sequence is one, then the next character.
    EXPECT_EQ(escaped("a\xE2\x82z"), "\"a" + fffd + "z\"");
    // Overlong '/', an encoded surrogate, a code point above U+10FFFF, a stray continuation.
    EXPECT_EQ(escaped("\xC0\xAF"), "\"" + fffd + fffd + "\"");
    EXPECT_EQ(escaped("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");
    EXPECT_EQ(escaped("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");
    EXPECT_EQ(escaped("\x80"), "\"" + fffd + "\"");
    EXPECT_EQ(escaped("end\xF0\x9F\x98"), "\"end" + fffd + "\"");
    // Valid UTF-8 (2, 3 and 4 bytes, the largest code point) is copied unchanged.
    const std::string valid = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF";
    EXPECT_EQ(escaped(valid), "\"" + valid + "\"");
}

TEST(JsonWriter, EveryByteStringGivesValidUtf8) {
    // All one- and two-byte strings, and three-byte ones from the bytes that start sequences.
    std::string s;
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            s.assign({static_cast<char>(a), static_cast<char>(b)});
            const std::string e = escaped(s);
            ASSERT_EQ(test::firstInvalidUtf8(e), std::string::npos) << a << ' ' << b;
            for (int c : {0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xF0, 0xFF}) {
                s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
                ASSERT_EQ(test::firstInvalidUtf8(escaped(s)), std::string::npos)
                    << a << ' ' << b << ' ' << c;
            }
            for (unsigned char ch : e) ASSERT_GE(ch, 0x20) << a << ' ' << b;  // controls escaped
        }
    }
}

}  // namespace
}  // namespace curvedoctor::app
