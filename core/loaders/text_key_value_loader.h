#pragma once
/// \file text_key_value_loader.h
/// Generic text logs: stdout captured from a training script, where some lines hold a step,
/// epoch or iteration field and numeric `key: value` / `key=value` pairs, e.g.
///   `[   2784 Epoch:[ 0/25] [2783/20018] time: 12602.2949, d_loss: 1.30959320, g_loss: 0.73`
///   `step=100 loss=0.51 lr=3e-4`,  `Epoch 3, Train Loss: 0.43, Val Acc: 0.87`,
///   `{'loss': 0.6931, 'learning_rate': 4.9e-05, 'epoch': 0.01}` (a Python dict print), and the
///   TD-MPC2 console logger ` eval    E: 699    I: 50,126    R: 69.6    S: 0.0    T: 2:14:58`.
/// ANSI colour codes are stripped; preambles, config dumps and Python tracebacks are skipped
/// (lines without a step/epoch field are not records).
///
/// The step of a record, in order of preference: a step key (`step`, `global_step`, `iter`,
/// `iteration`, `it`, ...); a counter at the start of the line (`[   2784 ...`); epoch *
/// iterations + iteration from an epoch field with a bare `[i/N]` fraction; an integral epoch;
/// otherwise the record's ordinal. A line starting with `train`/`eval`/`val`/`test` prefixes its
/// metric names with that word and '/'. The TD-MPC2 one-letter columns are named after that
/// logger's CONSOLE_FORMAT table: I = step, E = episode, R = episode_reward, S = episode_success.

#include "core/loader.h"

namespace curvedoctor::core {

class TextKeyValueLoader final : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "text_kv"; }
    [[nodiscard]] std::string_view description() const override {
        return "Text log with key: value lines";
    }
    /// confidence::kGeneric + 5 when the head holds at least kMinRecordLines records; kNone
    /// otherwise. Every specific format (and the Keras and MMDetection text loaders) wins.
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;

    /// Lines with a step/epoch field and a metric the head must hold before the file is claimed.
    static constexpr int kMinRecordLines = 3;
};

}  // namespace curvedoctor::core
