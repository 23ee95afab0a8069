// W&B run folders and the binary .wandb transaction log. The fixtures are written by
// tests/data/scripts/make_wandb_fixtures.py (a real tiny training, framing and protobuf by hand);
// the expected values come from the JSON sidecar the script writes beside them, and the damaged
// files are built here with tests/core/wandb_writer.h (its own bitwise CRC-32).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <utility>

#include "core/loader_registry.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/wandb/wandb_loader.h"
#include "core/loaders/wandb/wandb_log_reader.h"
#include "tests/core/follow_test_support.h"
#include "tests/core/json_test_parser.h"
#include "tests/core/wandb_writer.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;
using test::JsonTestParser;
using test::JsonValue;
using test::WandbWriter;
using testutil::ScratchDir;

const fs::path kData = fs::path(CURVEDOCTOR_TEST_DATA_DIR) / "wandb";
const fs::path kRunDir = kData / "offline-run-20261203_231500-cdfix001";
const fs::path kOldDir = kData / "run-20200101_000000-oldclnt1";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}
const JsonValue& expected() {
    static const JsonValue v = JsonTestParser::parse(slurp(kData / "expected" / "cdfix001.json"));
    return v;
}
bool hasWarning(const Run& run, LoadWarningCode code, const std::string& part) {
    for (const auto& w : run.warnings)
        if (w.code == code && w.message.find(part) != std::string::npos) return true;
    return false;
}
const LoadWarning* firstWarning(const Run& run, LoadWarningCode code) {
    for (const auto& w : run.warnings)
        if (w.code == code) return &w;
    return nullptr;
}

// Every metric of every history row equals what the script logged, at its step and wall time.
void expectHistory(const Run& run, bool withWallTime) {
    const JsonValue& rows = expected()["history"];
    ASSERT_EQ(rows.array.size(), 24U);
    for (const auto& [name, value] : rows[0]["metrics"].object) {
        const Series* s = run.find(name);
        ASSERT_NE(s, nullptr) << name;
        ASSERT_EQ(s->size(), rows.array.size()) << name;
        for (std::size_t i = 0; i < rows.array.size(); ++i) {
            EXPECT_EQ(s->steps[i], static_cast<std::int64_t>(rows[i]["step"].number)) << name;
            EXPECT_DOUBLE_EQ(s->values[i], rows[i]["metrics"][name].number) << name << " " << i;
            if (withWallTime) {
                ASSERT_EQ(s->wallTimes.size(), s->size());
                EXPECT_DOUBLE_EQ(s->wallTimes[i], rows[i]["wall_time"].number);
            }
        }
    }
    EXPECT_EQ(run.metrics.count("weights"), 0U);  // the histogram is not a curve
    EXPECT_EQ(run.metrics.count("_runtime"), 0U);
    EXPECT_EQ(run.metrics.size(), rows[0]["metrics"].object.size());
}

TEST(WandbLog, Crc32IsZlibs) {
    EXPECT_EQ(crc32("123456789"), 0xCBF43926U);  // the CRC-32 check value
    const std::string long_(1000, 'x');
    EXPECT_EQ(crc32(long_), WandbWriter::crc32Bitwise(long_));
    EXPECT_EQ(crc32(long_.substr(3), crc32(long_.substr(0, 3))), crc32(long_));
}

TEST(WandbLog, FixtureSpansBlocks) {
    // The script wrote one record as FIRST, MIDDLE..., LAST: the framing test is real.
    const JsonValue& types = expected()["fragment_types"];
    ASSERT_GE(types.array.size(), 3U);
    EXPECT_EQ(types[0].number, 2);
    EXPECT_EQ(types[1].number, 3);
    EXPECT_EQ(types.array.back().number, 4);
}

TEST(WandbRunFolder, ValuesEqualWhatTheScriptWrote) {
    const LoadBatch batch = loadPaths({kRunDir.string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    const core::Run& run = *batch.runs[0];
    EXPECT_EQ(run.format, "wandb");
    EXPECT_EQ(run.name, expected()["display_name"].string);
    expectHistory(run, true);
    // config.yaml's `value`s, without W&B's own `_wandb` entry.
    const JsonValue& config = expected()["config"];
    EXPECT_EQ(run.hyperparameters.size(), config.object.size());
    EXPECT_EQ(run.hyperparameters.at("optimizer"), "SGD");
    EXPECT_DOUBLE_EQ(std::stod(run.hyperparameters.at("lr")), config["lr"].number);
    EXPECT_EQ(run.hyperparameters.count("_wandb.cli_version"), 0U);
    // Where the metrics came from, and the skipped histogram, each said once.
    EXPECT_TRUE(hasWarning(run, LoadWarningCode::FileSkipped, "run-cdfix001.wandb"));
    EXPECT_TRUE(hasWarning(run, LoadWarningCode::NotANumber, "'weights'"));
    EXPECT_EQ(firstWarning(run, LoadWarningCode::UnreadableRecord), nullptr);
    EXPECT_EQ(firstWarning(run, LoadWarningCode::CutShort), nullptr);
}

TEST(WandbRunFolder, OlderClientsHistoryJsonl) {
    const LoadBatch batch = loadPaths({kOldDir.string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    expectHistory(*batch.runs[0], true);
    EXPECT_EQ(batch.runs[0]->hyperparameters.at("batch_size"), "64");
}

TEST(WandbFile, LoadedOnItsOwn) {
    const LoadBatch batch = loadPaths({(kRunDir / "run-cdfix001.wandb").string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    expectHistory(*batch.runs[0], true);
    EXPECT_EQ(batch.runs[0]->hyperparameters.at("batch_size"), "64");  // the RunRecord's config
    EXPECT_EQ(batch.runs[0]->hyperparameters.at("optimizer"), "SGD");  // JSON string unquoted
}

// A file of `n` history records with growing values; each about 3 KB so they fill blocks.
WandbWriter manyRecords(int n) {
    WandbWriter w;
    const std::string pad = "\"" + std::string(3000, 'p') + "\"";
    for (int i = 0; i < n; ++i)
        w.write(WandbWriter::history(i, {{"loss", std::to_string(i) + ".5"}, {"note", pad}}));
    return w;
}

Run readBytes(const std::string& bytes) {
    RunBuilder b;
    (void)readWandbLog(bytes, b, {});
    return b.finish();
}

TEST(WandbLog, BadCrcSkipsToTheNextBlock) {
    WandbWriter w = manyRecords(30);
    std::string bytes = w.bytes();
    const auto& at = w.offsets();
    // Record 3 is in the first block; records after it in that block are lost with it.
    ASSERT_LT(at[3], WandbWriter::kBlock);
    bytes[at[3] + 20] ^= 0x40;
    std::size_t firstInBlock1 = 0;
    while (at[firstInBlock1] < WandbWriter::kBlock) ++firstInBlock1;
    const core::Run run = readBytes(bytes);
    const Series* loss = run.find("loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 3 + (30 - firstInBlock1));
    EXPECT_EQ(loss->steps[2], 2);
    EXPECT_EQ(loss->steps[3], static_cast<std::int64_t>(firstInBlock1));  // resynced
    EXPECT_DOUBLE_EQ(loss->values[3], static_cast<double>(firstInBlock1) + 0.5);
    const LoadWarning* w3 = firstWarning(run, LoadWarningCode::UnreadableRecord);
    ASSERT_NE(w3, nullptr);
    EXPECT_EQ(w3->byteOffset, static_cast<std::int64_t>(at[3]));
    EXPECT_NE(w3->message.find("byte " + std::to_string(at[3])), std::string::npos);
}

TEST(WandbLog, TruncatedLastRecordIsNotData) {
    const WandbWriter w = manyRecords(12);
    const auto& at = w.offsets();
    for (const std::size_t cut : {at[11] + 3, at[11] + 40, w.bytes().size() - 1}) {
        const core::Run run = readBytes(w.bytes().substr(0, cut));
        ASSERT_NE(run.find("loss"), nullptr);
        EXPECT_EQ(run.find("loss")->size(), 11U) << cut;
        EXPECT_NE(firstWarning(run, LoadWarningCode::CutShort), nullptr) << cut;
        EXPECT_EQ(firstWarning(run, LoadWarningCode::UnreadableRecord), nullptr) << cut;
    }
    // A record cut between its FIRST and LAST fragments (the fixture's 70 KB histogram record).
    const std::string fixture = slurp(kRunDir / "run-cdfix001.wandb");
    const core::Run cut = readBytes(fixture.substr(0, 50000));
    ASSERT_NE(cut.find("val/loss"), nullptr);
    EXPECT_EQ(cut.find("val/loss")->size(), 10U);  // steps 0..9; step 10 is the cut record
    EXPECT_NE(firstWarning(cut, LoadWarningCode::CutShort), nullptr);
}

TEST(WandbLog, NonFiniteAndNestedValues) {
    WandbWriter w;
    w.write(WandbWriter::history(0, {{"a", "\"NaN\""},
                                     {"b", "Infinity"},
                                     {"c", "\"-Infinity\""},
                                     {"d", "NaN"},
                                     {"img", R"({"_type": "image-file"})"},
                                     {"s", "\"text\""},
                                     {"_runtime", "1.5"}}));
    w.write(WandbWriter::history(7, {{"a", "2"}, {"_step", "99"}}));  // HistoryStep wins
    const core::Run run = readBytes(w.bytes());
    ASSERT_EQ(run.metrics.size(), 4U);
    EXPECT_TRUE(std::isnan(run.find("a")->values[0]));
    EXPECT_EQ(run.find("b")->values[0], std::numeric_limits<double>::infinity());
    EXPECT_EQ(run.find("c")->values[0], -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(run.find("d")->values[0]));
    EXPECT_EQ(run.find("a")->steps[1], 7);
    const LoadWarning* skipped = firstWarning(run, LoadWarningCode::NotANumber);
    ASSERT_NE(skipped, nullptr);
    EXPECT_NE(skipped->message.find("2 history values"), std::string::npos) << skipped->message;
}

TEST(WandbLog, GarbageEmptyAndForeignFiles) {
    // Garbage after a valid header: warnings, no points, no crash.
    std::string garbage(":W&B\xE1\xBE\x00", 7);
    for (int i = 0; i < 100000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 251));
    const core::Run run = readBytes(garbage);
    EXPECT_EQ(run.pointCount(), 0U);
    EXPECT_NE(firstWarning(run, LoadWarningCode::UnreadableRecord), nullptr);
    const WandbLoader loader;
    EXPECT_FALSE(loader.load(LoadInput{"x.wandb", garbage, {}}).error.empty());
    EXPECT_FALSE(loader.load(LoadInput{"x.wandb", "", {}}).error.empty());
    EXPECT_FALSE(loader.load(LoadInput{"x.wandb", ":W&", {}}).error.empty());
    EXPECT_FALSE(
        loader.load(LoadInput{"x.wandb", std::string(":W&B\xE1\xBE\x00", 7), {}}).error.empty());
    EXPECT_EQ(loader.sniff(SniffInput{"x.wandb", "x.wandb", "PK\x03\x04", false}), 0);

    ScratchDir dir("wandb-empty");
    spit(dir.file("run-x.wandb"), "");
    const LoadBatch batch = loadPaths({dir.file("run-x.wandb")});
    ASSERT_EQ(batch.errors.size(), 1U);
    EXPECT_TRUE(batch.runs.empty());
}

// Mutated copies of the fixture (bytes flipped, cut, and the same re-framed with valid CRCs so
// the protobuf decoding sees the damage): never a crash, and every series stays consistent.
TEST(WandbLog, MutationsKeepRunsConsistent) {
    const std::string fixture = slurp(kRunDir / "run-cdfix001.wandb");
    std::mt19937 gen(7);
    const WandbLoader loader;
    for (int round = 0; round < 150; ++round) {
        std::string bytes = fixture.substr(0, 7 + gen() % (fixture.size() - 7));
        for (int flips = 1 + static_cast<int>(gen() % 8); flips > 0; --flips)
            bytes[7 + gen() % (bytes.size() - 7)] = static_cast<char>(gen());
        WandbWriter reframed;
        reframed.write(bytes.substr(7 + gen() % 64));
        for (const std::string* input : {&std::as_const(bytes), &reframed.bytes()}) {
            const LoadResult result = loader.load(LoadInput{"run-x.wandb", *input, {}});
            for (const core::Run& run : result.runs)
                for (const auto& [name, series] : run.metrics) {
                    EXPECT_EQ(series.steps.size(), series.values.size()) << name;
                    EXPECT_TRUE(series.wallTimes.empty() ||
                                series.wallTimes.size() == series.steps.size());
                }
        }
    }
}

// A `wandb/` folder as the client leaves it: several runs, `latest-run` and `debug*.log` links.
TEST(WandbRunFolder, SeveralRunsAndLatestRunLink) {
    ScratchDir scratch("wandb-dir");
    const fs::path wandb = fs::path(scratch.path()) / "wandb";
    fs::create_directories(wandb);
    fs::copy(kRunDir, wandb / kRunDir.filename(), fs::copy_options::recursive);
    const fs::path second = wandb / "offline-run-20261204_000000-cdfix002";
    fs::copy(kRunDir, second, fs::copy_options::recursive);
    fs::copy(kOldDir, wandb / kOldDir.filename(), fs::copy_options::recursive);
    fs::create_directories(second / "logs");
    spit(second / "logs" / "debug.log",
         "2026-12-04 00:00:01,000 INFO    MainThread:77 [wandb_init.py:init():1] loss 5 step 3\n");
    fs::create_directory_symlink(second, wandb / "latest-run");
    fs::create_symlink(second / "logs" / "debug.log", wandb / "debug.log");
    const LoadBatch batch = loadPaths({wandb.string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 3U);
    for (const auto& run : batch.runs) {
        EXPECT_EQ(run->format, "wandb");
        EXPECT_EQ(run->find("val/acc")->size(), 24U);
    }
    // Opening the latest-run link itself reads that one run.
    const LoadBatch latest = loadPaths({(wandb / "latest-run").string()});
    ASSERT_EQ(latest.runs.size(), 1U);
    EXPECT_EQ(latest.runs[0]->find("val/acc")->size(), 24U);
}

TEST(WandbRunFolder, TruncatedLogIsComparedWithTheSummary) {
    ScratchDir scratch("wandb-cut");
    const fs::path run = fs::path(scratch.path()) / kRunDir.filename();
    fs::copy(kRunDir, run, fs::copy_options::recursive);
    const std::string bytes = slurp(kRunDir / "run-cdfix001.wandb");
    spit(run / "run-cdfix001.wandb", bytes.substr(0, bytes.size() * 9 / 10));
    const LoadBatch batch = loadPaths({run.string()});
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_LT(batch.runs[0]->find("val/loss")->size(), 24U);
    EXPECT_TRUE(hasWarning(*batch.runs[0], LoadWarningCode::CutShort, "reached step 23"));
}

TEST(WandbRunFolder, SummaryOnlyGivesTheFinalValues) {
    ScratchDir scratch("wandb-summary");
    const fs::path run = fs::path(scratch.path()) / "run-20261203_231500-summary1";
    fs::create_directories(run / "files");
    fs::copy(kRunDir / "files" / "wandb-summary.json", run / "files" / "wandb-summary.json");
    const LoadBatch batch = loadPaths({run.string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    const JsonValue& last = expected()["history"].array.back();
    const Series* loss = batch.runs[0]->find("val/loss");
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->size(), 1U);
    EXPECT_EQ(loss->steps[0], static_cast<std::int64_t>(last["step"].number));
    EXPECT_DOUBLE_EQ(loss->values[0], last["metrics"]["val/loss"].number);
    EXPECT_TRUE(hasWarning(*batch.runs[0], LoadWarningCode::Assumption, "final value"));
}

TEST(WandbRunFolder, ConsoleTextWhenThereIsNoHistory) {
    ScratchDir scratch("wandb-console");
    const fs::path run = fs::path(scratch.path()) / "offline-run-20261203_231500-console1";
    fs::create_directories(run / "files");
    fs::copy(kRunDir / "files" / "output.log", run / "files" / "output.log");
    fs::copy(kRunDir / "files" / "config.yaml", run / "files" / "config.yaml");
    const LoadBatch batch = loadPaths({run.string()});
    ASSERT_TRUE(batch.errors.empty()) << batch.errors[0].message;
    ASSERT_EQ(batch.runs.size(), 1U);
    EXPECT_EQ(batch.runs[0]->format, "wandb");
    EXPECT_FALSE(batch.runs[0]->metrics.empty());  // whichever console reader claims it
    EXPECT_EQ(batch.runs[0]->hyperparameters.at("hidden"), "32");
}

}  // namespace
}  // namespace curvedoctor::core
