#pragma once
/// \file keras_history_loader.h
/// Keras `history.history` saved as JSON (`json.dump(history.history, f)`): one object whose
/// members are lists of numbers, one list per metric, one element per epoch, validation metrics
/// prefixed `val_`: `{"loss": [0.9, 0.5], "val_loss": [1.0, 0.7], "lr": [0.001, 0.001]}`.
///
/// Element i is epoch i (counted from 0, as Keras' CSVLogger counts), which is the step.
/// `NaN`/`Infinity` (Python writes them bare) are values; `null` is a gap. A member that is not a
/// list of numbers is skipped with a warning, and lists of different lengths are kept as they
/// are with a warning. A file cut short keeps the whole elements before the cut and says where.

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

class KerasHistoryJsonLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "keras_history_json"; }
    [[nodiscard]] std::string_view description() const override {
        return "Keras history.history as JSON";
    }
    /// kLikely when the head is an object whose first members are lists of numbers and one of
    /// their names is a loss or accuracy or starts with `val_`; kNone otherwise.
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

[[nodiscard]] std::unique_ptr<Loader> makeKerasHistoryJsonLoader();

}  // namespace curvedoctor::core
