// CurveDoctor's command-line front: subcommands run headless; paths alone open the window.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands/diagnose.h"
#include "app/commands/diff.h"
#include "app/commands/exit_status.h"
#include "app/commands/gui.h"
#include "app/commands/inspect.h"
#include "app/commands/report.h"

namespace {

void printHelp(std::ostream& out) {
    out << "CurveDoctor " CURVEDOCTOR_VERSION
           " - training-curve viewer and doctor\n\n"
           "usage:\n"
           "  curvedoctor [PATH...] [--session FILE] open the window with these logs\n"
           "  curvedoctor inspect PATH... [--json]  list runs, formats and metrics\n"
           "  curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]\n"
           "  curvedoctor report PATH... -o FILE.png [--smoothing W] [--width PX] [--group]\n"
           "  curvedoctor report --session FILE -o FILE.png  a saved session's runs and view\n"
           "  curvedoctor diff RUN_A RUN_B [--json]  hyperparameters that differ\n"
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
        if (cmd == "inspect") return curvedoctor::app::runInspect(rest, std::cout, std::cerr);
        if (cmd == "diagnose") return curvedoctor::app::runDiagnose(rest, std::cout, std::cerr);
        if (cmd == "diff") return curvedoctor::app::runDiff(rest, std::cout, std::cerr);
        if (cmd == "report")
            return curvedoctor::app::runReport(argc, argv, rest, std::cout, std::cerr);
        if (cmd.size() > 1 && cmd[0] == '-' && cmd != "--" && cmd != "--screenshot" &&
            cmd != "--session") {
            std::cerr << "curvedoctor: unknown option '" << cmd << "' (see --help)\n";
            return curvedoctor::app::kExitUsage;
        }
    }
    return curvedoctor::app::runGui(argc, argv, args);
}
