// Event-file reading speed on a generated 100 MB file (written once to /tmp). Two shapes:
// PyTorch SummaryWriter records (one simple_value per event: the smallest, hence slowest per
// byte) and TF2 records (rank-0 float tensors with plugin metadata, several tags per event).
// Run in Release:  ./build-release/bench/bench_tfevents
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/bench_support.h"
#include "core/file_bytes.h"
#include "core/loaders/tfevents_loader.h"
#include "core/loaders/tfevents_reader.h"

namespace {

using namespace curvedoctor::core;

constexpr std::size_t kTargetBytes = 100U << 20;

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void putKey(std::string& out, int field, int wire) {
    putVarint(out, static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wire));
}
void putBytes(std::string& out, int field, const std::string& bytes) {
    putKey(out, field, 2);
    putVarint(out, bytes.size());
    out += bytes;
}
template <typename T>
void putRaw(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // little-endian host, as the format
    out.append(b, sizeof(T));
}
void putRecord(std::string& out, const std::string& payload) {
    std::string header;
    putRaw<std::uint64_t>(header, payload.size());
    out += header;
    putRaw<std::uint32_t>(out, maskCrc32c(crc32c(header)));
    out += payload;
    putRaw<std::uint32_t>(out, maskCrc32c(crc32c(payload)));
}

std::string makeEvent(std::int64_t step, double wall, const std::string& summary) {
    std::string e;
    putKey(e, 1, 1);
    putRaw<double>(e, wall);
    putKey(e, 2, 0);
    putVarint(e, static_cast<std::uint64_t>(step));
    putBytes(e, 5, summary);
    return e;
}

std::string generate(bool tf2) {
    std::string path =
        std::string("/tmp/curvedoctor_bench_") + (tf2 ? "tf2" : "torch") + ".tfevents";
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) >= kTargetBytes && !ec) return path;
    std::mt19937 gen(42);
    std::uniform_real_distribution<float> dist(0.0F, 3.0F);
    const char* tags[] = {"train/loss",     "train/acc",       "lr",
                          "val/loss",       "val/accuracy",    "grad_norm",
                          "train/box_loss", "metrics/mAP50(B)"};
    std::string out;
    out.reserve(kTargetBytes + 4096);
    for (std::int64_t step = 0; out.size() < kTargetBytes; ++step) {
        if (!tf2) {
            std::string value;
            putBytes(value, 1, tags[step % 8]);
            putKey(value, 2, 5);
            putRaw<float>(value, dist(gen));
            std::string summary;
            putBytes(summary, 1, value);
            putRecord(out, makeEvent(step, 1.7e9 + static_cast<double>(step), summary));
        } else {
            std::string summary;
            for (const char* tag : {"epoch_loss", "epoch_accuracy", "epoch_lr", "epoch_mae"}) {
                std::string tensor;
                putKey(tensor, 1, 0);
                putVarint(tensor, 1);  // DT_FLOAT
                putBytes(tensor, 2, "");
                std::string content;
                putRaw<float>(content, dist(gen));
                putBytes(tensor, 4, content);
                std::string value;
                putBytes(value, 1, tag);
                putBytes(value, 8, tensor);
                if (step == 0) {
                    std::string plugin;
                    putBytes(plugin, 1, "scalars");
                    std::string meta;
                    putBytes(meta, 1, plugin);
                    putBytes(value, 9, meta);
                }
                putBytes(summary, 1, value);
            }
            putRecord(out, makeEvent(step, 1.7e9 + static_cast<double>(step), summary));
        }
    }
    std::ofstream(path, std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    return path;
}

void loadEvents(benchmark::State& state, bool tf2) {
    const TfeventsLoader loader;
    curvedoctor::bench::benchmarkLoader(state, loader, generate(tf2));
}

void BM_TfeventsTorchSimpleValues(benchmark::State& state) {
    loadEvents(state, false);
}
void BM_TfeventsTf2Tensors(benchmark::State& state) {
    loadEvents(state, true);
}

void BM_Crc32c(benchmark::State& state) {
    std::string data(1U << 20, 'x');
    for (auto _ : state) benchmark::DoNotOptimize(crc32c(data));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * data.size()));
}

}  // namespace

BENCHMARK(BM_TfeventsTorchSimpleValues)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_TfeventsTf2Tensors)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Crc32c);
BENCHMARK_MAIN();
