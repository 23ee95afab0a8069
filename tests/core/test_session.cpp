#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/session/session.h"

namespace curvedoctor::core {
namespace {

Session sampleSession() {
    Session s;
    s.runs = {{"/data/exp/logs/a.csv", "run a", "#1f77b4", true},
              {"/data/exp/b/metrics.jsonl", "b \"quoted\"", "#ff7f0e", false},
              {"/elsewhere/c.csv", "c", "", true}};
    s.groups = {{"seeds", {"/data/exp/logs/a.csv", "/elsewhere/c.csv"}}};
    s.nameFilter = "^run";
    s.findingFilter = "diverged";
    s.hyperparameterFilter = "lr=0.001";
    s.smoothingKind = "gaussian";
    s.smoothingWeight = 0.85;
    s.xAxis = "epoch";
    s.logY = true;
    s.showRaw = false;
    s.chartLayout = "tiled";
    s.compareLayout = "side-by-side";
    s.charts = {"accuracy", "grad_norm"};
    s.zoomX = std::make_pair(0.1, 1234.5678901234);
    return s;
}

TEST(Session, RoundTripsEveryField) {
    const Session s = sampleSession();
    const std::string text = writeSession(s, "/data/exp");
    const SessionReadResult r = readSession(text, "/data/exp");
    ASSERT_TRUE(r.session.has_value()) << r.error;
    EXPECT_EQ(*r.session, s);
}

TEST(Session, PathsBelowTheSessionFolderAreRelativeOthersAbsolute) {
    const std::string text = writeSession(sampleSession(), "/data/exp");
    EXPECT_NE(text.find("\"path\": \"logs/a.csv\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"path\": \"b/metrics.jsonl\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"path\": \"/elsewhere/c.csv\""), std::string::npos) << text;
    // The session moved with its logs: relative paths follow it, absolute ones stay.
    const SessionReadResult moved = readSession(text, "/mnt/copy");
    ASSERT_TRUE(moved.session.has_value()) << moved.error;
    EXPECT_EQ(moved.session->runs[0].path, "/mnt/copy/logs/a.csv");
    EXPECT_EQ(moved.session->runs[2].path, "/elsewhere/c.csv");
    EXPECT_EQ(moved.session->groups[0].paths[0], "/mnt/copy/logs/a.csv");
}

TEST(Session, ASiblingFolderWithTheSamePrefixIsNotBelow) {
    Session s;
    s.runs = {{"/data/exp2/a.csv", "a", "", true}};
    const std::string text = writeSession(s, "/data/exp");
    EXPECT_NE(text.find("\"/data/exp2/a.csv\""), std::string::npos) << text;
}

TEST(Session, NoZoomIsNull) {
    Session s;
    const SessionReadResult r = readSession(writeSession(s, "/x"), "/x");
    ASSERT_TRUE(r.session.has_value()) << r.error;
    EXPECT_FALSE(r.session->zoomX.has_value());
}

TEST(Session, ANewerFormatVersionIsRefused) {
    const SessionReadResult r =
        readSession(R"({"format": "curvedoctor-session", "version": 7, "runs": []})", "/x");
    EXPECT_FALSE(r.session.has_value());
    EXPECT_NE(r.error.find("version 7"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("newer"), std::string::npos) << r.error;
}

TEST(Session, BadInputGivesAOneLineReason) {
    struct Case {
        const char* text;
        const char* says;
    };
    const Case cases[] = {
        {"", "not a JSON object"},
        {"[1, 2]", "not a JSON object"},
        {R"({"version": 1})", "not a CurveDoctor session"},
        {R"({"format": "curvedoctor-session", "version": 1, "runs": {}})", "must be an array"},
        {R"({"format": "curvedoctor-session", "version": 1, "runs": [{"name": "a"}]})",
         "no \"path\""},
        {R"({"format": "curvedoctor-session", "version": 1, "view": {"logY": "yes"}})",
         "expected true or false"},
        {R"({"format": "curvedoctor-session", "version": 1, "runs": [{"path": "a.csv")", "byte"},
    };
    for (const Case& c : cases) {
        const SessionReadResult r = readSession(c.text, "/x");
        EXPECT_FALSE(r.session.has_value()) << c.text;
        EXPECT_NE(r.error.find(c.says), std::string::npos) << c.text << " -> " << r.error;
        EXPECT_EQ(r.error.find('\n'), std::string::npos) << r.error;
    }
}

TEST(Session, UnknownMembersAreSkipped) {
    const SessionReadResult r = readSession(
        R"({"format": "curvedoctor-session", "version": 1, "future": {"a": [1, 2]},
            "runs": [{"path": "a.csv", "extra": null}], "view": {"xAxis": "epoch", "new": 3}})",
        "/x");
    ASSERT_TRUE(r.session.has_value()) << r.error;
    ASSERT_EQ(r.session->runs.size(), 1U);
    EXPECT_EQ(r.session->runs[0].path, "/x/a.csv");
    EXPECT_EQ(r.session->xAxis, "epoch");
}

TEST(Session, ReadsAFileAndNamesItInErrors) {
    const auto dir = std::filesystem::temp_directory_path() / "curvedoctor_session_test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "view.cdsession";
    {
        std::ofstream out(file);
        out << writeSession(sampleSession(), dir.string());
    }
    const SessionReadResult ok = readSessionFile(file.string());
    ASSERT_TRUE(ok.session.has_value()) << ok.error;
    EXPECT_EQ(ok.session->runs.size(), 3U);
    const SessionReadResult missing = readSessionFile((dir / "none.cdsession").string());
    EXPECT_FALSE(missing.session.has_value());
    EXPECT_NE(missing.error.find("none.cdsession"), std::string::npos) << missing.error;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace curvedoctor::core
