// curvedoctor-ui: the program that loads Qt. `curvedoctor` execs it for the window and `report`
// (with the arguments unchanged); run directly, it takes every command `curvedoctor` takes.
#include <iostream>
#include <string>
#include <vector>

#include "app/commands/gui.h"
#include "app/commands/headless.h"
#include "app/commands/report.h"
#include "core/heap_arenas.h"

int main(int argc, char** argv) {
    // Before any thread: the window's threads share one heap per core (core/heap_arenas.h).
    curvedoctor::core::limitHeapArenasToCores();
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args.front() == "report") {
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        return curvedoctor::app::runReport(argc, argv, rest, std::cout, std::cerr);
    }
    if (const auto status = curvedoctor::app::runHeadless(args, std::cout, std::cerr))
        return *status;
    return curvedoctor::app::runGui(argc, argv, args);
}
