#pragma once
/// \file text_mmdet_loader.h
/// MMDetection (and other OpenMMLab) plain-text training logs, as python logging writes them:
///   2.x: `... - mmdet - INFO - Epoch [1][50/3750]\tlr: 9.890e-03, eta: 9:34:17, loss: 0.8263`
///        `... - mmdet - INFO - Epoch(val) [1][3750]\tbbox_mAP: 0.0870, ...`
///   3.x (MMEngine): `Epoch(train)  [1][  50/7330]  lr: 2.0e-02  eta: ...  loss: 1.2`,
///        `Epoch(val) [1][5000/5000]  coco/bbox_mAP: 0.3  ...`, and `Iter(train) [50/90000]`.
///
/// Training points use the global iteration as step: (epoch - 1) * iterations_per_epoch + iter
/// for epoch-based logs (the MMDetection JSON log's `epoch`/`iter` pair gives the same step),
/// the iteration itself for iteration-based logs. Validation metrics are named `val/<key>` and
/// placed at the end of their epoch: epoch * iterations_per_epoch. Every point carries its epoch.
/// Non-numeric fields (`eta: 9:34:17`, `bbox_mAP_copypaste: 0.087 0.191 ...`) are skipped;
/// `nan` and numbers beyond the double range (`1825428497217349667885416448.0`) are values.

#include "core/loader.h"

namespace curvedoctor::core {

class TextMmdetLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "mmdet_text"; }
    [[nodiscard]] std::string_view description() const override {
        return "MMDetection / OpenMMLab text log";
    }
    /// confidence::kGeneric + 20 when the head holds an `Epoch [e][i/N]`, `Epoch(train|val)` or
    /// `Iter [i/N]` line with at least two numeric fields; kNone otherwise.
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
