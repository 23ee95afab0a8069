#pragma once
/// \file jsonl_loader.h
/// JSON-lines training logs: one JSON object per line, one loader per dialect.
///
/// | dialect | step | notes |
/// |---|---|---|
/// | Detectron2 `metrics.json` | `iteration` | every other number is a series (`total_loss`, `lr`,
/// `bbox/AP`) | | LLaMA-Factory `trainer_log.jsonl` | `current_steps` | `epoch` kept;
/// `total_steps`, `percentage` dropped | | MMDetection 2.x `*.log.json` | `(epoch - 1) * N + iter`
/// | first line is env info; `mode` val lines are named `val/<key>` at step `epoch * N`; N =
/// iterations per epoch (the val lines' `iter`, else the largest train `iter`) | | MMEngine
/// `scalars.json` | `step` | validation lines (no `iter`) are named `val/<key>`; their `step` is an
/// epoch when training is by epoch, mapped to the last train step logged in that epoch | |
/// DeiT/MAE/BEiT `log.txt` | `epoch` (also the epoch) | `train_*`/`test_*` keys, one line per epoch
/// |
///
/// Lines that are not objects are skipped with a warning; a file cut short keeps every whole
/// line and says where it stops. Where a step repeats or goes back, every point is kept and a
/// warning says so. Epochs are kept where the dialect logs them.

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

enum class JsonLinesDialect { Detectron2, LlamaFactory, MmdetLogJson, MmengineScalars, EpochLog };

class JsonLinesLoader : public Loader {
public:
    explicit JsonLinesLoader(JsonLinesDialect dialect) : m_dialect(dialect) {}
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;

private:
    JsonLinesDialect m_dialect;
};

[[nodiscard]] std::unique_ptr<Loader> makeDetectron2Loader();
[[nodiscard]] std::unique_ptr<Loader> makeLlamaFactoryLoader();
[[nodiscard]] std::unique_ptr<Loader> makeMmdetJsonLoader();
[[nodiscard]] std::unique_ptr<Loader> makeMmengineScalarsLoader();
[[nodiscard]] std::unique_ptr<Loader> makeEpochLogJsonLoader();

}  // namespace curvedoctor::core
