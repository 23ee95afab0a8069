// The `curvedoctor` program itself: it runs the headless commands without loading Qt, and hands
// what needs Qt (the window, `report`) to curvedoctor-ui beside it (session 15).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "app/commands/exit_status.h"
#include "tests/core/csv_test_support.h"

namespace curvedoctor::app {
namespace {

struct Outcome {
    int status = -1;
    std::string out;
};

// Runs `command` through the shell and collects its standard output and exit status.
Outcome run(const std::string& command) {
    Outcome o;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return o;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) o.out.append(buf, n);
    const int raw = pclose(pipe);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return o;
}

const std::string kProgram = "'" CURVEDOCTOR_HEADLESS_BINARY "'";

TEST(HeadlessProgram, LinksNoQtLibrary) {
    // What ldd prints: the dynamic loader lists the libraries it would map, and runs nothing.
    const Outcome o = run("LD_TRACE_LOADED_OBJECTS=1 " + kProgram);
    EXPECT_EQ(o.status, 0);
    EXPECT_NE(o.out.find("libstdc++"), std::string::npos) << o.out;
    EXPECT_EQ(o.out.find("libQt"), std::string::npos) << o.out;
}

TEST(HeadlessProgram, RunsInspectAndKeepsExitStatuses) {
    const Outcome good =
        run(kProgram + " inspect '" + core::test::csvFixture("keras_na.csv") + "' 2>/dev/null");
    EXPECT_EQ(good.status, kExitOk);
    EXPECT_NE(good.out.find("[keras_csv]"), std::string::npos) << good.out;
    EXPECT_EQ(run(kProgram + " inspect /nonexistent/curvedoctor 2>/dev/null >/dev/null").status,
              kExitLoadError);
    EXPECT_EQ(run(kProgram + " --no-such-option 2>/dev/null").status, kExitUsage);
    const Outcome version = run(kProgram + " --version");
    EXPECT_EQ(version.status, kExitOk);
    EXPECT_EQ(version.out, "curvedoctor " CURVEDOCTOR_VERSION "\n");
}

#ifdef CURVEDOCTOR_APP_TESTS_WITH_QT
TEST(HeadlessProgram, HandsReportToTheUiProgram) {
    // `report` without -o is bad usage, said by the report command, which only curvedoctor-ui
    // has: the status shows the hand-over happened with the arguments intact.
    EXPECT_EQ(run(kProgram + " report '" + core::test::csvFixture("keras_na.csv") + "' 2>/dev/null")
                  .status,
              kExitUsage);
}
#else
TEST(HeadlessProgram, SaysWhenTheUiProgramIsMissing) {
    // A build without the UI has no curvedoctor-ui: the window cannot open; 127 as a shell says.
    const Outcome o = run(kProgram + " report x.csv -o x.png 2>&1");
    EXPECT_EQ(o.status, 127);
    EXPECT_NE(o.out.find("curvedoctor-ui"), std::string::npos) << o.out;
}
#endif

}  // namespace
}  // namespace curvedoctor::app
