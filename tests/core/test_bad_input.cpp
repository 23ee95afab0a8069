// Bad input is normal input: every broken, empty, binary, mislabelled, unreadable or huge path
// ends as one clear line naming the file (never a crash, a hang or an exhausted memory), and the
// good paths beside it still load.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "core/loader_registry.h"

namespace curvedoctor::core {
namespace {

namespace fs = std::filesystem;

const std::string kTextDir = std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/text/";

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "curvedoctor-bad-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string file(const std::string& name, const std::string& content) const {
        const std::string path = (m_path / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    return s;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One path in, nothing loaded, exactly one error: for `path`, on one line, saying something.
LoadError expectOneError(const std::string& path, const LoadOptions& options = {}) {
    const LoadBatch batch = loadPaths({path}, LoaderRegistry::builtin(), options);
    EXPECT_TRUE(batch.runs.empty()) << path << " loaded " << batch.runs.size() << " runs";
    if (batch.errors.size() != 1) {
        ADD_FAILURE() << path << ": " << batch.errors.size() << " errors";
        return {};
    }
    const LoadError& e = batch.errors[0];
    EXPECT_EQ(e.source, path);
    EXPECT_FALSE(e.message.empty());
    EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
    EXPECT_LT(e.message.size(), 200u) << e.message;
    return e;
}

long maxRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

TEST(BadInput, EmptyFile) {
    const TempDir dir;
    EXPECT_EQ(expectOneError(dir.file("metrics.csv", "")).message, "file is empty");
}

TEST(BadInput, ZeroByteEventFile) {
    const TempDir dir;
    EXPECT_EQ(expectOneError(dir.file("events.out.tfevents.0", "")).message, "file is empty");
}

TEST(BadInput, BinaryFileNamedCsv) {
    const TempDir dir;
    std::string bytes = randomBytes(4096, 7);
    bytes[10] = '\0';  // surely binary.
    expectOneError(dir.file("metrics.csv", bytes));
}

TEST(BadInput, RandomBytesUnderEveryKnownName) {
    const TempDir dir;
    const std::vector<std::string> names{"metrics.csv",
                                         "results.csv",
                                         "eval.csv",
                                         "trainer_state.json",
                                         "metrics.json",
                                         "scalars.json",
                                         "trainer_log.jsonl",
                                         "run.log.json",
                                         "events.out.tfevents.1.host.2.0",
                                         "events.out.tfevents.1.host.v2",
                                         "train.log",
                                         "nohup.out",
                                         "output.log",
                                         "results.txt",
                                         "hparams.yaml",
                                         "loss",
                                         "noextension"};
    unsigned seed = 1;
    for (const auto& name : names) {
        SCOPED_TRACE(name);
        expectOneError(dir.file(name, randomBytes(20000, seed++)));
    }
}

TEST(BadInput, JsonCutInTheMiddle) {
    const TempDir dir;
    const std::string whole =
        "{\n  \"best_metric\": null,\n  \"global_step\": 20,\n  \"log_history\": [\n"
        "    {\n      \"epoch\": 0.5,\n      \"learning_rate\": 4e-05,\n      \"loss\": 0.7,\n"
        "      \"step\": 10\n    },\n    {\n      \"epoch\": 1.0,\n      \"learning_rate\": "
        "3e-05,\n"
        "      \"loss\": 0.6,\n      \"step\": 20\n    }\n  ]\n}\n";
    const std::string cut = whole.substr(0, whole.size() / 2);
    const std::string lines = "{\"iteration\": 19, \"total_loss\": 1.5}\n{\"iteration\": 39, \"tot";
    for (const auto& [name, text] : {std::pair{std::string("trainer_state.json"), cut},
                                     std::pair{std::string("metrics.json"), lines}}) {
        SCOPED_TRACE(name);
        const std::string path = dir.file(name, text);
        const LoadBatch batch = loadPaths({path});
        // The whole entries before the cut load; the user is told, in one line, where it stops:
        // on the last line, at a byte offset inside that line (counted here, not by the loader).
        std::vector<std::string> messages;
        for (const auto& e : batch.errors) messages.push_back(e.message);
        for (const auto& run : batch.runs)
            for (const auto& w : run->warnings) messages.push_back(w.message);
        ASSERT_EQ(messages.size(), 1u);
        const std::string& m = messages[0];
        EXPECT_EQ(m.find('\n'), std::string::npos);
        const auto lastLine = std::count(text.begin(), text.end(), '\n') + 1;
        const std::string at = "line " + std::to_string(lastLine) + " (byte ";
        const auto pos = m.find(at);
        ASSERT_NE(pos, std::string::npos) << m << " lacks '" << at << "'";
        const auto byte = std::stoull(m.substr(pos + at.size()));
        EXPECT_GT(byte, text.rfind('\n')) << m;
        EXPECT_LE(byte, text.size()) << m;
    }
}

// Found by fuzz_hf_trainer: a value logged under an empty key became a metric without a name.
TEST(BadInput, NamelessValuesAreNotMetrics) {
    const TempDir dir;
    const std::string state = dir.file(
        "trainer_state.json",
        R"({"log_history": [{"loss": 0.5, "": 64.0, "step": 1}, {"loss": 0.4, "step": 2}]})");
    const std::string lines = dir.file("metrics.json",
                                       "{\"iteration\": 1, \"\": 2.0, \"total_loss\": 0.5}\n"
                                       "{\"iteration\": 2, \"\": 3.0, \"total_loss\": 0.4}\n");
    const LoadBatch batch = loadPaths({state, lines});
    ASSERT_EQ(batch.runs.size(), 2u);
    for (const auto& run : batch.runs) {
        SCOPED_TRACE(run->format);
        EXPECT_EQ(run->metrics.size(), 1u);
        EXPECT_EQ(run->find(""), nullptr);
    }
}

TEST(BadInput, HugeSparseFileIsRefusedOrLoadedWithoutExhaustingMemory) {
    const TempDir dir;
    const std::string path = (dir.path() / "huge.csv").string();
    { std::ofstream(path, std::ios::binary) << "epoch,loss\n"; }
    constexpr std::uintmax_t kSize = (2ULL << 30) + 4096;  // just over 2 GiB, sparse.
    std::error_code ec;
    fs::resize_file(path, kSize, ec);
    if (ec) GTEST_SKIP() << "cannot create a sparse 2 GiB file here: " << ec.message();
    const long rssBefore = maxRssKiB();

    LoadOptions limited;
    limited.maxFileBytes = 1ULL << 30;
    const LoadError refused = expectOneError(path, limited);
    EXPECT_EQ(refused.message, "file is 2048 MiB, over the 1024 MiB limit; not loaded");

    // Under the default limit the file is mapped, not read: a CSV header followed by 2 GiB of
    // NUL bytes is not a log, and finding that out must not touch the whole file.
    const LoadBatch batch = loadPaths({path});
    EXPECT_EQ(batch.errors.size() + batch.runs.size(), 1u);
    for (const auto& e : batch.errors) EXPECT_EQ(e.source, path);
    EXPECT_LT(maxRssKiB() - rssBefore, 256 * 1024) << "loading used more than 256 MiB";
}

TEST(BadInput, FolderWithoutLogs) {
    const TempDir dir;
    (void)dir.file("README.md", "# notes\nnothing to plot here\n");
    (void)dir.file("model.bin", randomBytes(1000, 3));
    fs::create_directory(dir.path() / "empty");
    EXPECT_EQ(expectOneError(dir.path().string()).message, "no training log found in this folder");
    EXPECT_EQ(expectOneError((dir.path() / "empty").string()).message,
              "no training log found in this folder");
}

TEST(BadInput, MissingPath) {
    const std::string path = "/nonexistent-curvedoctor-dir/metrics.csv";
    EXPECT_EQ(expectOneError(path).message, "No such file or directory");
}

TEST(BadInput, UnreadableFile) {
    if (geteuid() == 0) GTEST_SKIP() << "running as root: file permissions do not apply";
    const TempDir dir;
    const std::string path = dir.file("train.log", readFile(kTextDir + "key_value.log"));
    fs::permissions(path, fs::perms::none);
    EXPECT_EQ(expectOneError(path).message, "Permission denied");
}

TEST(BadInput, BadAndGoodFileTogetherLoadTheGoodOne) {
    const TempDir dir;
    const std::string bad = dir.file("metrics.csv", "");
    const std::string good = dir.file("train.log", readFile(kTextDir + "key_value.log"));
    const LoadBatch batch = loadPaths({bad, "/nonexistent-curvedoctor-dir/x.log", good});
    ASSERT_EQ(batch.runs.size(), 1u);
    EXPECT_EQ(batch.runs[0]->source, good);
    EXPECT_NE(batch.runs[0]->find("loss"), nullptr);
    ASSERT_EQ(batch.errors.size(), 2u);
    EXPECT_EQ(batch.errors[0].source, bad);
    EXPECT_EQ(batch.errors[1].source, "/nonexistent-curvedoctor-dir/x.log");
}

}  // namespace
}  // namespace curvedoctor::core
