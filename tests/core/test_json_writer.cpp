#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "core/json_writer.h"

namespace curvedoctor::core {
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

}  // namespace
}  // namespace curvedoctor::core
