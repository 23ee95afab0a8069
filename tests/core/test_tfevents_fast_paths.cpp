// The event-file reader's fast paths give what the plain ones give: the CPU's CRC-32C
// instruction against a bit-by-bit CRC, and the recent-tags lookup against tags that outnumber it
// and a non-scalar plugin's tag in between.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "core/loaders/tfevents_loader.h"
#include "core/loaders/tfevents_reader.h"

namespace curvedoctor::core {
namespace {

// CRC-32C one bit at a time (reflected polynomial 0x82F63B78), straight from the definition.
std::uint32_t bitwiseCrc32c(const std::string& data, std::uint32_t crc = 0) {
    crc = ~crc;
    for (const char ch : data) {
        crc ^= static_cast<unsigned char>(ch);
        for (int b = 0; b < 8; ++b) crc = (crc >> 1) ^ ((crc & 1U) != 0 ? 0x82F63B78U : 0U);
    }
    return ~crc;
}

TEST(TfeventsFastPaths, Crc32cEqualsTheBitwiseCrcAtEveryLengthAndAlignment) {
    std::mt19937 gen(14);
    std::string buffer(300 + 8, '\0');
    for (auto& c : buffer) c = static_cast<char>(gen());
    for (std::size_t offset = 0; offset < 8; ++offset) {
        for (std::size_t length = 0; length <= 300; ++length) {
            const std::string data = buffer.substr(offset, length);
            const std::string_view view(buffer.data() + offset, length);  // unaligned in place
            ASSERT_EQ(crc32c(view), bitwiseCrc32c(data)) << offset << "+" << length;
            const std::size_t cut = length / 3;
            ASSERT_EQ(crc32c(view.substr(cut), crc32c(view.substr(0, cut))), bitwiseCrc32c(data))
                << offset << "+" << length << " continued at " << cut;
        }
    }
}

std::string varint(std::uint64_t v) {
    std::string out;
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
    return out;
}

std::string lengthDelimited(int field, const std::string& bytes) {
    return std::string(1, static_cast<char>((field << 3) | 2)) + varint(bytes.size()) + bytes;
}

std::string le(const void* p, std::size_t n) {
    return std::string(static_cast<const char*>(p), n);
}

std::string record(const std::string& payload) {
    std::string out;
    const std::uint64_t length = payload.size();
    out += le(&length, 8);
    const std::uint32_t lengthCrc = maskCrc32c(bitwiseCrc32c(out));
    out += le(&lengthCrc, 4) + payload;
    const std::uint32_t dataCrc = maskCrc32c(bitwiseCrc32c(payload));
    return out + le(&dataCrc, 4);
}

// One event of one Summary.Value: a simple_value, with a plugin's metadata when `plugin` is set.
std::string scalarEvent(std::int64_t step, const std::string& tag, float value,
                        const std::string& plugin = {}) {
    std::string v = lengthDelimited(1, tag) + "\x15" + le(&value, 4);
    if (!plugin.empty()) v += lengthDelimited(9, lengthDelimited(1, lengthDelimited(1, plugin)));
    const double wall = 1.7e9 + static_cast<double>(step);
    return record("\x09" + le(&wall, 8) + "\x10" + varint(static_cast<std::uint64_t>(step)) +
                  lengthDelimited(5, lengthDelimited(1, v)));
}

TEST(TfeventsFastPaths, TwelveTagsInTurnEachKeepTheirOwnValues) {
    const double version = 1.7e9;
    std::string file = record("\x09" + le(&version, 8) + lengthDelimited(3, "brain.Event:2"));
    constexpr int kTags = 12;  // more than the reader's recent tags
    constexpr int kSteps = 30;
    for (int s = 0; s < kSteps; ++s) {
        for (int t = 0; t < kTags; ++t)
            file += scalarEvent(s, "tag" + std::to_string(t), static_cast<float>(t * 1000 + s));
        // A text summary's tag among them: named as "text" with its first value only.
        file += scalarEvent(s, "notes", 1.0F, s == 0 ? "text" : "");
        // Every third step a tag out of turn.
        if (s % 3 == 0) file += scalarEvent(s, "late", static_cast<float>(s) + 0.5F);
    }
    const TfeventsLoader loader;
    const LoadResult result = loader.load(LoadInput{"events.out.tfevents.1.host", file, {}});
    ASSERT_TRUE(result.error.empty()) << result.error;
    ASSERT_EQ(result.runs.size(), 1U);
    const core::Run& run = result.runs.front();
    EXPECT_EQ(run.metrics.size(), static_cast<std::size_t>(kTags + 1));
    EXPECT_EQ(run.metrics.count("notes"), 0U);
    for (int t = 0; t < kTags; ++t) {
        const Series& series = run.metrics.at("tag" + std::to_string(t));
        ASSERT_EQ(series.size(), static_cast<std::size_t>(kSteps)) << t;
        for (int s = 0; s < kSteps; ++s) {
            EXPECT_EQ(series.steps[static_cast<std::size_t>(s)], s);
            EXPECT_EQ(series.values[static_cast<std::size_t>(s)], t * 1000 + s) << t << "@" << s;
        }
    }
    const Series& late = run.metrics.at("late");
    ASSERT_EQ(late.size(), static_cast<std::size_t>(kSteps / 3));
    for (std::size_t i = 0; i < late.size(); ++i) EXPECT_EQ(late.values[i], 3.0 * i + 0.5);
}

}  // namespace
}  // namespace curvedoctor::core
