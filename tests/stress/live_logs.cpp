// The five live log formats of the stress test. Headers and keys follow the real files in
// ../shared/realworld (lightning_01, keras_01, hf_trainer_03, detectron2_01, tensorboard_01).
#include "tests/stress/live_logs.h"

#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>

#include "core/loaders/tfevents_reader.h"

namespace curvedoctor::stress {
namespace {

std::string num(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", v);
    return buffer;
}

// Builds an appendable log: header, then one text per record, with recordEnds filled.
class TextLogBuilder {
public:
    explicit TextLogBuilder(LiveLog& log, std::string header)
        : m_log(log), m_text(std::move(header)) {
        m_log.recordEnds.push_back(m_text.size());
    }
    void add(const std::string& text, std::vector<ExpectedPoint> points) {
        m_text += text;
        m_log.recordEnds.push_back(m_text.size());
        m_log.records.push_back(std::move(points));
    }
    std::string take() { return std::move(m_text); }

private:
    LiveLog& m_log;
    std::string m_text;
};

LiveLog start(std::string kind, std::string fileName, std::vector<std::string> metricNames) {
    LiveLog log;
    log.kind = std::move(kind);
    log.fileName = std::move(fileName);
    log.metricNames = std::move(metricNames);
    return log;
}

}  // namespace

double expectedValue(int metric, std::int64_t step) {
    return metric + 1 + static_cast<double>(step % 4096) / 64.0;
}

std::string LiveLog::content(std::size_t k) const {
    if (appendable) return bytes.substr(0, recordEnds[k]);
    // trainer_state.json: rewritten whole by the Trainer at every save.
    std::string s = "{\n  \"best_metric\": null,\n  \"best_model_checkpoint\": null,\n";
    s += "  \"epoch\": " +
         num(k == 0 ? 0.0 : static_cast<double>(records[k - 1].front().step) * 0.5) + ",\n";
    s += "  \"eval_steps\": 5,\n  \"global_step\": " +
         std::to_string(k == 0 ? 0 : records[k - 1].front().step) + ",\n";
    s += "  \"is_hyper_param_search\": false,\n  \"log_history\": [";
    for (std::size_t r = 0; r < k; ++r) {
        s += r == 0 ? "\n    {\n" : ",\n    {\n";
        const std::int64_t step = records[r].front().step;
        s += "      \"epoch\": " + num(static_cast<double>(step) * 0.5) + ",\n";
        for (const ExpectedPoint& p : records[r])
            s += "      \"" + metricNames[p.metric] + "\": " + num(p.value) + ",\n";
        s += "      \"step\": " + std::to_string(step) + "\n    }";
    }
    s += k == 0 ? "],\n" : "\n  ],\n";
    s += "  \"logging_steps\": 1,\n  \"max_steps\": 100000,\n  \"num_train_epochs\": 3,\n";
    s += "  \"total_flos\": 0,\n  \"train_batch_size\": 8,\n  \"trial_name\": null,\n";
    s += "  \"trial_params\": null\n}\n";
    return s;
}

LiveLog makeLightningLog(int steps) {
    // CSVLogger: epoch, step, then the metrics sorted; each log call is its own sparse row.
    LiveLog log =
        start("lightning", "metrics.csv", {"lr-Adam", "train_loss_step", "val_acc", "val_loss"});
    TextLogBuilder b(log, "epoch,step,lr-Adam,train_loss_step,val_acc,val_loss\n");
    for (int s = 0; s < steps; ++s) {
        const std::string lead = std::to_string(s / 50) + "," + std::to_string(s) + ",";
        const double loss = expectedValue(1, s);
        b.add(lead + "," + num(loss) + ",,\n", {{1, s, loss}});
        if (s % 5 == 4) {
            const double acc = expectedValue(2, s), val = expectedValue(3, s);
            b.add(lead + ",," + num(acc) + "," + num(val) + "\n", {{2, s, acc}, {3, s, val}});
        }
        if (s % 10 == 0)
            b.add(lead + num(expectedValue(0, s)) + ",,,\n", {{0, s, expectedValue(0, s)}});
    }
    log.bytes = b.take();
    return log;
}

LiveLog makeKerasLog(int steps) {
    LiveLog log =
        start("keras", "training_log.csv", {"accuracy", "loss", "lr", "val_accuracy", "val_loss"});
    TextLogBuilder b(log, "epoch,accuracy,loss,lr,val_accuracy,val_loss\n");
    for (int s = 0; s < steps; ++s) {
        std::string row = std::to_string(s);
        std::vector<ExpectedPoint> points;
        for (int m = 0; m < 5; ++m) {
            row += "," + num(expectedValue(m, s));
            points.push_back({m, s, expectedValue(m, s)});
        }
        b.add(row + "\n", std::move(points));
    }
    log.bytes = b.take();
    return log;
}

LiveLog makeHfTrainerLog(int steps) {
    LiveLog log = start("hf_trainer", "trainer_state.json",
                        {"grad_norm", "learning_rate", "loss", "eval_loss"});
    log.appendable = false;
    for (int s = 1; s <= steps; ++s) {
        log.records.push_back({{0, s, expectedValue(0, s)},
                               {1, s, expectedValue(1, s)},
                               {2, s, expectedValue(2, s)}});
        if (s % 5 == 0) log.records.push_back({{3, s, expectedValue(3, s)}});
    }
    return log;
}

LiveLog makeDetectron2Log(int steps) {
    LiveLog log = start("detectron2", "metrics.json", {"data_time", "lr", "total_loss", "bbox/AP"});
    TextLogBuilder b(log, "");
    for (int s = 19; s < 19 + steps; ++s) {
        const double d = expectedValue(0, s), lr = expectedValue(1, s), l = expectedValue(2, s);
        b.add("{\"data_time\": " + num(d) + ", \"iteration\": " + std::to_string(s) +
                  ", \"lr\": " + num(lr) + ", \"total_loss\": " + num(l) + "}\n",
              {{0, s, d}, {1, s, lr}, {2, s, l}});
        if (s % 5 == 4) {
            const double ap = expectedValue(3, s);
            b.add("{\"bbox/AP\": " + num(ap) + ", \"iteration\": " + std::to_string(s) + "}\n",
                  {{3, s, ap}});
        }
    }
    log.bytes = b.take();
    return log;
}

namespace {

// Protocol buffers, the few wire types an Event needs.
void varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void key(std::string& out, int field, int wire) {
    varint(out, static_cast<std::uint64_t>(field << 3 | wire));
}
template <typename T>
void fixed(std::string& out, T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));  // little-endian host, as the wire format is
    out.append(bytes, sizeof(T));
}
void lengthDelimited(std::string& out, int field, const std::string& payload) {
    key(out, field, 2);
    varint(out, payload.size());
    out += payload;
}
void fixed32le(std::string& out, std::uint32_t v) {
    fixed(out, v);
}

// One TFRecord: length, masked CRC-32C of the length, data, masked CRC-32C of the data.
std::string tfrecord(const std::string& data) {
    std::string header;
    fixed(header, static_cast<std::uint64_t>(data.size()));
    std::string out = header;
    fixed32le(out, core::maskCrc32c(core::crc32c(header)));
    out += data;
    fixed32le(out, core::maskCrc32c(core::crc32c(data)));
    return out;
}

// Event{wall_time 1, step 2, summary 5 {value 1 {tag 1, simple_value 2}}}.
std::string scalarEvent(std::int64_t step,
                        const std::vector<std::pair<std::string, float>>& values) {
    std::string summary;
    for (const auto& [tag, v] : values) {
        std::string value;
        lengthDelimited(value, 1, tag);
        key(value, 2, 5);
        fixed(value, v);
        lengthDelimited(summary, 1, value);
    }
    std::string event;
    key(event, 1, 1);
    fixed(event, 1.7e9 + static_cast<double>(step));
    key(event, 2, 0);
    varint(event, static_cast<std::uint64_t>(step));
    lengthDelimited(event, 5, summary);
    return tfrecord(event);
}

}  // namespace

LiveLog makeTfeventsLog(int steps) {
    LiveLog log = start("tfevents", "events.out.tfevents.1700000000.stress.1.0",
                        {"train/loss", "train/lr", "val/loss"});
    std::string fileVersion;
    key(fileVersion, 1, 1);
    fixed(fileVersion, 1.7e9);
    lengthDelimited(fileVersion, 3, "brain.Event:2");
    TextLogBuilder b(log, tfrecord(fileVersion));
    for (int s = 0; s < steps; ++s) {
        const auto loss = static_cast<float>(expectedValue(0, s));
        const auto lr = static_cast<float>(expectedValue(1, s));
        b.add(scalarEvent(s, {{"train/loss", loss}, {"train/lr", lr}}), {{0, s, loss}, {1, s, lr}});
        if (s % 5 == 4) {
            const auto val = static_cast<float>(expectedValue(2, s));
            b.add(scalarEvent(s, {{"val/loss", val}}), {{2, s, val}});
        }
    }
    log.bytes = b.take();
    return log;
}

}  // namespace curvedoctor::stress
