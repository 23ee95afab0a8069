#include "ui/cli_report.h"

namespace curvedoctor::ui {

int runReport(int /*argc*/, char** /*argv*/, const std::vector<std::string>& /*args*/,
              std::ostream& /*out*/, std::ostream& err) {
    err << "curvedoctor report: not available yet\n";
    return 1;
}

}  // namespace curvedoctor::ui
