#pragma once
/// \file console_log_loader.h
/// The general console-log reader: stdout captured from a training script (also W&B's
/// `files/output.log`), where lines or blocks hold a step, epoch or iteration and numeric
/// `key: value`, `key=value` or `key value` pairs, e.g.
///   `[   2784 Epoch:[ 0/25] [2783/20018] time: 12602.2949, d_loss: 1.30959320, g_loss: 0.73`
///   `step=100 loss=0.51 lr=3e-4`,  `Epoch 3, Train Loss: 0.43, Val Acc: 0.87`,
///   `{'loss': 0.6931, 'learning_rate': 4.9e-05, 'epoch': 0.01}` (a Python dict print), and the
///   TD-MPC2 console logger ` eval    E: 699    I: 50,126    R: 69.6    S: 0.0    T: 2:14:58`.
///   `Train: [0/50]  lr 0.003000  time 0.0132 (0.0180)  loss 2.3114 (2.4464)` (Swin/timm: the
///   value before a running average in parentheses), `* Train Acc 9.924 Train Loss 2.446`,
///   `iter 10: loss 10.0507 BPC, time 263.86ms, mfu 9.31%` (nanoGPT: units dropped),
///   `[10] img_sec_core_train=178.36, train_loss=0.668` (big_vision/ViT JAX), and blocks:
///   `Epoch: 1/30` on its own line, then `Train Loss: 9.2183 - Train Perplexity: 10079.66`.
/// Fields are separated by spaces, tabs, commas, ` - ` or `|`. ANSI colour codes, logging
/// prefixes (timestamps, levels, glog's `I0103 20:06:16.16 123 file.py:81] `) are dropped;
/// preambles, config dumps and Python tracebacks are skipped: a line without a step or epoch of
/// its own belongs to the block it follows (a block starts at a line that is only a step or
/// epoch, `Epoch: 1/30`, `EPOCH 3 training takes ..`, or at a record placed by its epoch alone,
/// Swin's `Train: [3/50] ..`), and outside a block it is not a record: a printed config is not
/// read as metrics. `total_steps` is the length of training, not a step.
///
/// The step of a record, in order of preference: a step key (`step`, `global_step`, `iter`,
/// `iteration`, `it`, ...); a counter at the start of the line (`[   2784 ...`); epoch *
/// iterations + iteration from an epoch field with a bare `[i/N]` fraction; an integral epoch;
/// otherwise the record's ordinal. A line starting with `train`/`eval`/`val`/`test` prefixes its
/// metric names with that word and '/' (`Validate:` with `val/`; not `Train Loss`, which names its
/// split itself); `Train: [3/50]` is epoch 3. The
/// TD-MPC2 one-letter columns are named after that logger's CONSOLE_FORMAT table: I = step, E =
/// episode, R = episode_reward, S = episode_success.

#include "core/loader.h"

namespace curvedoctor::core {

class ConsoleLogLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "text_kv"; }
    [[nodiscard]] std::string_view description() const override {
        return "Console log (key: value, key=value, key value)";
    }
    /// confidence::kGeneric + 5 when the head holds at least kMinRecordLines records; kNone
    /// otherwise. Every specific format (and the Keras and MMDetection text loaders) wins. The
    /// id stays "text_kv", the id of the reader it replaced, so outputs keep their format.
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;

    /// Records (lines with a metric and a step/epoch of their own or of their block) the head
    /// must hold before the file is claimed.
    static constexpr int kMinRecordLines = 3;
};

}  // namespace curvedoctor::core
