#include "core/severity.h"

namespace curvedoctor::core {

std::string_view toString(Severity s) {
    switch (s) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "info";
}

}  // namespace curvedoctor::core
