// The FindingKind table: every id is the stable JSON name (DESIGN.md section 4), unique and
// round-tripping; colours tell the kinds apart.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/finding_kind.h"

namespace curvedoctor::core {
namespace {

TEST(FindingKind, EveryIdRoundTrips) {
    for (const FindingKindInfo& k : findingKinds()) {
        EXPECT_EQ(toString(k.kind), k.id);
        const auto back = findingKindFromId(k.id);
        ASSERT_TRUE(back.has_value()) << k.id;
        EXPECT_EQ(*back, k.kind) << k.id;
        EXPECT_EQ(&info(k.kind), &k) << k.id;
    }
    EXPECT_FALSE(findingKindFromId("").has_value());
    EXPECT_FALSE(findingKindFromId("Overfitting").has_value());  // ids are case-sensitive
}

TEST(FindingKind, IdsTitlesAndColoursAreUnique) {
    std::set<std::string_view> ids;
    std::set<std::string_view> titles;
    std::set<std::uint32_t> colours;
    for (const FindingKindInfo& k : findingKinds()) {
        EXPECT_TRUE(ids.insert(k.id).second) << "duplicate id " << k.id;
        EXPECT_TRUE(titles.insert(k.title).second) << "duplicate title " << k.title;
        EXPECT_TRUE(colours.insert(k.rgb).second) << "duplicate colour for " << k.id;
        EXPECT_LE(k.rgb, 0xFFFFFFu) << k.id;
        EXPECT_FALSE(k.title.empty()) << k.id;
    }
    EXPECT_EQ(ids.size(), findingKinds().size());
}

// The ids are a published interface (README, `diagnose --json`): this list is copied from
// README's "The doctor" section, so renaming an id fails here before it breaks a user's script.
TEST(FindingKind, IdsAreTheDocumentedOnes) {
    const std::set<std::string_view> documented{"not_learning",
                                                "overfitting",
                                                "severe_overfitting",
                                                "undertrained",
                                                "slow_start_plateau",
                                                "divergence",
                                                "gradient_ascent",
                                                "nan_inf",
                                                "no_shuffle_periodic",
                                                "noisy_validation",
                                                "oscillation",
                                                "plateau",
                                                "lr_drop",
                                                "metric_loss_disagreement",
                                                "hard_to_converge"};
    std::set<std::string_view> ids;
    for (const FindingKindInfo& k : findingKinds()) ids.insert(k.id);
    EXPECT_EQ(ids, documented);
}

}  // namespace
}  // namespace curvedoctor::core
