#include "core/cli_diagnose.h"

#include "core/cli_inspect.h"

namespace curvedoctor::core {

int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    // Until the doctor lands, diagnose lists what was loaded.
    return runInspect(args, out, err);
}

}  // namespace curvedoctor::core
