// The registry's one list of loaders. Most specific formats first: on equal confidence the
// loader registered first wins. Adding a format: one file in core/loaders/ and one line here.
#include "core/loader_registry.h"
#include "core/loaders/hf_trainer_loader.h"
#include "core/loaders/jsonl_loader.h"
#include "core/loaders/mlflow_loader.h"
#include "core/loaders/tfevents_loader.h"

namespace curvedoctor::core {

void registerBuiltinLoaders(LoaderRegistry& registry) {
    registry.add(makeTfeventsLoader());
    registry.add(makeHfTrainerLoader());
    registry.add(makeDetectron2Loader());
    registry.add(makeLlamaFactoryLoader());
    registry.add(makeMmdetJsonLoader());
    registry.add(makeMmengineScalarsLoader());
    registry.add(makeMlflowLoader());
}

}  // namespace curvedoctor::core
