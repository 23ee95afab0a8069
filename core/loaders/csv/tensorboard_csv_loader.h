#pragma once
/// \file tensorboard_csv_loader.h

#include "core/loader.h"

namespace curvedoctor::core {

/// A scalar downloaded from TensorBoard as CSV: header `Wall time,Step,Value`, one metric per
/// file. The file is named `run-<run>-tag-<tag>.csv` (slashes in run and tag turned into `_`);
/// the metric is named after the tag and the run after the run part, or after the file stem when
/// the name does not follow that pattern.
class TensorboardCsvLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override;
    [[nodiscard]] std::string_view description() const override;
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

}  // namespace curvedoctor::core
