#pragma once
/// \file console_line.h
/// The pieces of a console line the console-log reader needs beyond text_log_scan.h's
/// `key: value` pairs: the logging prefix to drop, and `name value` pairs written without a
/// separator (`lr 0.003000  time 0.0132 (0.0180)  loss 2.3114 (2.4464)  Mem 285MB`,
/// `iter 10: loss 10.0507 BPC, time 263.86ms, mfu 9.31%`).

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "core/loaders/text_log_scan.h"

namespace curvedoctor::core::console {

/// `text` without a logging prefix, or `text` itself when it has none. Recognised: absl/glog
/// (`I0103 20:06:16.160465 139972513848384 train.py:81] `), Python logging with a timestamp and
/// a level (`2023/06/04 00:43:21 - mmengine - INFO - `, `[2025-10-20 21:19:16 swin](main.py
/// 186): INFO `, `2024-01-05 10:00:00,123 INFO: `) and a bare leading date and time.
[[nodiscard]] std::string_view stripLogPrefix(std::string_view text);

/// A piece of a line between whitespace (spaces, tabs, '\r'); `,`, `;` and `|` are pieces of
/// their own, so a name never spans them. The console reader splits a line once and its name-value
/// and bare-keyword scans read the pieces.
struct Token {
    std::string_view text;
    std::size_t offset = 0;  ///< where the piece starts in the line.
    bool word = false;       ///< starts with a letter or `_`, then letters, digits and `_./@-`.
};

/// The pieces of `text`, in order, into `out` (cleared first).
void tokenize(std::string_view text, std::vector<Token>& out);

/// Appends to `out` every `name value` pair of `text` (split by tokenize() into `tokens`) outside
/// the spans in `taken` (byte ranges already read as `key: value` pairs). Fields are separated by
/// whitespace, `,`, `;`, `|` or ` - `. A name is one to three words (Token::word) right before a
/// number; more words before the number are prose and give no pair. The number may carry a unit
/// (`263.86ms`, `9.31%`, `285MB`) or be followed by one (`12.52 BPC`), by a running average in
/// parentheses (`2.3114 (2.4464)`: the value is taken), or by a colon (`iter 10:`).
/// `KeyValue::keyOffset` is where the name starts in `text`.
void extractSpacePairs(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                       std::vector<textlog::KeyValue>& out);

}  // namespace curvedoctor::core::console
