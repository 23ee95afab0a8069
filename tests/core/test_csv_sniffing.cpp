// Which CSV-family loader claims what: content first, file name second, and never JSON,
// binary or prose.
#include <gtest/gtest.h>

#include <string>

#include "core/loaders/csv/csv_formats.h"
#include "csv_test_support.h"

namespace curvedoctor::core {
namespace {

using test::csvFixture;
using test::pickedFormat;

std::string_view pick(std::string_view fileName, std::string_view head) {
    const Loader* l = LoaderRegistry::builtin().pick(SniffInput{fileName, fileName, head, false});
    return l == nullptr ? std::string_view() : l->id();
}

int maxCsvFamilyConfidence(std::string_view fileName, std::string_view head) {
    const SniffInput in{fileName, fileName, head, false};
    int best = 0;
    for (const Loader* l : std::initializer_list<const Loader*>{
             makeGenericCsvLoader().release(), makeKerasCsvLoader().release(),
             makeLightningCsvLoader().release(), makeUltralyticsCsvLoader().release(),
             makeYolov5ResultsLoader().release(), makeTensorboardCsvLoader().release()}) {
        best = std::max(best, l->sniff(in));
        delete l;
    }
    return best;
}

TEST(CsvSniffing, FixturesGoToTheirLoader) {
    EXPECT_EQ(pickedFormat(csvFixture("keras_misnamed.txt")), "keras_csv");
    EXPECT_EQ(pickedFormat(csvFixture("keras_na.csv")), "keras_csv");
    EXPECT_EQ(pickedFormat(csvFixture("lightning_hparams/metrics.csv")), "lightning_csv");
    EXPECT_EQ(pickedFormat(csvFixture("ultralytics_padded/results.csv")), "ultralytics_csv");
    EXPECT_EQ(pickedFormat(csvFixture("yolov5_results.txt")), "yolov5_txt");
    EXPECT_EQ(pickedFormat(csvFixture("run-foo-tag-train_loss.csv")), "tensorboard_csv");
    EXPECT_EQ(pickedFormat(csvFixture("quirks.csv")), "csv");
    EXPECT_EQ(pickedFormat(csvFixture("whitespace.txt")), "csv");
}

TEST(CsvSniffing, ContentBeatsFileName) {
    // A Lightning file under another name, and a Keras log named metrics.csv.
    EXPECT_EQ(pick("log.txt", "epoch,step,train_loss,val_loss\n0,10,0.5,\n0,10,,0.6\n"),
              "lightning_csv");
    EXPECT_EQ(pick("metrics.csv", "epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,0.5\n"), "keras_csv");
    EXPECT_EQ(
        pick("results.csv",
             "     0/9   1.2G  0.1  0.2  0.3  0.6  5  640  0.1  0.2  0.3  0.1  0.1  0.2  0.3\n"),
        "yolov5_txt");
}

TEST(CsvSniffing, JsonNamedCsvIsNotClaimed) {
    EXPECT_EQ(
        maxCsvFamilyConfidence("not_a_table.csv", R"({"log_history": [{"loss": 0.5, "step": 1}]})"),
        0);
    EXPECT_EQ(maxCsvFamilyConfidence("scalars.csv",
                                     "{\"step\": 1, \"loss\": 0.5}\n"
                                     "{\"step\": 2, \"loss\": 0.4}\n"),
              0);
    EXPECT_EQ(maxCsvFamilyConfidence("a.csv", "[1, 2, 3]\n"), 0);
    // It is an HF Trainer state, which a JSON loader may claim; no CSV-family loader does.
    const std::string picked = pickedFormat(csvFixture("not_a_table.csv"));
    for (const char* csvId :
         {"csv", "keras_csv", "lightning_csv", "ultralytics_csv", "yolov5_txt", "tensorboard_csv"})
        EXPECT_NE(picked, csvId);
}

TEST(CsvSniffing, BinaryAndProseAreNotClaimed) {
    const std::string binary("\x18\x00\x00\x00\x00\x00\x00\x00\xa3\x7f\x4b\x22step,loss\n1,2\n",
                             26);
    EXPECT_EQ(maxCsvFamilyConfidence("events.out.tfevents.1.csv", binary), 0);
    EXPECT_EQ(maxCsvFamilyConfidence("prose.txt",
                                     "Training started on two GPUs\nThe loss went down quickly\n"
                                     "then it stalled for a while\n"),
              0);
    // A Keras progress log and key: value lines are text logs, not tables.
    EXPECT_EQ(maxCsvFamilyConfidence("train.log",
                                     "Epoch 1/50\n32/32 [====] - 1s - loss: 0.43 - acc: 0.87\n"
                                     "Epoch 2/50\n32/32 [====] - 1s - loss: 0.40 - acc: 0.88\n"),
              0);
    EXPECT_EQ(maxCsvFamilyConfidence("hparams.yaml", "lr: 0.001\nbatch_size: 32\nepochs: 10\n"), 0);
    EXPECT_EQ(maxCsvFamilyConfidence("args.yaml", "task: detect\nmode: train\nepochs: 30\n"), 0);
    // MLflow metric files are headerless "timestamp value step" lines: not a generic table.
    EXPECT_EQ(maxCsvFamilyConfidence("loss", "1650000000000 0.5 0\n1650000001000 0.4 1\n"), 0);
}

TEST(CsvSniffing, HeaderlessNumbersNeedAHeader) {
    EXPECT_EQ(makeGenericCsvLoader()->sniff(SniffInput{"a.dat", "a.dat", "1,2\n3,4\n", false}), 0);
    // By name a .csv without a usable table is still the CSV loader's, so it can say why.
    EXPECT_EQ(makeGenericCsvLoader()->sniff(SniffInput{"a.csv", "a.csv", "1,2\n3,4\n", false}),
              confidence::kNameOnly);
}

}  // namespace
}  // namespace curvedoctor::core
