// The registry's one list of loaders. Most specific formats first: on equal confidence the
// loader registered first wins. Adding a format: one file in core/loaders/ and one line here.
#include <memory>

#include "core/loader_registry.h"

// CSV family.
#include "core/loaders/csv/csv_formats.h"

// Binary and JSON formats.
#include "core/loaders/hf_trainer_loader.h"
#include "core/loaders/jsonl_loader.h"
#include "core/loaders/keras_history_loader.h"
#include "core/loaders/mlflow_loader.h"
#include "core/loaders/tfevents_loader.h"
#include "core/loaders/wandb/wandb_loader.h"

// Text logs.
#include "core/loaders/console/console_log_loader.h"
#include "core/loaders/text_keras_loader.h"
#include "core/loaders/text_mmdet_loader.h"

namespace curvedoctor::core {

void registerBuiltinLoaders(LoaderRegistry& registry) {
    // CSV family: specific layouts before the generic table.
    registry.add(makeTensorboardCsvLoader());
    registry.add(makeUltralyticsCsvLoader());
    registry.add(makeYolov5ResultsLoader());
    registry.add(makeTimmSummaryLoader());
    registry.add(makeLightningCsvLoader());
    registry.add(makeKerasCsvLoader());
    registry.add(makePandasCsvLoader());
    registry.add(makeGenericCsvLoader());

    // Binary and JSON formats.
    registry.add(makeTfeventsLoader());
    registry.add(makeHfTrainerLoader());
    registry.add(makeDetectron2Loader());
    registry.add(makeLlamaFactoryLoader());
    registry.add(makeMmdetJsonLoader());
    registry.add(makeMmengineScalarsLoader());
    registry.add(makeEpochLogJsonLoader());
    registry.add(makeKerasHistoryJsonLoader());
    registry.add(makeMlflowLoader());
    registry.add(makeWandbLoader());

    // Text logs last: they sniff with low confidence so that every specific format wins.
    registry.add(std::make_unique<TextKerasLoader>());
    registry.add(std::make_unique<TextMmdetLoader>());
    registry.add(std::make_unique<ConsoleLogLoader>());
}

}  // namespace curvedoctor::core
