// The relaxed JSON pull parser. Expected values follow RFC 8259 and Python's json module (the
// source of bare NaN/Infinity in training logs): json.loads('[NaN, -Infinity]') reads them.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/json/json_reader.h"

namespace curvedoctor::core {
namespace {

TEST(JsonReader, WalksNestedObjectsAndArrays) {
    JsonReader r(R"( {"a": 1.5, "b": [1, 2, {"c": "x"}], "d": {"e": true, "f": null}, "g": []} )");
    ASSERT_TRUE(r.beginObject());
    std::string_view key;
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(key, "a");
    double d = 0;
    ASSERT_TRUE(r.readNumber(d));
    EXPECT_EQ(d, 1.5);
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(key, "b");
    ASSERT_TRUE(r.beginArray());
    std::int64_t i = 0;
    ASSERT_TRUE(r.nextElement());
    ASSERT_TRUE(r.readInt64(i));
    EXPECT_EQ(i, 1);
    ASSERT_TRUE(r.nextElement());
    ASSERT_TRUE(r.readInt64(i));
    EXPECT_EQ(i, 2);
    ASSERT_TRUE(r.nextElement());
    EXPECT_EQ(r.peek(), JsonType::Object);
    std::string_view raw;
    ASSERT_TRUE(r.readRaw(raw));
    EXPECT_EQ(raw, R"({"c": "x"})");
    EXPECT_FALSE(r.nextElement());
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(key, "d");
    ASSERT_TRUE(r.beginObject());
    ASSERT_TRUE(r.nextKey(key));
    bool b = false;
    ASSERT_TRUE(r.readBool(b));
    EXPECT_TRUE(b);
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(r.peek(), JsonType::Null);
    ASSERT_TRUE(r.readNull());
    EXPECT_FALSE(r.nextKey(key));
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(key, "g");
    ASSERT_TRUE(r.beginArray());
    EXPECT_FALSE(r.nextElement());
    EXPECT_FALSE(r.nextKey(key));
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.atEnd());
}

TEST(JsonReader, PythonNonFiniteTokens) {
    JsonReader r("[NaN, Infinity, -Infinity, 1e999, -1e999, 1e-999, -0.0]");
    ASSERT_TRUE(r.beginArray());
    double v[7];
    for (double& x : v) {
        ASSERT_TRUE(r.nextElement());
        ASSERT_TRUE(r.readNumber(x)) << r.error();
    }
    EXPECT_TRUE(std::isnan(v[0]));
    EXPECT_EQ(v[1], HUGE_VAL);
    EXPECT_EQ(v[2], -HUGE_VAL);
    // Python: float('1e999') == inf, float('1e-999') == 0.0.
    EXPECT_EQ(v[3], HUGE_VAL);
    EXPECT_EQ(v[4], -HUGE_VAL);
    EXPECT_EQ(v[5], 0.0);
    EXPECT_TRUE(std::signbit(v[6]));
    EXPECT_FALSE(r.nextElement());
}

TEST(JsonReader, NumbersAreExact) {
    // Shortest round-trip doubles as Python's repr writes them.
    JsonReader r("[0.1, 1.60675e-05, 1825428497217349667885416448.0, 12.0, -7]");
    ASSERT_TRUE(r.beginArray());
    double d = 0;
    ASSERT_TRUE(r.nextElement() && r.readNumber(d));
    EXPECT_EQ(d, 0.1);
    ASSERT_TRUE(r.nextElement() && r.readNumber(d));
    EXPECT_EQ(d, 1.60675e-05);
    ASSERT_TRUE(r.nextElement() && r.readNumber(d));
    EXPECT_EQ(d, 1825428497217349667885416448.0);
    std::int64_t i = 0;
    ASSERT_TRUE(r.nextElement() && r.readInt64(i));
    EXPECT_EQ(i, 12);
    ASSERT_TRUE(r.nextElement() && r.readInt64(i));
    EXPECT_EQ(i, -7);
}

TEST(JsonReader, StringEscapesAreDecoded) {
    JsonReader r(R"(["a\"b\\c\/\n\t", "\u00e9\u20ac", "\ud83d\ude00", "plain"])");
    ASSERT_TRUE(r.beginArray());
    std::string_view s;
    ASSERT_TRUE(r.nextElement() && r.readString(s));
    EXPECT_EQ(s, "a\"b\\c/\n\t");
    ASSERT_TRUE(r.nextElement() && r.readString(s));
    EXPECT_EQ(s, "\xC3\xA9\xE2\x82\xAC");  // UTF-8 of U+00E9 U+20AC
    ASSERT_TRUE(r.nextElement() && r.readString(s));
    EXPECT_EQ(s, "\xF0\x9F\x98\x80");  // U+1F600 from a surrogate pair
    ASSERT_TRUE(r.nextElement() && r.readString(s));
    EXPECT_EQ(s, "plain");
}

TEST(JsonReader, SkipsValuesWithTrickyStrings) {
    JsonReader r(R"({"a": {"s": "}]\\\"{", "n": [1, [2, {"x": "\\"}]]}, "b": 2})");
    ASSERT_TRUE(r.beginObject());
    std::string_view key;
    ASSERT_TRUE(r.nextKey(key));
    ASSERT_TRUE(r.skipValue()) << r.error();
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_EQ(key, "b");
    std::int64_t b = 0;
    ASSERT_TRUE(r.readInt64(b));
    EXPECT_EQ(b, 2);
}

struct BadCase {
    const char* text;
    std::size_t offset;  // where the error is reported
};

TEST(JsonReader, ErrorsAreStickyAndLocated) {
    const BadCase cases[] = {
        {R"({"a" 1})", 5},          // missing ':'
        {R"({"a": 1 "b": 2})", 8},  // missing ','
        {R"({"a": 1,})", 8},        // trailing comma
        {R"({"a": "abc)", 6},       // string never closed: reported at its quote
        {R"({"a": [1, 2)", 11},     // array never closed: reported at the end
        {R"({"a": tru})", 6},      {R"({"a": --1})", 6}, {R"({"a": 1.2.3})", 6},
    };
    for (const auto& c : cases) {
        JsonReader r(c.text);
        std::string_view key;
        bool more = r.beginObject();
        while (more && r.nextKey(key)) more = r.skipValue();
        EXPECT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.errorOffset(), c.offset) << c.text << ": " << r.error();
        EXPECT_FALSE(r.nextKey(key));  // sticky
    }
}

TEST(JsonReader, BaseOffsetAndLineNumbers) {
    JsonReader r("{\"a\": x}", 100);
    ASSERT_TRUE(r.beginObject());
    std::string_view key;
    ASSERT_TRUE(r.nextKey(key));
    EXPECT_FALSE(r.skipValue());
    EXPECT_EQ(r.errorOffset(), 106U);
    EXPECT_EQ(JsonReader::lineOf("a\nb\nc", 0), 1);
    EXPECT_EQ(JsonReader::lineOf("a\nb\nc", 2), 2);
    EXPECT_EQ(JsonReader::lineOf("a\nb\nc", 4), 3);
    EXPECT_EQ(JsonReader::lineOf("a\nb\nc", 99), 3);
}

TEST(JsonReader, DeepNestingDoesNotRecurse) {
    std::string deep(200000, '[');
    deep += std::string(200000, ']');
    JsonReader r(deep);
    EXPECT_TRUE(r.skipValue());
    const std::string open(100000, '[');
    JsonReader cut(open);
    EXPECT_FALSE(cut.skipValue());
    EXPECT_EQ(cut.error(), "text ends inside an array");
}

}  // namespace
}  // namespace curvedoctor::core
