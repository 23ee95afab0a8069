// TensorBoard event files. Fixture bytes come from tests/data/scripts/make_tfevents_fixtures.py,
// an independent Python encoder; expected real-world counts and values were read with a separate
// Python decoder (bitwise CRC-32C, hand-written wire parsing) over ../shared/realworld.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

#include "core/loader_registry.h"
#include "core/loaders/tfevents_loader.h"
#include "core/loaders/tfevents_reader.h"
#include "formats_test_util.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using testutil::readAll;
using testutil::testData;

Run loadOne(const std::string& path) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), {});
    EXPECT_TRUE(batch.errors.empty()) << (batch.errors.empty() ? "" : batch.errors[0].message);
    EXPECT_EQ(batch.runs.size(), 1U);
    return batch.runs.empty() ? Run{} : *batch.runs[0];
}

bool anyWarningContains(const core::Run& run, const std::string& text) {
    for (const auto& w : run.warnings)
        if (w.message.find(text) != std::string::npos) return true;
    return false;
}

TEST(Crc32c, CheckValueFromTheCrcCatalogue) {
    // CRC-32C check value (RFC 3720 / Williams' catalogue): crc32c("123456789") = 0xE3069283.
    EXPECT_EQ(crc32c("123456789"), 0xE3069283U);
}

TEST(Crc32c, MaskedValueOfTensorFlowTestBytes) {
    // DESIGN.md section 3: masked CRC of 1a 11 + "CRC test, one two" is 0x5794d08a.
    EXPECT_EQ(maskCrc32c(crc32c(std::string("\x1a\x11") + "CRC test, one two")), 0x5794d08aU);
}

TEST(Crc32c, LongInputAndIncrementalAgree) {
    // 768 bytes go through the eight-byte path; 0x9fa293b3 from a bitwise Python CRC-32C.
    std::string data;
    for (int r = 0; r < 3; ++r)
        for (int i = 0; i < 256; ++i) data.push_back(static_cast<char>(i));
    EXPECT_EQ(crc32c(data), 0x9fa293b3U);
    EXPECT_EQ(crc32c(data.substr(301), crc32c(data.substr(0, 301))), 0x9fa293b3U);
}

TEST(Tfevents, TorchSimpleValues) {
    const core::Run run = loadOne(testData("tfevents/torch_simple_value.tfevents"));
    EXPECT_EQ(run.format, "tfevents");
    ASSERT_EQ(run.metrics.size(), 2U);
    const Series* loss = run.find("train/loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 5U);
    ASSERT_TRUE(loss->hasWallTimes());
    EXPECT_FALSE(loss->hasEpochs());
    for (int s = 0; s < 5; ++s) {
        EXPECT_EQ(loss->steps[s], s);
        EXPECT_EQ(loss->values[s], static_cast<double>(static_cast<float>(1.0 / (s + 1))));
        EXPECT_DOUBLE_EQ(loss->wallTimes[s], 1700000000.0 + s);
    }
    EXPECT_TRUE(run.warnings.empty());
}

TEST(Tfevents, Tf2TensorEncodingsAndSkippedPlugins) {
    const core::Run run = loadOne(testData("tfevents/tf2_tensors.tfevents"));
    std::set<std::string> names;
    for (const auto& [name, s] : run.metrics) names.insert(name);
    // Histograms (rank 2), hparams-plugin placeholders and images are not curves.
    EXPECT_EQ(names, (std::set<std::string>{"epoch_loss", "packed_float", "unpacked_float",
                                            "double_content", "double_val"}));
    for (int s = 0; s < 3; ++s) {
        EXPECT_EQ(run.find("epoch_loss")->values[s], 2.0 - s);
        EXPECT_EQ(run.find("packed_float")->values[s], 0.5 * s);
        EXPECT_EQ(run.find("unpacked_float")->values[s], 3.0 + s);
        EXPECT_EQ(run.find("double_content")->values[s], 0.1 * s);  // float64 kept exactly.
        EXPECT_EQ(run.find("double_val")->values[s], 1e-3 * s);
        EXPECT_EQ(run.find("double_val")->steps[s], s);
    }
    EXPECT_TRUE(run.warnings.empty());
}

TEST(Tfevents, TruncatedLastRecordKeepsWholeRecords) {
    const core::Run run = loadOne(testData("tfevents/truncated.tfevents"));
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->values, (std::vector<double>{1.0, 2.0}));
    // The cut record starts at byte 126 (tests/data/tfevents/truncated.offset).
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].byteOffset, 126);
    EXPECT_NE(run.warnings[0].message.find("byte 126"), std::string::npos);
    EXPECT_NE(run.warnings[0].message.find("cut short (file still being written?); the "),
              std::string::npos)
        << run.warnings[0].message;
}

TEST(Tfevents, BadDataChecksumIsReportedAndSkipped) {
    const core::Run run = loadOne(testData("tfevents/bad_crc.tfevents"));
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    EXPECT_EQ(loss->steps, (std::vector<std::int64_t>{0, 2}));
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].byteOffset, 84);  // tests/data/tfevents/bad_crc.offset
    EXPECT_NE(run.warnings[0].message.find("checksum"), std::string::npos);
}

TEST(Tfevents, BadHeaderChecksumSkipsToTheNextWholeRecord) {
    std::string bytes = readAll(testData("tfevents/torch_simple_value.tfevents"));
    // Records here are: the file_version event, then five summaries. Corrupt the third
    // record's length checksum: find it by walking the framing.
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
        std::uint64_t len = 0;
        for (int b = 7; b >= 0; --b) len = (len << 8) | static_cast<unsigned char>(bytes[pos + b]);
        if (i < 2) pos += 16 + len;
    }
    bytes[pos + 8] = static_cast<char>(bytes[pos + 8] ^ 0x55);
    TfeventsLoader loader;
    LoadResult result = loader.load(LoadInput{"x.tfevents", bytes, {}});
    ASSERT_EQ(result.runs.size(), 1U);
    const core::Run& run = result.runs[0];
    // Only the broken record (step 1) is lost: reading resumes at the next whole one.
    EXPECT_EQ(run.find("train/loss")->steps, (std::vector<std::int64_t>{0, 2, 3, 4}));
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].byteOffset, static_cast<std::int64_t>(pos));
    EXPECT_EQ(run.warnings[0].message.find("byte " + std::to_string(pos) + ": bad length checksum"),
              0U)
        << run.warnings[0].message;
}

TEST(Tfevents, RecognisedByContentUnderAnyName) {
    const std::string bytes = readAll(testData("tfevents/torch_simple_value.tfevents"));
    const Loader* picked =
        LoaderRegistry::builtin().pick(SniffInput{"/tmp/run.log", "run.log", bytes, false});
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id(), "tfevents");
    TfeventsLoader loader;
    EXPECT_EQ(loader.sniff(SniffInput{"a.txt", "a.txt", "epoch,loss\n1,2\n", false}),
              confidence::kNone);
}

TEST(Tfevents, GarbageAndTinyInputsGiveOneLineErrors) {
    TfeventsLoader loader;
    EXPECT_FALSE(loader.load(LoadInput{"e.tfevents", "", {}}).error.empty());
    const LoadResult tiny = loader.load(LoadInput{"e.tfevents", "abc", {}});
    EXPECT_NE(tiny.error.find("too short"), std::string::npos);
    const LoadResult text = loader.load(LoadInput{"e.tfevents", "this is not an event file", {}});
    EXPECT_NE(text.error.find("byte 0"), std::string::npos);
    EXPECT_TRUE(text.runs.empty());
}

TEST(Tfevents, HugeLengthFieldIsTruncationNotACrash) {
    // A header whose (valid) length claims 2^40 bytes with nothing after it.
    std::string header(8, '\0');
    header[5] = 1;  // 2^40, little-endian
    const std::uint32_t crc = maskCrc32c(crc32c(header));
    for (int b = 0; b < 4; ++b) header.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
    header += "xyz";
    TfeventsLoader loader;
    const LoadResult result = loader.load(LoadInput{"e.tfevents", header, {}});
    ASSERT_EQ(result.runs.size(), 1U);
    EXPECT_TRUE(anyWarningContains(result.runs[0], "cut short"));
}

// A record header (length and its masked CRC) claiming `length` bytes.
std::string recordHeader(std::uint64_t length) {
    std::string header;
    for (int b = 0; b < 8; ++b) header.push_back(static_cast<char>((length >> (8 * b)) & 0xFF));
    const std::uint32_t crc = maskCrc32c(crc32c(header));
    for (int b = 0; b < 4; ++b) header.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
    return header;
}

// Issue #12, 12b (a): an impossible record length mid-file was called "the last record ... cut
// short" though every record after it was whole, and those records were lost.
TEST(Tfevents, ImpossibleLengthMidFileIsNamedAndTheRestLoads) {
    const std::string file = readAll(testData("tfevents/torch_simple_value.tfevents"));
    std::uint64_t first = 0;
    for (int b = 7; b >= 0; --b) first = (first << 8) | static_cast<unsigned char>(file[b]);
    const std::size_t cut = 16 + static_cast<std::size_t>(first);  // after the first record
    const std::string broken =
        file.substr(0, cut) + recordHeader(std::uint64_t{1} << 40) + "garbage" + file.substr(cut);
    TfeventsLoader loader;
    const LoadResult whole = loader.load(LoadInput{"a.tfevents", file, {}});
    const LoadResult result = loader.load(LoadInput{"b.tfevents", broken, {}});
    ASSERT_EQ(whole.runs.size(), 1U);
    ASSERT_EQ(result.runs.size(), 1U);
    const core::Run& run = result.runs[0];
    ASSERT_EQ(run.metrics.size(), whole.runs[0].metrics.size());
    for (const auto& [name, series] : whole.runs[0].metrics) {
        ASSERT_NE(run.find(name), nullptr) << name;
        EXPECT_EQ(run.find(name)->values, series.values) << name;
    }
    ASSERT_EQ(run.warnings.size(), 1U);
    EXPECT_EQ(run.warnings[0].message, "byte " + std::to_string(cut) +
                                           ": impossible record length 1099511627776; the 19 "
                                           "bytes from there to the next whole record, at byte " +
                                           std::to_string(cut + 19) + ", not read");
    EXPECT_EQ(run.warnings[0].byteOffset, static_cast<std::int64_t>(cut));
    EXPECT_EQ(run.warnings[0].code, LoadWarningCode::UnreadableRecord);
}

long maxRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Issue #12, 12b (c): a 1 GiB garbage file named like an event file was read whole before it
// was refused at byte 0. Its first 12 bytes decide now, alone or in a run folder.
TEST(Tfevents, GarbageNamedLikeAnEventFileIsNotReadWhole) {
    const fs::path dir = fs::temp_directory_path() / ("cd_tf_garbage_" + std::to_string(getpid()));
    fs::create_directories(dir / "run");
    const fs::path garbage = dir / "run" / "events.out.tfevents.1.garbage";
    { std::ofstream(garbage, std::ios::binary) << "not an event file at all"; }
    std::error_code ec;
    fs::resize_file(garbage, std::uintmax_t{512} << 20, ec);  // sparse: 512 MiB, mostly zeros
    if (ec) GTEST_SKIP() << "cannot make a sparse file here: " << ec.message();
    fs::copy_file(testData("tfevents/torch_simple_value.tfevents"),
                  dir / "run" / "events.out.tfevents.2.good");
    const long before = maxRssKiB();

    const LoadBatch alone = loadFile(garbage.string(), LoaderRegistry::builtin(), {});
    ASSERT_EQ(alone.errors.size(), 1U);
    EXPECT_EQ(alone.errors[0].message, "not a training log this program can read");

    const LoadBatch folder = loadFolder((dir / "run").string(), LoaderRegistry::builtin(), {});
    EXPECT_TRUE(folder.errors.empty());
    ASSERT_EQ(folder.runs.size(), 1U);
    EXPECT_FALSE(folder.runs[0]->metrics.empty());
    EXPECT_TRUE(anyWarningContains(*folder.runs[0], "byte 0: not a TensorBoard event file"));
    EXPECT_LT(maxRssKiB() - before, 64 * 1024) << "the garbage file was read whole";
    fs::remove_all(dir, ec);
}

// ---- real-world files (counts and values from an independent Python decoder) -------------

TEST(TfeventsRealworld, Detectron2Torch) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run run =
        loadOne(rw + "/tensorboard_01/events.out.tfevents.1737378888.LAPTOP-1BH8GF02.2695.0");
    EXPECT_EQ(run.metrics.size(), 21U);
    for (const auto& [name, s] : run.metrics) EXPECT_EQ(s.size(), 15U) << name;
    const Series* total = run.find("total_loss");
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(total->steps.front(), 19);
    EXPECT_EQ(total->steps.back(), 299);
    EXPECT_NEAR(total->values.front(), 2.152726411819458, 1e-12);
    EXPECT_NEAR(total->values.back(), 0.3522665500640869, 1e-12);
}

TEST(TfeventsRealworld, HfTrainerCallbackSkipsTextSummaries) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run run =
        loadOne(rw + "/tensorboard_02/events.out.tfevents.1713762722.ip-172-31-47-103");
    // 9 scalar tags; args/text_summary and model_config/text_summary are text-plugin tensors.
    EXPECT_EQ(run.metrics.size(), 9U);
    EXPECT_EQ(run.find("args/text_summary"), nullptr);
    EXPECT_EQ(run.find("train/epoch")->size(), 751U);
    EXPECT_EQ(run.find("train/loss")->size(), 750U);
    EXPECT_EQ(run.find("train/grad_norm")->nonFiniteCount(), 750U);  // all NaN in the log
    EXPECT_EQ(run.find("train/train_runtime")->size(), 1U);
    EXPECT_EQ(run.find("train/loss")->steps.back(), 375000);
    EXPECT_NEAR(run.find("train/loss")->values.front(), 0.25270000100135803, 1e-12);
}

TEST(TfeventsRealworld, UltralyticsRepeatedFinalValidation) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run run =
        loadOne(rw + "/tensorboard_04/events.out.tfevents.1675348815.43529bab29be.37247.0");
    EXPECT_EQ(run.metrics.size(), 10U);
    EXPECT_EQ(run.find("train/box_loss")->size(), 1375U);
    EXPECT_EQ(run.find("val/box_loss")->size(), 25U);
    // metrics/* are logged 27 times over 25 epochs: the last epoch's validation repeats, which
    // is kept and reported.
    EXPECT_EQ(run.find("metrics/mAP50(B)")->size(), 27U);
    EXPECT_NEAR(run.find("metrics/mAP50(B)")->values.back(), 0.856762707233429, 1e-12);
    EXPECT_TRUE(anyWarningContains(run, "repeat"));
}

TEST(TfeventsRealworld, KerasFolderWithTrainAndValidation) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    TfeventsLoader loader;
    const std::string dir = rw + "/tensorboard_03";
    EXPECT_EQ(loader.sniff(SniffInput{dir, "tensorboard_03", "", true}), confidence::kCertain);
    const LoadResult result = loader.load(LoadInput{dir, {}, {}});
    ASSERT_TRUE(result.error.empty()) << result.error;
    ASSERT_EQ(result.runs.size(), 1U);
    const core::Run& run = result.runs[0];
    std::set<std::string> names;
    for (const auto& [name, s] : run.metrics) names.insert(name);
    EXPECT_EQ(names, (std::set<std::string>{"train/epoch_loss", "train/epoch_mae",
                                            "validation/epoch_loss", "validation/epoch_mae",
                                            "validation/evaluation_loss_vs_iterations",
                                            "validation/evaluation_mae_vs_iterations"}));
    // Two fit() calls wrote into one log folder: 20 epochs each, concatenated in name order.
    const Series* loss = run.find("train/epoch_loss");
    ASSERT_EQ(loss->size(), 40U);
    EXPECT_NEAR(loss->values[0], 6.7651214599609375, 1e-12);
    EXPECT_NEAR(loss->values[20], 4.571311950683594, 1e-12);
    EXPECT_EQ(loss->steps[20], 0);
    EXPECT_EQ(run.find("validation/epoch_loss")->nonFiniteCount(), 40U);
    EXPECT_EQ(run.find("validation/evaluation_loss_vs_iterations")->steps.back(), 40);
    EXPECT_TRUE(anyWarningContains(run, "go back"));
    // Each step-order warning names the event file (inside train/ or validation/) it is about.
    for (const LoadWarning& w : run.warnings) {
        if (w.code != LoadWarningCode::StepOrder) continue;
        EXPECT_TRUE(w.file.rfind("train/", 0) == 0 || w.file.rfind("validation/", 0) == 0)
            << w.file;
        EXPECT_EQ(w.message.rfind(w.file + ": ", 0), 0U) << w.message;
    }
    EXPECT_EQ(result.consumed.size(), 2U);  // train/ and validation/
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

TEST(TfeventsRealworld, UltralyticsAgreesWithItsResultsCsv) {
    // tensorboard_04 and ultralytics_02 are one run. results.csv counts epochs from 0 and rounds
    // to 5 significant digits; the event file logs epochs from 1 as float32 and repeats the
    // last validation twice, so the first 25 points are compared in order.
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    const core::Run tb =
        loadOne(rw + "/tensorboard_04/events.out.tfevents.1675348815.43529bab29be.37247.0");
    LoadBatch csv = loadPaths({rw + "/ultralytics_02"});
    ASSERT_EQ(csv.runs.size(), 1U);
    const core::Run& table = *csv.runs[0];
    std::size_t compared = 0;
    for (const std::string name :
         {"val/box_loss", "val/cls_loss", "val/dfl_loss", "metrics/precision(B)",
          "metrics/recall(B)", "metrics/mAP50(B)", "metrics/mAP50-95(B)"}) {
        const Series* a = tb.find(name);
        const Series* b = table.find(name);
        ASSERT_NE(a, nullptr) << name;
        ASSERT_NE(b, nullptr) << name;
        ASSERT_EQ(b->size(), 25U) << name;
        ASSERT_GE(a->size(), 25U) << name;
        for (std::size_t i = 0; i < 25; ++i) {
            EXPECT_EQ(a->steps[i], b->steps[i] + 1) << name;
            EXPECT_NEAR(a->values[i], b->values[i], 1e-4 * std::fabs(b->values[i]) + 1e-7)
                << name << " epoch " << b->steps[i];
        }
        ++compared;
    }
    EXPECT_EQ(compared, 7U);
}

}  // namespace
}  // namespace curvedoctor::core

namespace curvedoctor::core {
namespace {

TEST(Tfevents, MutatedFilesNeverCrash) {
    // Bit flips, cuts and spliced garbage over both fixtures: every result is a run or a
    // one-line error, never a crash or a hang (the sanitizer build checks memory too).
    TfeventsLoader loader;
    std::mt19937 gen(1234);
    for (const char* fixture :
         {"tfevents/torch_simple_value.tfevents", "tfevents/tf2_tensors.tfevents"}) {
        const std::string original = readAll(testData(fixture));
        for (int round = 0; round < 400; ++round) {
            std::string bytes = original;
            const int edits = 1 + static_cast<int>(gen() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = gen() % bytes.size();
                switch (gen() % 3) {
                    case 0:
                        bytes[at] = static_cast<char>(bytes[at] ^ (1 << (gen() % 8)));
                        break;
                    case 1:
                        bytes.resize(std::max<std::size_t>(at, 1));
                        break;
                    default:
                        bytes.insert(at, std::string(1 + gen() % 9, static_cast<char>(gen())));
                        break;
                }
            }
            const LoadResult r = loader.load(LoadInput{"m.tfevents", bytes, {}});
            EXPECT_TRUE(!r.runs.empty() || !r.error.empty());
            if (!r.runs.empty()) {
                EXPECT_LE(r.runs[0].pointCount(), bytes.size());
            }
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
