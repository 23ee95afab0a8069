#pragma once
/// \file gui_main.h
/// Starts the desktop program with the given paths opened.

#include <string>
#include <vector>

namespace curvedoctor::ui {

int runGui(int argc, char** argv, const std::vector<std::string>& paths);

}  // namespace curvedoctor::ui
