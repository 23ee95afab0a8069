#pragma once
// Writes W&B transaction logs (.wandb) for tests and the benchmark: the framing of
// wandb/sdk/internal/datastore.py and the protobuf field numbers of wandb_internal.proto, written
// independently of the reader (its CRC is computed bit by bit here, not with the reader's tables).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace curvedoctor::core::test {

class WandbWriter {
public:
    static constexpr std::size_t kBlock = 32768;
    static constexpr std::size_t kHeader = 7;

    WandbWriter() : m_out(":W&B\xE1\xBE\x00", 7) {}

    static std::uint32_t crc32Bitwise(const std::string& data, std::uint32_t crc = 0) {
        crc = ~crc;
        for (const char ch : data) {
            crc ^= static_cast<unsigned char>(ch);
            for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ ((crc & 1U) != 0 ? 0xEDB88320U : 0U);
        }
        return ~crc;
    }
    static std::string varint(std::uint64_t v) {
        std::string out;
        while (v >= 0x80) {
            out.push_back(static_cast<char>((v & 0x7F) | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
        return out;
    }
    // Built with += (not a chain of operator+: GCC 12's -Wrestrict misfires on that in Release).
    static std::string field(int number, const std::string& bytes) {
        std::string out = varint(static_cast<std::uint64_t>(number) << 3 | 2);
        out += varint(bytes.size());
        out += bytes;
        return out;
    }
    static std::string fieldVarint(int number, std::uint64_t v) {
        std::string out = varint(static_cast<std::uint64_t>(number) << 3);
        out += varint(v);
        return out;
    }
    /// A Record holding a HistoryRecord with these (key, value_json) items at `step`.
    static std::string history(std::int64_t step,
                               const std::vector<std::pair<std::string, std::string>>& items) {
        std::string body;
        for (const auto& [k, v] : items) {
            std::string item = field(1, k);
            item += field(16, v);
            body += field(1, item);
        }
        body += field(2, fieldVarint(1, static_cast<std::uint64_t>(step)));
        return field(2, body);
    }

    /// Appends one Record, split into FULL or FIRST/MIDDLE/LAST fragments as datastore.py does.
    void write(const std::string& record) {
        std::size_t left = kBlock - m_out.size() % kBlock;
        if (left < kHeader) {
            m_out.append(left, '\0');
            left = kBlock;
        }
        m_offsets.push_back(m_out.size());
        if (record.size() + kHeader <= left) {
            physical(record, 1);
            return;
        }
        std::size_t used = left - kHeader;
        physical(record.substr(0, used), 2);
        while (record.size() - used > kBlock - kHeader) {
            physical(record.substr(used, kBlock - kHeader), 3);
            used += kBlock - kHeader;
        }
        physical(record.substr(used), 4);
    }
    [[nodiscard]] const std::string& bytes() const { return m_out; }
    /// The offset where each record written starts (its FULL or FIRST fragment), in order.
    [[nodiscard]] const std::vector<std::size_t>& offsets() const { return m_offsets; }

private:
    void physical(const std::string& data, std::uint8_t type) {
        const std::uint32_t crc =
            crc32Bitwise(data, crc32Bitwise(std::string(1, static_cast<char>(type))));
        for (int i = 0; i < 4; ++i) m_out.push_back(static_cast<char>((crc >> (8 * i)) & 0xFF));
        m_out.push_back(static_cast<char>(data.size() & 0xFF));
        m_out.push_back(static_cast<char>(data.size() >> 8));
        m_out.push_back(static_cast<char>(type));
        m_out += data;
    }
    std::string m_out;
    std::vector<std::size_t> m_offsets;
};

}  // namespace curvedoctor::core::test
