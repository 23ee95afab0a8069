#pragma once
/// \file hf_trainer_loader.h
/// Hugging Face Trainer's `trainer_state.json`, under any file name: a JSON object whose
/// `log_history` array holds one object per logging event.
///
/// Train entries (`loss`, `learning_rate`, `grad_norm`, ...) and evaluation entries
/// (`eval_loss`, `eval_accuracy`, ...) become series named as their keys, keyed by `step`, with
/// `epoch` kept (fractional). The final summary entry (the one with `train_runtime`) is not a
/// curve: its fields go to the hyperparameters, as do the simple top-level fields
/// (`train_batch_size`, `num_train_epochs`, `max_steps`, ...). Python's bare `NaN`,
/// `Infinity` and `-Infinity` are read as values. An empty `log_history` gives a run without
/// points and a warning; a file cut short keeps every whole entry and says where it stops.

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

class HfTrainerLoader : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "hf_trainer"; }
    [[nodiscard]] std::string_view description() const override {
        return "Hugging Face trainer_state.json";
    }
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

[[nodiscard]] std::unique_ptr<Loader> makeHfTrainerLoader();

}  // namespace curvedoctor::core
