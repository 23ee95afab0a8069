// CurveDoctor's command-line front, free of Qt: the headless commands (inspect, diagnose, diff)
// run here without loading a Qt library (about 45 ms of wall time and 8 ms of CPU at every
// start, session 15); the window and `report` are `curvedoctor-ui`, installed beside this program,
// which replaces this process (execv) with the arguments unchanged.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands/headless.h"

namespace {

// Shell's status for a command that cannot be run: what is left when curvedoctor-ui is missing
// (a build without the UI).
constexpr int kExitNoUi = 127;

// `curvedoctor-ui` in the folder of this program's file (symbolic links resolved, so a link in
// ~/bin to the build still finds its sibling).
std::string uiProgramPath() {
    std::string self(4096, '\0');
    const ssize_t n = readlink("/proc/self/exe", self.data(), self.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= self.size()) return "curvedoctor-ui";
    self.resize(static_cast<std::size_t>(n));
    const std::size_t slash = self.rfind('/');
    return (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) +
           "curvedoctor-ui";
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (const auto status = curvedoctor::app::runHeadless(args, std::cout, std::cerr))
        return *status;
    const std::string ui = uiProgramPath();
    execv(ui.c_str(), argv);
    const int error = errno;
    std::cerr << "curvedoctor: the window and 'report' need " << ui << ": " << std::strerror(error)
              << "\n";
    return kExitNoUi;
}
