#pragma once
/// \file tfevents_loader.h
/// TensorBoard event files (`events.out.tfevents.*`), one file or a whole run folder.
///
/// A file is recognised by its first record's length checksum (a magic number in effect), or
/// by a name containing "tfevents". A folder is one run when it holds event files directly
/// (concatenated in file-name order), or when it holds TF2 Keras' `train/` and `validation/`
/// sub-folders of event files: those become one run whose metrics are named `train/<tag>` and
/// `validation/<tag>`. Only scalars are read (simple_value and one-element float32/float64
/// tensors); images, histograms, text, graphs and other plugins' data are skipped silently.
/// Series get steps and wall times, no epochs.

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

class TfeventsLoader : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "tfevents"; }
    [[nodiscard]] std::string_view description() const override { return "TensorBoard event file"; }
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
    /// Event files are decoded as they are read (a 1 MiB window), never whole in memory.
    [[nodiscard]] bool streams() const override { return true; }

private:
    [[nodiscard]] LoadResult loadFolder(const LoadInput& input) const;
};

[[nodiscard]] std::unique_ptr<Loader> makeTfeventsLoader();

}  // namespace curvedoctor::core
