// The registry's one list of loaders. Most specific formats first: on equal confidence the
// loader registered first wins. Adding a format: one file in core/loaders/ and one line here.
#include "core/loader_registry.h"
#include "core/loaders/generic_csv_loader.h"
#include "core/loaders/keras_csv_loader.h"
#include "core/loaders/lightning_csv_loader.h"
#include "core/loaders/tensorboard_csv_loader.h"
#include "core/loaders/ultralytics_csv_loader.h"
#include "core/loaders/yolov5_results_loader.h"

namespace curvedoctor::core {

void registerBuiltinLoaders(LoaderRegistry& registry) {
    registry.add(std::make_unique<TensorboardCsvLoader>());
    registry.add(std::make_unique<UltralyticsCsvLoader>());
    registry.add(std::make_unique<Yolov5ResultsLoader>());
    registry.add(std::make_unique<LightningCsvLoader>());
    registry.add(std::make_unique<KerasCsvLoader>());
    registry.add(std::make_unique<GenericCsvLoader>());
}

}  // namespace curvedoctor::core
