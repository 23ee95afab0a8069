#pragma once
/// \file output_guard.h
/// Keeps a command's output file from landing on one of its input logs: we never write a
/// user's log (issue #12 item 9: `report IN.csv -o IN.csv` overwrote the log with the PNG).

#include <optional>
#include <string>
#include <vector>

#include "core/loader_registry.h"

namespace curvedoctor::app {

/// The input file that writing `output` would replace, or nothing. Files are compared by
/// device and inode (stat follows symbolic links), so a symlink or hard link to an input, or
/// the input spelled another way, is caught. The inputs are the paths named on the command
/// line that are files, plus every file the batch read: each run's and each error's source,
/// and every file below a source that is a folder (a run read from a whole folder, such as
/// TensorBoard event files or an MLflow run). A new file, or an existing file in an input
/// folder that was not read as a log (an earlier report.png), is no clash.
[[nodiscard]] std::optional<std::string> inputOverwrittenBy(const std::string& output,
                                                            const std::vector<std::string>& paths,
                                                            const core::LoadBatch& batch);

}  // namespace curvedoctor::app
