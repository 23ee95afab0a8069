#pragma once
/// \file csv_formats.h
/// The CSV-family formats. Each is a data-only spec (how its header is recognised, which columns
/// are the step, epoch and wall time, which file beside it holds the hyperparameters) read by
/// one loader in csv_formats.cpp; the table itself is read by loadCsvTable (csv_run_builder.h).
///
/// | format (id) | recognised by | step | notes |
/// |---|---|---|---|
/// | TensorBoard "Download CSV" (`tensorboard_csv`) | header `Wall time,Step,Value` | `Step` |
/// one metric per file, named after the tag of `run-<run>-tag-<tag>.csv` (else the file stem);
/// the run is named after `<run>`; the folder walker merges one run's files |
/// | Ultralytics `results.csv` (`ultralytics_csv`) | `epoch` first, `train/*` and `metrics/*`
/// columns | `epoch` as written (8.0 from 0, later from 1) | 8.0 pads names and cells with
/// spaces; `args.yaml` beside it holds the hyperparameters |
/// | YOLOv5 `results.txt` (`yolov5_txt`) | no header, whitespace-separated, 15 fields, `e/N`
/// first | the epoch numerator | columns named like that train.py's TensorBoard tags; GPU
/// memory, label count and image size are not metrics |
/// | timm `summary.csv` (`timm_csv`) | `epoch` first, `train_*` and `eval_*` columns | `epoch`
/// (0-based) | written by timm's `update_summary`: `epoch`, `train_<k>`, `eval_<k>`, `lr` |
/// | Lightning `metrics.csv` (`lightning_csv`) | `epoch` and `step` columns | `step` | sparse:
/// each logging call writes its own row; `hparams.yaml` beside it holds the hyperparameters |
/// | Keras CSVLogger (`keras_csv`) | `epoch` first, no step column | `epoch` (0-based) | `NA`
/// (a key missing from an epoch's logs) is a gap, `nan` a NaN value |
/// | pandas `DataFrame.to_csv` (`pandas_csv`) | first header cell empty or `Unnamed: 0` | the
/// index column | e.g. `pd.DataFrame(history.history).to_csv(...)` |
/// | any other table (`csv`) | a text header and a numeric column; or a `.csv`/`.tsv` name |
/// `step`, `global_step`, `iteration`, `iter`, `steps`, else `epoch`, else the row index | an
/// `epoch` column is kept as epochs, `wall_time`/`timestamp` as wall times; `NA`/`null` are NaN |

#include <memory>

#include "core/loader.h"

namespace curvedoctor::core {

[[nodiscard]] std::unique_ptr<Loader> makeTensorboardCsvLoader();
[[nodiscard]] std::unique_ptr<Loader> makeUltralyticsCsvLoader();
[[nodiscard]] std::unique_ptr<Loader> makeYolov5ResultsLoader();
[[nodiscard]] std::unique_ptr<Loader> makeTimmSummaryLoader();
[[nodiscard]] std::unique_ptr<Loader> makeLightningCsvLoader();
[[nodiscard]] std::unique_ptr<Loader> makeKerasCsvLoader();
[[nodiscard]] std::unique_ptr<Loader> makePandasCsvLoader();
[[nodiscard]] std::unique_ptr<Loader> makeGenericCsvLoader();

}  // namespace curvedoctor::core
