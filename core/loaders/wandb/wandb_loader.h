#pragma once
/// \file wandb_loader.h
/// Weights & Biases runs as the client leaves them on disk, so offline runs can be viewed without
/// `wandb sync`:
/// - a run folder (`wandb/run-<date>_<time>-<id>/`, `offline-run-*/`): the metrics come from the
///   binary `run-<id>.wandb` (exact; see wandb_log_reader.h), else from older clients'
///   `files/wandb-history.jsonl`, else from `files/output.log` through the loader that claims it
///   (the console text); a warning names the files passed over. `files/config.yaml` gives the
///   hyperparameters (`key: {desc, value}`, `_wandb` left out), `files/wandb-summary.json` is
///   checked against the history (and gives the final values when there is no history);
/// - a `wandb/` folder of several runs: its `latest-run` link and `debug*.log` links are left out
///   so that no run is read twice; each run folder is a run;
/// - a `.wandb` file given on its own.

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

class WandbLoader : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "wandb"; }
    [[nodiscard]] std::string_view description() const override {
        return "Weights & Biases run (.wandb, run folder)";
    }
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

[[nodiscard]] std::unique_ptr<Loader> makeWandbLoader();

}  // namespace curvedoctor::core
