#pragma once
/// \file lightning_csv_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// PyTorch Lightning CSVLogger `metrics.csv`: columns `epoch`, `step` and one per logged metric,
/// sparse: each logging call writes its own row with the other metrics empty. Every metric
/// becomes its own series keyed by the row's step with the row's epoch kept, so `val_loss` is
/// one series even though it sits on separate rows from `train_loss_step`. An `hparams.yaml`
/// in the same folder becomes the run's hyperparameters.
class LightningCsvLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
