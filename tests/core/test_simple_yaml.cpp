// The small YAML reader used for hparams.yaml and args.yaml.
#include <gtest/gtest.h>

#include "core/loaders/simple_yaml.h"

namespace curvedoctor::core {
namespace {

TEST(SimpleYaml, FlatNestedListsQuotesComments) {
    const auto m = parseSimpleYaml(
        "# comment\n"
        "lr: 0.001   # learning rate\n"
        "name: 'my run'\n"
        "path: \"/tmp/a: b\"\n"
        "model:\n"
        "  depth: 18\n"
        "  head:\n"
        "    dropout: 0.1\n"
        "  layers:\n"
        "  - 64\n"
        "  - 128\n"
        "top: after\r\n"
        "empty_list: []\n");
    EXPECT_EQ(m.at("lr"), "0.001");
    EXPECT_EQ(m.at("name"), "my run");
    EXPECT_EQ(m.at("path"), "/tmp/a: b");
    EXPECT_EQ(m.at("model.depth"), "18");
    EXPECT_EQ(m.at("model.head.dropout"), "0.1");
    EXPECT_EQ(m.at("model.layers"), "[64, 128]");
    EXPECT_EQ(m.at("top"), "after");
    EXPECT_EQ(m.at("empty_list"), "[]");
    EXPECT_EQ(m.count("model"), 0U);
}

TEST(SimpleYaml, BlockScalarsAndGarbage) {
    const auto m =
        parseSimpleYaml("note: |\n  first line\n  second\nnext: 1\n:::\n- stray\n\x01\x02\n");
    EXPECT_EQ(m.at("note"), "first line second");
    EXPECT_EQ(m.at("next"), "1");
    EXPECT_EQ(m.size(), 2U);
}

TEST(SimpleYaml, MissingFileIsEmpty) {
    EXPECT_TRUE(readSimpleYamlFile("/nonexistent/hparams.yaml").empty());
}

}  // namespace
}  // namespace curvedoctor::core
