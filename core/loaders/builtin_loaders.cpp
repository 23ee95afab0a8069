// The registry's one list of loaders. Most specific formats first: on equal confidence the
// loader registered first wins. Adding a format: one file in core/loaders/ and one line here.
#include "core/loader_registry.h"

namespace curvedoctor::core {

void registerBuiltinLoaders(LoaderRegistry& registry) {
    (void)registry;
}

}  // namespace curvedoctor::core
