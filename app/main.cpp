// CurveDoctor's command-line front: subcommands run headless; paths alone open the window.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "core/cli_diagnose.h"
#include "core/cli_inspect.h"
#include "ui/cli_report.h"
#include "ui/gui_main.h"

namespace {

void printHelp(std::ostream& out) {
    out << "CurveDoctor " CURVEDOCTOR_VERSION
           " - training-curve viewer and doctor\n\n"
           "usage:\n"
           "  curvedoctor [PATH...]                 open the window with these logs\n"
           "  curvedoctor inspect PATH... [--json]  list runs, formats and metrics\n"
           "  curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]\n"
           "  curvedoctor report PATH... -o FILE.png [--smoothing W] [--width PX] [--group]\n"
           "  curvedoctor --help | --version\n\n"
           "PATH is a log file or a folder of logs. Run a subcommand with --help for details.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty()) {
        const std::string& cmd = args.front();
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (cmd == "-h" || cmd == "--help" || cmd == "help") {
            printHelp(std::cout);
            return 0;
        }
        if (cmd == "-V" || cmd == "--version") {
            std::cout << "curvedoctor " CURVEDOCTOR_VERSION "\n";
            return 0;
        }
        if (cmd == "inspect") return curvedoctor::core::runInspect(rest, std::cout, std::cerr);
        if (cmd == "diagnose") return curvedoctor::core::runDiagnose(rest, std::cout, std::cerr);
        if (cmd == "report") return curvedoctor::ui::runReport(argc, argv, rest, std::cout, std::cerr);
        if (cmd.size() > 1 && cmd[0] == '-' && cmd != "--" && cmd != "--screenshot") {
            std::cerr << "curvedoctor: unknown option '" << cmd << "' (see --help)\n";
            return 64;
        }
    }
    return curvedoctor::ui::runGui(argc, argv, args);
}
