#pragma once
// Helpers shared by the CSV-family loader tests.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/loader_registry.h"

namespace curvedoctor::core::test {

inline std::string csvFixture(const std::string& name) {
    return std::string(CURVEDOCTOR_TEST_DATA_DIR) + "/csv/" + name;
}

inline std::string realworldFile(const std::string& name) {
    return std::string(CURVEDOCTOR_REALWORLD_DIR) + "/" + name;
}

inline bool haveRealworld() {
    return std::filesystem::is_directory(CURVEDOCTOR_REALWORLD_DIR);
}

/// Loads one file through the built-in registry; fails the test when it does not give one run.
inline RunPtr loadOne(const std::string& path) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), LoadOptions{});
    EXPECT_TRUE(batch.errors.empty())
        << path << ": " << (batch.errors.empty() ? "" : batch.errors[0].message);
    EXPECT_EQ(batch.runs.size(), 1U) << path;
    return batch.runs.empty() ? nullptr : batch.runs.front();
}

/// The id of the loader the registry picks for `path`, or "" when none claims it.
inline std::string pickedFormat(const std::string& path) {
    LoadBatch batch = loadFile(path, LoaderRegistry::builtin(), LoadOptions{});
    return batch.runs.empty() ? std::string() : batch.runs.front()->format;
}

}  // namespace curvedoctor::core::test
