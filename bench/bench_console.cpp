// Reading speed of the issue #16 readers on generated 100 MB files (written once to /tmp), in the
// shapes of real logs: the console reader on Swin/timm output (wandb_01: ANSI colours, logging
// prefix, `name value (avg)` fields, summary lines), nanoGPT `iter N: loss X BPC, time ..ms` lines
// (textlog_06) and `key: value` DCGAN lines (textlog_01); the DeiT log.txt JSON lines
// (jsontxt_01) and a Keras history.history JSON. Target (issue #16): 300 MB/s for the console
// reader. Run in Release:
//   ./build-bench/bench/bench_console
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

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

void appendLines(Shape shape, std::int64_t i, std::string& out) {
    const double loss = 2.0 / (1.0 + 0.001 * static_cast<double>(i % 100000));
    switch (shape) {
        case Shape::Swin: {
            const std::string p =
                "\x1b[32m[2025-10-20 21:19:16 alexnet]\x1b[0m\x1b[33m(main.py 186)\x1b[0m: INFO ";
            out += p + "Train: [" + std::to_string(i) + "/50000]\tlr 0.003000\ttime 0.0132 " +
                   "(0.0180)\tloss " + fixed(loss, 4) + " (2.4464)\tAcc@1 7.500 (9.924)\tMem " +
                   "285MB\n";
            out += p + "EPOCH " + std::to_string(i) + " training takes 0:00:03\n";
            out += p + " * Train Acc 9.924 Train Loss " + fixed(loss, 3) + "\n";
            out += p + "Accuracy of the network on the 50000 train images: 9.9%\n";
            out += p + "Validate: \tTime 0.007 (0.031)\tLoss 2.3356 (2.3048)\tAcc@1 6.250 " +
                   "(10.000)\tMem 285MB\n";
            out += p + " * Val Acc 10.000 Val Loss " + fixed(loss, 3) + "\n";
            break;
        }
        case Shape::NanoGpt:
            out += "iter " + std::to_string(i * 10) + ": loss " + fixed(loss, 4) +
                   " BPC, time 263.86ms, mfu 9.31%\n";
            break;
        case Shape::Dcgan:
            out += "[ " + std::to_string(i) + " Epoch:[ 0/25] [" + std::to_string(i % 20018) +
                   "/20018] time: 12602.2949, d_loss: " + fixed(loss, 8) +
                   ", g_loss: " + fixed(loss * 0.5, 8) + "\n";
            break;
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

void BM_ConsoleSwin(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(Shape::Swin, "swin.log"));
}
void BM_ConsoleNanoGpt(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(Shape::NanoGpt, "nanogpt.log"));
}
void BM_ConsoleDcgan(benchmark::State& state) {
    const ConsoleLogLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(Shape::Dcgan, "dcgan.log"));
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
BENCHMARK(BM_EpochLogJson)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_KerasHistoryJson)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
