#pragma once

#include <cstdint>
#include <string_view>

namespace curvedoctor::core {

/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) of `data`, continuing from `crc`
/// (0 to start; crc32c(b, crc32c(a)) == crc32c(a + b)). crc32c("123456789") == 0xE3069283.
/// The CPU's instruction where there is one (SSE 4.2), else slicing-by-8 tables.
[[nodiscard]] std::uint32_t crc32c(std::string_view data, std::uint32_t crc = 0);

/// TFRecord's masking: ((crc >> 15) | (crc << 17)) + 0xa282ead8, modulo 2^32.
[[nodiscard]] std::uint32_t maskCrc32c(std::uint32_t crc);

}  // namespace curvedoctor::core
