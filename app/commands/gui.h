#pragma once
/// \file gui.h
/// Starts the desktop program with the given paths opened.

#include <string>
#include <vector>

namespace curvedoctor::app {

int runGui(int argc, char** argv, const std::vector<std::string>& paths);

}  // namespace curvedoctor::app
