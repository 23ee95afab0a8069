#pragma once

#include <string_view>

namespace curvedoctor::core {

/// True when a file's name says it is program source (`train.py`, `run.sh`, `model.cpp`,
/// `analysis.ipynb`): a run folder often holds the script that wrote its logs, and a script's
/// `lr=0.1` lines or a name such as `make_tfevents.py` must not turn it into a run. A folder
/// reads such a file only when its content carries a format's markers (confidence::kLikely);
/// a file opened by name is offered to every loader as any other.
bool isSourceCodeName(std::string_view fileName);

}  // namespace curvedoctor::core
