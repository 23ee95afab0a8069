#include "app/commands/headless.h"

#include "app/commands/diagnose.h"
#include "app/commands/diff.h"
#include "app/commands/exit_status.h"
#include "app/commands/inspect.h"

namespace curvedoctor::app {
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

std::optional<int> runHeadless(const std::vector<std::string>& args, std::ostream& out,
                               std::ostream& err) {
    if (args.empty()) return std::nullopt;
    const std::string& cmd = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        printHelp(out);
        return kExitOk;
    }
    if (cmd == "-V" || cmd == "--version") {
        out << "curvedoctor " CURVEDOCTOR_VERSION "\n";
        return kExitOk;
    }
    if (cmd == "inspect") return runInspect(rest, out, err);
    if (cmd == "diagnose") return runDiagnose(rest, out, err);
    if (cmd == "diff") return runDiff(rest, out, err);
    if (cmd == "report") return std::nullopt;
    if (cmd.size() > 1 && cmd[0] == '-' && cmd != "--" && cmd != "--screenshot" &&
        cmd != "--session") {
        err << "curvedoctor: unknown option '" << cmd << "' (see --help)\n";
        return kExitUsage;
    }
    return std::nullopt;
}

}  // namespace curvedoctor::app
