// JSON-lines reading speed on generated 100 MB files (written once to /tmp): Detectron2
// metrics.json lines (22 keys, ~700 bytes) and MMDetection .log.json lines (~230 bytes), with
// values printed as Python does (shortest round-trip repr). Run in Release:
//   ./build-release/bench/bench_jsonl
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/bench_support.h"
#include "core/file_bytes.h"
#include "core/json/json_reader.h"
#include "core/loaders/jsonl_loader.h"

namespace {

using namespace curvedoctor::core;

constexpr std::size_t kTargetBytes = 100U << 20;

void putDouble(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

std::string generate(bool detectron2) {
    std::string path = std::string("/tmp/curvedoctor_bench_") +
                       (detectron2 ? "detectron2_metrics.json" : "mmdet.log.json");
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) >= kTargetBytes && !ec) return path;
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> dist(0.0, 3.0);
    const char* d2Keys[] = {"data_time",
                            "eta_seconds",
                            "fast_rcnn/cls_accuracy",
                            "fast_rcnn/false_negative",
                            "fast_rcnn/fg_cls_accuracy",
                            "loss_box_reg",
                            "loss_cls",
                            "loss_mask",
                            "loss_rpn_cls",
                            "loss_rpn_loc",
                            "lr",
                            "mask_rcnn/accuracy",
                            "mask_rcnn/false_negative",
                            "mask_rcnn/false_positive",
                            "rank_data_time",
                            "roi_head/num_bg_samples",
                            "roi_head/num_fg_samples",
                            "rpn/num_neg_anchors",
                            "rpn/num_pos_anchors",
                            "time",
                            "total_loss"};
    const char* mmKeys[] = {"lr",       "memory", "data_time", "loss_rpn_cls", "loss_rpn_bbox",
                            "loss_cls", "acc",    "loss_bbox", "loss",         "time"};
    std::string out;
    out.reserve(kTargetBytes + 4096);
    if (!detectron2) out += "{\"env_info\": \"sys.platform: linux\", \"seed\": 0}\n";
    for (std::int64_t i = 0; out.size() < kTargetBytes; ++i) {
        out += '{';
        if (detectron2) {
            bool first = true;
            for (const char* k : d2Keys) {
                if (!first) out += ", ";
                first = false;
                out += '"';
                out += k;
                out += "\": ";
                putDouble(out, dist(gen));
                if (std::string_view(k) == "fast_rcnn/fg_cls_accuracy")
                    out += ", \"iteration\": " + std::to_string(i * 20 + 19);
            }
        } else {
            out += "\"mode\": \"train\", \"epoch\": " + std::to_string(1 + i / 1000) +
                   ", \"iter\": " + std::to_string(50 * (1 + i % 1000));
            for (const char* k : mmKeys) {
                out += ", \"";
                out += k;
                out += "\": ";
                putDouble(out, std::round(dist(gen) * 1e5) / 1e5);
            }
        }
        out += "}\n";
    }
    std::ofstream(path, std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    return path;
}

void loadLines(benchmark::State& state, bool detectron2) {
    const JsonLinesLoader loader(detectron2 ? JsonLinesDialect::Detectron2
                                            : JsonLinesDialect::MmdetLogJson);
    curvedoctor::bench::benchmarkLoader(state, loader, generate(detectron2));
}

void BM_JsonlDetectron2(benchmark::State& state) {
    loadLines(state, true);
}
void BM_JsonlMmdetection(benchmark::State& state) {
    loadLines(state, false);
}

// The parser alone: walk every line, read every number.
void BM_JsonReaderWalk(benchmark::State& state) {
    const std::string path = generate(true);
    FileBytes bytes;
    std::string error;
    if (!bytes.open(path, error)) {
        state.SkipWithError(error.c_str());
        return;
    }
    const std::string_view text = bytes.view();
    for (auto _ : state) {
        double sum = 0.0;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t eol = text.find('\n', pos);
            if (eol == std::string_view::npos) eol = text.size();
            JsonReader r(text.substr(pos, eol - pos));
            pos = eol + 1;
            std::string_view key;
            if (!r.beginObject()) continue;
            while (r.nextKey(key)) {
                double v = 0.0;
                if (r.readNumber(v)) sum += v;
            }
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

}  // namespace

BENCHMARK(BM_JsonlDetectron2)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_JsonlMmdetection)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_JsonReaderWalk)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
