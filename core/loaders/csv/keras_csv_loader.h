#pragma once
/// \file keras_csv_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// Keras CSVLogger: the header starts with `epoch`, the other columns are the logs of
/// `model.fit` (`loss`, `accuracy`, `val_loss`, ...). Epochs count from 0 and are the step. `NA`
/// is what CSVLogger writes for a key missing from an epoch's logs (validation not run that
/// epoch), so `NA` cells are gaps here, while `nan` cells are NaN values.
class KerasCsvLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
