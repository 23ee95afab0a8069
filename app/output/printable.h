#pragma once
/// \file printable.h
/// Text the command line prints about the user's files.

#include <string>
#include <string_view>

namespace curvedoctor::app {

/// `s` with control characters escaped (newline as \n, tab as \t, carriage return as \r, the
/// others as \xHH), so a file name holding them still prints as one line of a message and
/// cannot move the terminal's cursor. Everything else, including non-ASCII bytes, is unchanged.
[[nodiscard]] std::string printable(std::string_view s);

}  // namespace curvedoctor::app
