#include "core/diagnosis.h"

namespace curvedoctor::core {

RunDiagnosis diagnoseRun(const Run& /*run*/, const DiagnosisConfig& /*config*/) { return {}; }

std::vector<Finding> diagnoseGroup(const std::vector<const Run*>& /*runs*/,
                                   const DiagnosisConfig& /*config*/) {
    return {};
}

}  // namespace curvedoctor::core
