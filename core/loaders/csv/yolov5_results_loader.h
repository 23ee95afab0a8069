#pragma once
/// \file yolov5_results_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// YOLOv5 (v5.0 era, also v3/v4) `results.txt`: no header, whitespace-separated, one line per
/// epoch written by train.py as `'%10s' * 2 + '%10.4g' * 6` then `'%10.4g' * 7` (15 fields):
/// epoch as `e/N`, GPU memory
/// (`2.19G`), mean train box/obj/cls/total loss, the label count and image size of the last
/// batch, then precision, recall, mAP@0.5, mAP@0.5:0.95 and val box/obj/cls loss. Metrics are
/// named like that train.py's TensorBoard tags (`train/box_loss`, `metrics/mAP_0.5`, ...); the
/// step is the epoch (0-based). GPU memory, label count and image size are not metrics.
class Yolov5ResultsLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
