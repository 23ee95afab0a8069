// core::diffConfigs: which hyperparameters two runs do not share, values compared as a person
// reads them.
#include <gtest/gtest.h>

#include "core/config_diff.h"

namespace curvedoctor::core {
namespace {

using Kind = ConfigChange::Kind;

TEST(ConfigDiff, AddedRemovedChangedAndIdenticalInKeyOrder) {
    const std::map<std::string, std::string> a{
        {"batch", "16"}, {"lr", "0.01"}, {"optimizer", "SGD"}, {"seed", "0"}};
    const std::map<std::string, std::string> b{
        {"batch", "16"}, {"lr", "0.001"}, {"momentum", "0.9"}, {"seed", "0"}};
    const ConfigDiff d = diffConfigs(a, b);
    ASSERT_EQ(d.changes.size(), 3U);
    EXPECT_EQ(d.changes[0].key, "lr");
    EXPECT_EQ(d.changes[0].kind, Kind::Changed);
    EXPECT_EQ(d.changes[0].before, "0.01");
    EXPECT_EQ(d.changes[0].after, "0.001");
    EXPECT_EQ(d.changes[1].key, "momentum");
    EXPECT_EQ(d.changes[1].kind, Kind::Added);
    EXPECT_EQ(d.changes[1].after, "0.9");
    EXPECT_EQ(d.changes[2].key, "optimizer");
    EXPECT_EQ(d.changes[2].kind, Kind::Removed);
    EXPECT_EQ(d.changes[2].before, "SGD");
    EXPECT_EQ(d.identical, 2U);
}

TEST(ConfigDiff, SameNumberWrittenDifferentlyIsNoChange) {
    EXPECT_TRUE(sameConfigValue("0.001", "1e-3"));
    EXPECT_TRUE(sameConfigValue("3", "3.0"));
    EXPECT_TRUE(sameConfigValue("+5", "5"));
    EXPECT_TRUE(sameConfigValue(" 16", "16 "));
    EXPECT_FALSE(sameConfigValue("0.001", "0.0011"));
    EXPECT_FALSE(sameConfigValue("3", "3a"));
    EXPECT_FALSE(sameConfigValue("nan", "nan2"));
}

TEST(ConfigDiff, WordsIgnoreCaseAndNoValueSpellingsAgree) {
    EXPECT_TRUE(sameConfigValue("True", "true"));
    EXPECT_TRUE(sameConfigValue("None", "null"));
    EXPECT_TRUE(sameConfigValue("~", "None"));
    EXPECT_TRUE(sameConfigValue("", "null"));  // YAML `device:` is null.
    EXPECT_FALSE(sameConfigValue("", "0"));
    EXPECT_FALSE(sameConfigValue("true", "false"));
    EXPECT_FALSE(sameConfigValue("None", "0"));
    EXPECT_FALSE(sameConfigValue("adam", "adamw"));
}

TEST(ConfigDiff, EmptySidesMakeEveryKeyAddedOrRemoved) {
    const std::map<std::string, std::string> none;
    const std::map<std::string, std::string> some{{"a", "1"}, {"b", "2"}};
    const ConfigDiff added = diffConfigs(none, some);
    ASSERT_EQ(added.changes.size(), 2U);
    EXPECT_EQ(added.changes[0].kind, Kind::Added);
    EXPECT_EQ(added.identical, 0U);
    const ConfigDiff removed = diffConfigs(some, none);
    ASSERT_EQ(removed.changes.size(), 2U);
    EXPECT_EQ(removed.changes[1].kind, Kind::Removed);
    EXPECT_EQ(removed.changes[1].key, "b");
    EXPECT_TRUE(diffConfigs(some, some).changes.empty());
    EXPECT_EQ(diffConfigs(some, some).identical, 2U);
}

}  // namespace
}  // namespace curvedoctor::core
