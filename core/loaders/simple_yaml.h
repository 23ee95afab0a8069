#pragma once
/// \file simple_yaml.h
/// Reads the small YAML files that sit beside training logs (Lightning's hparams.yaml,
/// Ultralytics' args.yaml) into flat key/value pairs. Not a YAML library: it understands
/// `key: value` lines, nesting by indentation, `- item` lists and block scalars, which is
/// all these files use.

#include <map>
#include <string>
#include <string_view>

namespace curvedoctor::core {

/// Flattens `text` into key/value pairs. Nested keys are joined with '.' (`optimizer.lr`),
/// a list becomes `[a, b, c]`, quotes around scalars are removed and `# comments` dropped.
/// Lines it does not understand are skipped; it never fails.
[[nodiscard]] std::map<std::string, std::string> parseSimpleYaml(std::string_view text);

/// Reads the file at `path` with parseSimpleYaml; empty when it is missing, unreadable or
/// larger than 1 MiB (not a hyperparameter file).
[[nodiscard]] std::map<std::string, std::string> readSimpleYamlFile(const std::string& path);

}  // namespace curvedoctor::core
