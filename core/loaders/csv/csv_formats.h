#pragma once
/// \file csv_formats.h
/// The CSV-family formats. Each is a data-only spec (how its header is recognised, which columns
/// are the step, epoch and wall time, which file beside it holds the hyperparameters) read by
/// one loader in csv_formats.cpp; the table itself is read by loadCsvTable (csv_run_builder.h).
///
/// In the order they are tried (on equal confidence the first wins):
/// - `tensorboard_csv`, TensorBoard "Download CSV": header `Wall time,Step,Value`, step `Step`.
///   One metric per file, named after the tag of `run-<run>-tag-<tag>.csv` (else the file stem);
///   the run is named after `<run>`. The folder walker merges the files of one run.
/// - `ultralytics_csv`, Ultralytics `results.csv`: `epoch` first, `train/*` and `metrics/*`
///   columns; the epoch as written (8.0 counts from 0, later versions from 1). 8.0 pads names
///   and cells with spaces. `args.yaml` beside it holds the hyperparameters.
/// - `yolov5_txt`, YOLOv5 `results.txt`: no header, 15 whitespace-separated fields, `e/N` first;
///   columns named like that train.py's TensorBoard tags (GPU memory, label count and image size
///   are not metrics).
/// - `timm_csv`, timm `summary.csv` (`update_summary`): `epoch` first, then `train_<k>`,
///   `eval_<k>` and `lr`; the epoch (0-based) is the step. `args.yaml` = hyperparameters.
/// - `lightning_csv`, Lightning `metrics.csv`: `epoch` and `step` columns, sparse rows (each
///   logging call its own); `hparams.yaml` beside it holds the hyperparameters.
/// - `keras_csv`, Keras CSVLogger: `epoch` first, no step column; the epoch (0-based) is the
///   step. `NA` (a key missing from an epoch's logs) is a gap, `nan` a NaN value.
/// - `pandas_csv`, `DataFrame.to_csv`: the first header cell empty or `Unnamed: 0`: that index
///   column is the step, not a metric (`pd.DataFrame(history.history).to_csv(...)`).
/// - `csv`, any other table with a text header and a numeric column, or a `.csv`/`.tsv` name:
///   step `step`, `global_step`, `iteration`, `iter`, `steps`, else `epoch`, else the row
///   index; an `epoch` column kept as epochs, `wall_time`/`timestamp` as wall times; `NA`/`null`
///   are NaN values.

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
