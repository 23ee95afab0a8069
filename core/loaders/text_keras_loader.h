#pragma once
/// \file text_keras_loader.h
/// Keras `model.fit` console output: an `Epoch 3/50` line, then progress-bar updates of the form
/// `1875/1875 [====] - 5s 2ms/step - loss: 0.43 - accuracy: 0.87 - val_loss: 0.50 ...`, redrawn in
/// place with '\r' or '\b' (both end up in a captured file). Keras 3's `━━━` bars with ANSI
/// colours and `verbose=2` lines (`1875/1875 - 5s - loss: ...`) read the same way.
///
/// One point per epoch per metric, taken from the epoch's final update (the one without `ETA`,
/// which also carries the `val_` metrics). Steps and epochs count from 0 as Keras' CSVLogger and
/// TensorBoard callback write them, so `Epoch 3/50` is step 2. An epoch that never finished (only
/// `ETA` updates) is skipped with a warning.

#include "core/loader.h"

namespace curvedoctor::core {

class TextKerasLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "keras_text"; }
    [[nodiscard]] std::string_view description() const override {
        return "Keras progress output (text)";
    }
    /// confidence::kGeneric + 20 when the head holds an `Epoch n/m` line and a
    /// `- name: value` progress line; kNone otherwise. Below every binary or JSON format.
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
