// The registry's one list of loaders. Most specific formats first: on equal confidence the
// loader registered first wins. Adding a format: one file in core/loaders/ and one line here.
#include <memory>

#include "core/loader_registry.h"
#include "core/loaders/text_keras_loader.h"
#include "core/loaders/text_key_value_loader.h"
#include "core/loaders/text_mmdet_loader.h"

namespace curvedoctor::core {

void registerBuiltinLoaders(LoaderRegistry& registry) {
    // Text logs last: they sniff with low confidence so that every specific format wins.
    registry.add(std::make_unique<TextKerasLoader>());
    registry.add(std::make_unique<TextMmdetLoader>());
    registry.add(std::make_unique<TextKeyValueLoader>());
}

}  // namespace curvedoctor::core
