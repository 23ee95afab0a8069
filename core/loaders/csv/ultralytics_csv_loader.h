#pragma once
/// \file ultralytics_csv_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// Ultralytics (YOLOv8 and later) `results.csv`: one row per epoch, columns such as
/// `train/box_loss`, `metrics/mAP50(B)`, `val/cls_loss`, `lr/pg0`. Version 8.0 pads every name
/// and cell with spaces (stripped here); later versions do not and add a `time` column (seconds
/// since the start of training, kept as a metric). The epoch is the step as written: 8.0 counts
/// from 0, 8.1 and later from 1. An `args.yaml` in the same folder becomes the hyperparameters.
class UltralyticsCsvLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
