// Reading speed of the issue #16 readers on generated 100 MB files (written once to /tmp), in the
// shapes of real logs: the console reader on Swin/timm output (wandb_01: ANSI colours, logging
// prefix, `name value (avg)` fields, summary lines), nanoGPT `iter N: loss X BPC, time ..ms` lines
// (textlog_06) and `key: value` DCGAN lines (textlog_01); the DeiT log.txt JSON lines
// (jsontxt_01) and a Keras history.history JSON. Every number that moves in the real logs moves
// here too (running averages, times, mfu, lr, timestamps, widths: `Acc@1 7.500` then `11.250`,
// `iter 90` then `100`), so a reader cannot profit from numbers that real logs never repeat.
// BM_ConsoleReal* repeat a real log itself (from ../shared/realworld, skipped when absent) to
// 100 MB, its steps or epochs renumbered so the run goes on.
// Target (issue #16): 300 MB/s for the console reader. Run in Release:
//   ./build-bench/bench/bench_console
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "core/loaders/console/console_log_loader.h"
#include "core/loaders/jsonl_loader.h"
#include "core/loaders/keras_history_loader.h"

namespace {

using namespace curvedoctor::core;

constexpr std::size_t kTargetBytes = 100U << 20;

enum class Shape { Swin, NanoGpt, Dcgan, DeitLog, KerasHistory };

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// A pseudo-random number in [0, 1) for line `i` and draw `k`: the same file on every run.
double noise(std::int64_t i, int k) {
    std::uint64_t x =
        static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ULL + k * 0xD1B54A32D192ED03ULL;
    x ^= x >> 31U;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 29U;
    return static_cast<double>(x >> 11U) / 9007199254740992.0;
}

// "[2025-10-20 21:19:16 alexnet](main.py 186): INFO " with colours, the clock moving on.
std::string swinPrefix(std::int64_t seconds, int sourceLine) {
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", static_cast<int>(seconds / 3600 % 24),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return std::string("\x1b[32m[2025-10-20 ") + clock + " alexnet]\x1b[0m\x1b[33m(main.py " +
           std::to_string(sourceLine) + ")\x1b[0m: INFO ";
}

// An accuracy of a batch of 80 (a multiple of 1.25), as wandb_01 prints it: 0.000 .. 100.000.
double batchAccuracy(std::int64_t i, int k, double mean) {
    return 1.25 * std::floor(std::min(80.0, mean * 0.8 * (0.4 + 1.2 * noise(i, k))));
}

void appendLines(Shape shape, std::int64_t i, std::string& out) {
    const double loss = 2.0 / (1.0 + 0.001 * static_cast<double>(i % 100000));
    switch (shape) {
        case Shape::Swin: {
            // One epoch of wandb_01's output.log: 9 lines, 11 with a checkpoint saved.
            const std::int64_t t = 70000 + i * 4;
            const double acc = std::min(95.0, 10.0 + static_cast<double>(i % 3000) / 40.0);
            const double trainAcc = acc * (0.9 + 0.2 * noise(i, 1));
            const double valAcc = acc * (0.9 + 0.2 * noise(i, 2));
            const double lr = 0.003 * (0.5 + 0.5 * std::cos(static_cast<double>(i % 1000) / 318.3));
            out += swinPrefix(t, 186) + "Train: [" + std::to_string(i) + "/100000]\tlr " +
                   fixed(lr, 6) + "\ttime " + fixed(0.004 + 0.004 * noise(i, 3), 4) + " (" +
                   fixed(0.015 + 0.002 * noise(i, 4), 4) + ")\tloss " +
                   fixed(loss * (0.95 + 0.1 * noise(i, 5)), 4) + " (" + fixed(loss, 4) +
                   ")\tAcc@1 " + fixed(batchAccuracy(i, 6, acc), 3) + " (" + fixed(trainAcc, 3) +
                   ")\tMem 285MB\n";
            out += swinPrefix(t, 195) + "EPOCH " + std::to_string(i) + " training takes 0:00:0" +
                   std::to_string(3 + i % 3) + "\n";
            out += swinPrefix(t, 111) + " * Train Acc " + fixed(trainAcc, 3) + " Train Loss " +
                   fixed(loss, 3) + "\n";
            out += swinPrefix(t, 112) +
                   "Accuracy of the network on the 50000 train images: " + fixed(trainAcc, 1) +
                   "%\n";
            out += swinPrefix(t + 1, 228) + "Validate: \tTime " +
                   fixed(0.003 + 0.03 * noise(i, 7), 3) + " (" +
                   fixed(0.028 + 0.003 * noise(i, 8), 3) + ")\tLoss " +
                   fixed(loss * (0.9 + 0.2 * noise(i, 9)), 4) + " (" + fixed(loss * 1.02, 4) +
                   ")\tAcc@1 " + fixed(batchAccuracy(i, 10, acc), 3) + " (" + fixed(valAcc, 3) +
                   ")\tMem 285MB\n";
            out += swinPrefix(t + 1, 116) + " * Val Acc " + fixed(valAcc, 3) + " Val Loss " +
                   fixed(loss * 1.02, 3) + "\n";
            out += swinPrefix(t + 1, 117) +
                   "Accuracy of the network on the 10000 val images: " + fixed(valAcc, 1) + "%\n";
            if (noise(i, 11) < 0.2) {
                out += swinPrefix(t + 1, 48) + "output/alexnet/ckpt_best.pth saving......\n";
                out += swinPrefix(t + 1, 50) + "output/alexnet/ckpt_best.pth saved !!!\n";
            }
            out += swinPrefix(t + 1, 123) + "Max accuracy: " + fixed(valAcc, 2) + "%\n\n";
            break;
        }
        case Shape::NanoGpt: {
            // textlog_06: an evaluation every 250 iterations, whose iteration then takes ~33 s.
            const std::int64_t iter = i * 10;
            const double bpc =
                1.5 + 10.5 / (1.0 + 0.01 * static_cast<double>(i % 20000)) + 0.1 * noise(i, 1);
            if (iter % 250 == 0) {
                out += "step " + std::to_string(iter) + ": train loss " + fixed(bpc, 4) +
                       " BPC, val loss " + fixed(bpc * 1.03, 4) + " BPC\n";
                out += "saving checkpoint to out-enwik-char\n";
            }
            const double ms =
                iter % 250 == 0 ? 32000.0 + 2000.0 * noise(i, 2) : 260.0 + 80.0 * noise(i, 2);
            out += "iter " + std::to_string(iter) + ": loss " + fixed(bpc, 4) + " BPC, time " +
                   fixed(ms, 2) + "ms, mfu " + fixed(7.3 + 2.0 * noise(i, 3), 2) + "%\n";
            break;
        }
        case Shape::Dcgan: {
            // textlog_01: "[%8d Epoch:[%2d/%2d] [%4d/%4d] time: %4.4f, d_loss: %.8f, g_loss: %.8f".
            char line[160];
            std::snprintf(line, sizeof line,
                          "[%8lld Epoch:[%2lld/25] [%4lld/20018] time: %4.4f, d_loss: %.8f, "
                          "g_loss: %.8f\n",
                          static_cast<long long>(i + 1), static_cast<long long>(i / 20018 % 25),
                          static_cast<long long>(i % 20018), 9.3 + 3.75 * static_cast<double>(i),
                          0.5 + 2.0 * noise(i, 1), 0.1 + 1.2 * noise(i, 2));
            out += line;
            break;
        }
        case Shape::DeitLog:
            out += "{\"train_lr\": 0.0005000000000000003, \"train_loss\": " + fixed(loss, 15) +
                   ", \"test_loss\": 3.771971812119355, \"test_acc1\": 8.113333332977295, " +
                   "\"test_acc5\": 25.81999999694824, \"epoch\": " + std::to_string(i) +
                   ", \"n_parameters\": 38450}\n";
            break;
        case Shape::KerasHistory:
            break;  // written whole below.
    }
}

std::string generate(Shape shape, const char* name) {
    const std::string path = std::string("/tmp/curvedoctor_bench_console_") + name;
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) >= kTargetBytes && !ec) return path;
    std::string out;
    out.reserve(kTargetBytes + 4096);
    if (shape == Shape::KerasHistory) {
        // Five lists of equal length, as json.dump(history.history, f, indent=4) writes them.
        const std::size_t perList = kTargetBytes / 5 / 32;
        out += "{\n";
        const char* keys[] = {"loss", "accuracy", "val_loss", "val_accuracy", "lr"};
        for (int k = 0; k < 5; ++k) {
            out += std::string("    \"") + keys[k] + "\": [\n";
            for (std::size_t i = 0; i < perList; ++i) {
                out += "        " + fixed(1.0 / (1.0 + 0.001 * static_cast<double>(i)), 17);
                out += i + 1 < perList ? ",\n" : "\n";
            }
            out += k < 4 ? "    ],\n" : "    ]\n";
        }
        out += "}\n";
    } else {
        for (std::int64_t i = 0; out.size() < kTargetBytes; ++i) appendLines(shape, i, out);
    }
    std::ofstream(path, std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    return path;
}

// A real log's lines again and again to 100 MB, the number after each of `counters` (at the start
// of a line when it begins with '^') moved on by `offset` per copy, padded to its width.
struct RealShape {
    const char* source;  // relative to the real-world folder.
    std::vector<std::string> counters;
    long long offset;
};

std::string renumbered(const std::string& line, const RealShape& shape, long long copy) {
    std::string out = line;
    for (const std::string& counter : shape.counters) {
        const bool anchored = counter.front() == '^';
        const std::string key = anchored ? counter.substr(1) : counter;
        std::size_t at = out.find(key);
        if (at == std::string::npos || (anchored && at != 0)) continue;
        std::size_t begin = at + key.size();
        while (begin < out.size() && out[begin] == ' ') ++begin;
        std::size_t end = begin;
        while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
        if (end == begin) continue;
        std::string number =
            std::to_string(std::stoll(out.substr(begin, end - begin)) + copy * shape.offset);
        const std::size_t width = end - (at + key.size());
        if (number.size() < width) number.insert(0, width - number.size(), ' ');
        out.replace(at + key.size(), width, number);
    }
    return out;
}

std::string repeatReal(const RealShape& shape, const char* name) {
    const std::string path = std::string("/tmp/curvedoctor_bench_console_real_") + name;
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) >= kTargetBytes && !ec) return path;
    std::ifstream in(std::string(CURVEDOCTOR_BENCH_REALWORLD_DIR) + "/" + shape.source,
                     std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.empty()) return {};
    std::string out;
    out.reserve(kTargetBytes + 4096);
    for (long long copy = 0; out.size() < kTargetBytes; ++copy)
        for (const std::string& line : lines) out += renumbered(line, shape, copy) + "\n";
    std::ofstream(path, std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    return path;
}

void benchmarkReal(benchmark::State& state, const RealShape& shape, const char* name) {
    const std::string path = repeatReal(shape, name);
    if (path.empty()) {
        state.SkipWithError("the real log is not there (../shared/realworld)");
        return;
    }
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, path);
}

void BM_ConsoleSwin(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(Shape::Swin, "swin_moving.log"));
}
void BM_ConsoleNanoGpt(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader,
                                        generate(Shape::NanoGpt, "nanogpt_moving.log"));
}
void BM_ConsoleDcgan(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(Shape::Dcgan, "dcgan_moving.log"));
}
void BM_ConsoleRealSwin(benchmark::State& state) {
    benchmarkReal(state, {"wandb_01/output.log", {"Train: [", "EPOCH "}, 50}, "wandb_01.log");
}
void BM_ConsoleRealNanoGpt(benchmark::State& state) {
    benchmarkReal(state, {"textlog_06/output.log", {"^iter ", "^step "}, 5010}, "textlog_06.log");
}
void BM_ConsoleRealDcgan(benchmark::State& state) {
    benchmarkReal(state, {"textlog_01/nohup.out", {"^["}, 33200}, "textlog_01.log");
}
void BM_EpochLogJson(benchmark::State& state) {
    const auto loader = makeEpochLogJsonLoader();
    curvedoctor::bench::benchmarkLoader(state, *loader, generate(Shape::DeitLog, "deit_log.txt"));
}
void BM_KerasHistoryJson(benchmark::State& state) {
    const KerasHistoryJsonLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader,
                                        generate(Shape::KerasHistory, "keras_history.json"));
}

}  // namespace

BENCHMARK(BM_ConsoleSwin)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ConsoleNanoGpt)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ConsoleDcgan)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ConsoleRealSwin)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ConsoleRealNanoGpt)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ConsoleRealDcgan)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_EpochLogJson)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_KerasHistoryJson)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
