#include "core/metric_role.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace curvedoctor::core {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}
bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            cur.push_back(c);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// The one table. Order matters: the first rule that matches a token wins.
// Prefixes naming the validation split. Ultralytics logs its validation mAP/precision/recall
// under "metrics/", which is why that prefix counts as validation.
constexpr std::array kValidationPrefixes{
    std::string_view{"val_"},        std::string_view{"val/"},
    std::string_view{"valid_"},      std::string_view{"valid/"},
    std::string_view{"validation_"}, std::string_view{"validation/"},
    std::string_view{"eval_"},       std::string_view{"eval/"},
    std::string_view{"test_"},       std::string_view{"test/"},
    std::string_view{"metrics/"},    std::string_view{"val-"},
    std::string_view{"evaluation/"}};
constexpr std::array kTrainPrefixes{std::string_view{"train_"}, std::string_view{"train/"},
                                    std::string_view{"training/"}, std::string_view{"train-"}};
constexpr std::array kSplitSuffixes{std::string_view{"_step"}, std::string_view{"_epoch"}};

// Tokens that mark bookkeeping, not a quality measure.
constexpr std::array kBookkeepingTokens{
    std::string_view{"epoch"},     std::string_view{"step"},       std::string_view{"steps"},
    std::string_view{"iter"},      std::string_view{"iteration"},  std::string_view{"time"},
    std::string_view{"runtime"},   std::string_view{"memory"},     std::string_view{"mem"},
    std::string_view{"eta"},       std::string_view{"second"},     std::string_view{"flos"},
    std::string_view{"norm"},      std::string_view{"percentage"}, std::string_view{"gpu"},
    std::string_view{"samples"},   std::string_view{"timestamp"},  std::string_view{"elapsed"},
    std::string_view{"remaining"}, std::string_view{"batch"},      std::string_view{"size"}};

// Token prefixes of higher-is-better metrics (DESIGN.md section 2).
constexpr std::array kHigherPrefixes{
    std::string_view{"acc"},       std::string_view{"top1"},   std::string_view{"top5"},
    std::string_view{"f1"},        std::string_view{"dice"},   std::string_view{"iou"},
    std::string_view{"miou"},      std::string_view{"map"},    std::string_view{"auc"},
    std::string_view{"precision"}, std::string_view{"recall"}, std::string_view{"reward"},
    std::string_view{"bleu"},      std::string_view{"rouge"},  std::string_view{"r2"},
    std::string_view{"ap"},        std::string_view{"ap50"},   std::string_view{"ap75"},
    std::string_view{"aps"},       std::string_view{"apm"},    std::string_view{"apl"},
    std::string_view{"return"},    std::string_view{"score"},  std::string_view{"mcc"}};

// Token fragments of lower-is-better metrics.
// Fragments of five or more letters match anywhere in a token ("top1error"); shorter ones
// must be the whole token or be followed by digits, so "apple" is not "ppl".
constexpr std::array kLowerFragments{
    std::string_view{"loss"},       std::string_view{"err"},  std::string_view{"error"},
    std::string_view{"perplexity"}, std::string_view{"ppl"},  std::string_view{"mae"},
    std::string_view{"mse"},        std::string_view{"rmse"}, std::string_view{"wer"},
    std::string_view{"cer"},        std::string_view{"nll"},  std::string_view{"distance"},
    std::string_view{"bpc"},        std::string_view{"bpd"}};

bool matchesFragment(std::string_view token, std::string_view fragment) {
    if (fragment.size() >= 5) return token.find(fragment) != std::string_view::npos;
    if (!startsWith(token, fragment)) return false;
    const auto tail = token.substr(fragment.size());
    return std::all_of(tail.begin(), tail.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool isLrName(std::string_view n, const std::vector<std::string>& toks) {
    if (n.find("learning_rate") != std::string_view::npos) return true;
    if (n.find("learning-rate") != std::string_view::npos) return true;
    return std::any_of(toks.begin(), toks.end(), [](const std::string& t) { return t == "lr"; });
}

}  // namespace

MetricInfo inferMetricInfo(std::string_view rawName) {
    MetricInfo info;
    std::string n = lower(rawName);
    // Leading/trailing spaces come from padded Ultralytics headers.
    while (!n.empty() && std::isspace(static_cast<unsigned char>(n.front()))) n.erase(n.begin());
    while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) n.pop_back();
    // Console logs name metrics in words: "Test accuracy", "Valid Loss", "val loss".
    std::replace(n.begin(), n.end(), ' ', '_');

    std::string family = n;
    for (auto p : kValidationPrefixes) {
        if (startsWith(family, p)) {
            info.validation = true;
            family = family.substr(p.size());
            break;
        }
    }
    if (!info.validation) {
        for (auto p : kTrainPrefixes) {
            if (startsWith(family, p)) {
                family = family.substr(p.size());
                break;
            }
        }
        // "loss/val", "acc/valid", "accuracy/test", big_vision's "accuracy_test" and TensorBoard's
        // "epoch_loss" under a validation/ folder (the folder prefix is handled above).
        for (auto s :
             {std::string_view{"/val"}, std::string_view{"/valid"}, std::string_view{"/validation"},
              std::string_view{"/test"}, std::string_view{"/eval"}, std::string_view{"_test"},
              std::string_view{"_val"}, std::string_view{"_valid"}}) {
            if (endsWith(family, s)) {
                info.validation = true;
                family = family.substr(0, family.size() - s.size());
                break;
            }
        }
        for (auto s : {std::string_view{"/train"}, std::string_view{"/training"}}) {
            if (endsWith(family, s)) {
                family = family.substr(0, family.size() - s.size());
                break;
            }
        }
    }
    for (auto s : kSplitSuffixes) {
        if (endsWith(family, s) && family.size() > s.size()) {
            family = family.substr(0, family.size() - s.size());
            break;
        }
    }
    // TF2 Keras writes "epoch_loss"/"epoch_accuracy" into train/ and validation/ folders.
    if (startsWith(family, "epoch_") && family.size() > 6) family = family.substr(6);
    info.family = family;

    const auto toks = tokens(family);
    if (isLrName(family, toks)) {
        info.role = MetricRole::LearningRate;
        return info;
    }

    const bool hasLoss = family.find("loss") != std::string::npos;
    if (hasLoss) {
        info.role = info.validation ? MetricRole::ValLoss : MetricRole::TrainLoss;
        info.direction = Direction::LowerIsBetter;
        return info;
    }

    auto anyToken = [&](auto pred) { return std::any_of(toks.begin(), toks.end(), pred); };
    const bool bookkeeping = anyToken([](const std::string& t) {
        return std::find(kBookkeepingTokens.begin(), kBookkeepingTokens.end(), t) !=
               kBookkeepingTokens.end();
    });
    if (bookkeeping) return info;

    const bool lower = anyToken([](const std::string& t) {
        return std::any_of(kLowerFragments.begin(), kLowerFragments.end(),
                           [&](std::string_view f) { return matchesFragment(t, f); });
    });
    const bool higher = anyToken([](const std::string& t) {
        return std::any_of(kHigherPrefixes.begin(), kHigherPrefixes.end(), [&](std::string_view p) {
            if (!startsWith(t, p)) return false;
            // Short prefixes ("f1", "ap") must be followed by nothing or digits ("ap50") so
            // that "apple" is not average precision; longer ones ("acc") take any tail.
            const auto tail = std::string_view(t).substr(p.size());
            return p.size() >= 3 || std::all_of(tail.begin(), tail.end(), [](char c) {
                       return std::isdigit(static_cast<unsigned char>(c)) != 0;
                   });
        });
    });
    if (lower) {
        info.direction = Direction::LowerIsBetter;
    } else if (higher) {
        info.direction = Direction::HigherIsBetter;
    } else {
        return info;
    }
    info.role = info.validation ? MetricRole::ValMetric : MetricRole::TrainMetric;
    return info;
}

std::string_view toString(MetricRole role) {
    switch (role) {
        case MetricRole::TrainLoss:
            return "train_loss";
        case MetricRole::ValLoss:
            return "val_loss";
        case MetricRole::TrainMetric:
            return "train_metric";
        case MetricRole::ValMetric:
            return "val_metric";
        case MetricRole::LearningRate:
            return "lr";
        case MetricRole::Other:
            return "other";
    }
    return "other";
}

std::string_view toString(Direction d) {
    switch (d) {
        case Direction::LowerIsBetter:
            return "lower";
        case Direction::HigherIsBetter:
            return "higher";
        case Direction::Unknown:
            return "unknown";
    }
    return "unknown";
}

}  // namespace curvedoctor::core
