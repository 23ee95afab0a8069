// `curvedoctor diagnose --follow PATH... [--json] [--fail-on warning|error] [--timeout S]
// [--poll S]`: watches the logs while a training writes them (core/follow), diagnoses each
// changed run again once its changes settle, and prints each finding the first time it appears.

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "app/commands/diagnose_output.h"
#include "app/commands/exit_status.h"
#include "app/output/json_writer.h"
#include "app/output/printable.h"
#include "core/diagnosis.h"
#include "core/follow/follower.h"

namespace curvedoctor::app {
namespace {

using Clock = std::chrono::steady_clock;
using core::Finding;
using core::Severity;

// A run is diagnosed again this long after its first unseen change: appends come in bursts
// (a CSV logger writes a row in several write() calls; a step's train and validation lines come
// together), and one diagnosis per burst is enough. Short enough that a NaN row is reported well
// within the 1 s.
constexpr std::chrono::milliseconds kDebounce{200};

// SIGINT ends the loop: the handler may only touch lock-free atomics and write() to the
// watcher's wake-up pipe, so the pipe's descriptor is kept here (the one global of the command,
// set only while it runs).
std::atomic<int> g_wakeFd{-1};
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int /*signal*/) {
    g_interrupted = true;
    const int fd = g_wakeFd.load();
    if (fd >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);
    }
}

// Installs onInterrupt for SIGINT and SIGTERM while alive.
class InterruptGuard {
public:
    explicit InterruptGuard(int wakeFd) {
        g_interrupted = false;
        g_wakeFd = wakeFd;
        struct sigaction sa {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, &m_oldInt);
        ::sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~InterruptGuard() {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        g_wakeFd = -1;
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

struct Options {
    bool json = false;
    std::optional<Severity> failOn;
    std::optional<double> timeoutSeconds;
    double pollSeconds = 1.0;
    std::vector<std::string> paths;
};

bool parseSeconds(const std::string& text, double& seconds) {
    char* end = nullptr;
    errno = 0;
    seconds = std::strtod(text.c_str(), &end);
    return !text.empty() && end != nullptr && *end == '\0' && errno == 0 && seconds >= 0 &&
           seconds < 1e9;
}

// Returns an exit status when parsing ends the command (usage error), else nothing.
std::optional<int> parse(const std::vector<std::string>& args, Options& o, std::ostream& err) {
    auto valueOf = [&](std::size_t& i, const std::string& name, std::string& value) {
        const std::string& a = args[i];
        if (a.rfind(name + "=", 0) == 0) {
            value = a.substr(name.size() + 1);
            return true;
        }
        if (i + 1 >= args.size()) return false;
        value = args[++i];
        return true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string value;
        if (a == "--follow") continue;
        if (a == "--json") {
            o.json = true;
        } else if (a == "--fail-on" || a.rfind("--fail-on=", 0) == 0) {
            if (!valueOf(i, "--fail-on", value) || (value != "warning" && value != "error")) {
                err << "curvedoctor diagnose: --fail-on takes 'warning' or 'error'\n";
                return kExitUsage;
            }
            o.failOn = value == "warning" ? Severity::Warning : Severity::Error;
        } else if (a == "--timeout" || a.rfind("--timeout=", 0) == 0) {
            double s = 0;
            if (!valueOf(i, "--timeout", value) || !parseSeconds(value, s)) {
                err << "curvedoctor diagnose: --timeout takes seconds (e.g. 3600 or 0.5)\n";
                return kExitUsage;
            }
            o.timeoutSeconds = s;
        } else if (a == "--poll" || a.rfind("--poll=", 0) == 0) {
            if (!valueOf(i, "--poll", value) || !parseSeconds(value, o.pollSeconds)) {
                err << "curvedoctor diagnose: --poll takes seconds (0 turns polling off)\n";
                return kExitUsage;
            }
        } else if (a == "--group") {
            err << "curvedoctor diagnose: --group does not combine with --follow\n";
            return kExitUsage;
        } else if (!a.empty() && a[0] == '-') {
            err << "curvedoctor diagnose: unknown option '" << a << "' (see --help)\n";
            return kExitUsage;
        } else {
            o.paths.push_back(a);
        }
    }
    if (o.paths.empty()) {
        err << "curvedoctor diagnose: no PATH given (see --help)\n";
        return kExitUsage;
    }
    return std::nullopt;
}

void printNew(const core::Run& run, const Finding& f, bool json, std::ostream& out) {
    if (json) {
        JsonWriter j(out, false);
        j.beginObject();
        j.key("run").value(run.name);
        j.key("source").value(run.source);
        writeFindingFields(j, f);
        j.endObject();
        out << '\n';
    } else {
        out << printable(run.name) << "  " << printable(run.source) << '\n';
        printFinding(f, out);
    }
    out.flush();
}

}  // namespace

int runDiagnoseFollow(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Options o;
    if (auto status = parse(args, o, err)) return *status;

    core::WatchOptions watch;
    watch.pollInterval = std::chrono::milliseconds(static_cast<std::int64_t>(o.pollSeconds * 1000));
    core::Follower follower(o.paths, {}, watch);
    InterruptGuard guard(follower.watcher().wakeFd());
    for (const auto& m : follower.takeStartMessages()) err << printable(m) << '\n';

    const auto start = Clock::now();
    const std::optional<Clock::time_point> deadline =
        o.timeoutSeconds ? std::optional<Clock::time_point>(
                               start + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(*o.timeoutSeconds)))
                         : std::nullopt;
    // Findings already printed, by run source, kind and metric: a finding whose step range
    // grows as the run goes on is the same finding.
    std::set<std::tuple<std::string, int, std::string>> seen;
    std::map<std::size_t, Clock::time_point> due;  // runs to diagnose, and when
    for (std::size_t i = 0; i < follower.size(); ++i) {
        if (follower.loaded(i)) due[i] = start;
    }
    for (;;) {
        const auto now = Clock::now();
        for (auto it = due.begin(); it != due.end();) {
            if (it->second > now) {
                ++it;
                continue;
            }
            const core::Run& run = follower.run(it->first);
            it = due.erase(it);
            // Diagnosed in place, on this thread: no copy of the run.
            for (const Finding& f : core::diagnoseRun(run).findings) {
                if (core::tooEarlyToJudge(run, f)) continue;  // judged again as the run grows
                if (!seen.emplace(run.source, static_cast<int>(f.kind), f.metric).second) continue;
                printNew(run, f, o.json, out);
                if (o.failOn && severityRank(f.severity) >= severityRank(*o.failOn))
                    return kExitFailOn;
            }
        }
        if (g_interrupted || (deadline && Clock::now() >= *deadline)) return kExitOk;
        auto sleep = std::chrono::milliseconds(60000);
        if (deadline)
            sleep = std::min(sleep, std::chrono::duration_cast<std::chrono::milliseconds>(
                                        *deadline - Clock::now()) +
                                        std::chrono::milliseconds(1));
        for (const auto& [index, when] : due)
            sleep = std::min(
                sleep, std::chrono::duration_cast<std::chrono::milliseconds>(when - Clock::now()) +
                           std::chrono::milliseconds(1));
        const core::Follower::Step step =
            follower.wait(std::max(sleep, std::chrono::milliseconds(0)));
        for (const auto& m : step.messages) err << printable(m) << '\n';
        for (std::size_t index : step.changed) {
            if (due.count(index) == 0) due[index] = Clock::now() + kDebounce;
        }
    }
}

}  // namespace curvedoctor::app
