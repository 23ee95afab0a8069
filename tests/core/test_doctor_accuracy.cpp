// The doctor's accuracy, scored (issue #15): recall of planted or labelled faults and the share
// of wrong warnings, per detector, on three independent sources of truth:
//  - tests/data/fixtures: tiny trainings with planted faults (make_fixtures.py), where the
//    detectors were tuned;
//  - tests/data/corpus2: a second corpus of tiny trainings (make_corpus2.py: other data sets,
//    models, optimisers and log formats), half "a" tuned on, halves "b" to "m" held back, each
//    until its misses were looked at (then tuned on: b to j by session 15, k by doctor15, l and m
//    in session 16 after their blind measures);
//  - tests/data/realworld_labels.json: the 68 real logs of ../shared/realworld, labelled by hand
//    from plots of their curves.
// A warning or error is wrong when its kind is neither expected nor allowed for that log.
// The table is printed on every run; the targets are asserted per source. The scoring is in
// doctor_accuracy_score.h; halves j to m, made blind from session 15 on, are in
// test_doctor_accuracy_blind_halves.cpp.

#include <gtest/gtest.h>

#include <string>

#include "doctor_accuracy_score.h"

namespace curvedoctor::core {
namespace {

using namespace accuracy;  // NOLINT(google-build-using-namespace)

TEST(DoctorAccuracy, FirstFixtureCorpus) {
    static const JsonValue m = readJson(kData / "fixtures" / "manifest.json");
    const auto logs = manifestLogs(kData / "fixtures", m, "");
    ASSERT_EQ(logs.size(), 20u);
    expectTargets("fixtures (tuned on)", scoreAll(logs));
}

TEST(DoctorAccuracy, SecondCorpusTunedHalf) {
    const auto logs = corpus2Half("a");
    ASSERT_GE(logs.size(), 10u);
    expectTargets("corpus2 half a (tuned on)", scoreAll(logs));
}

// The held-back half is measured, not tuned on, and does not reach the targets (see the
// printed misses). First measured blind: 7 of 12 found, no wrong warning. One fix was made
// after looking at its misses (HF Trainer's epochs count steps done, so no_shuffle_periodic
// cut its epochs one step late): 8 of 12. A second (issue #15, doctor4): noisy_validation
// compared a per-step training loss with a per-epoch validation loss only when both had the
// same granularity, so a SummaryWriter log never qualified; the training loss is now averaged
// per evaluation interval (justified by granularity, no threshold moved): 9 of 12. A third:
// not_learning now also reads memorisation whose validation loss climbs from its first value
// (it only read a flat one); its first version, with the untrained level within 2%, missed
// not_learning_shuffled_wine by 0.3%, and the band became the detector's existing 15%
// (maxShortDip), guarded by the validation metric (jsontxt_01): 10 of 12. doctor5 looked at
// the two misses (undertrained_iris_adagrad, slow_start_tiny_init_wine) to learn their classes
// and fixed them on half a (new and relabelled cases) and the fixtures: a short flat start
// ending in a cliff is now found (slow_start_plateau); undertrained on a noisy batch loss was
// found by a first version that warned on the healthy_wine fixture, and its guard (the train
// loss still falling at >= 25% of its average rate) misses it again: 11 of 12, the floor here.
// doctor14: 12 of 12, undertrained_iris_adagrad found by a new undertrained rule: a validation
// loss at its best at the last evaluation, lower at almost every evaluation over the second
// half, whose last 20% still falls at >= 20% of its average rate (1.10 -> 0.52, tail at 33%;
// a converged curve ends at a few percent: <= 9% on the steadily falling healthy runs of every
// set, 17% on one whose label allows undertrained), is
// undertrained however much it has slowed. No wrong warning.
TEST(DoctorAccuracy, SecondCorpusHeldBackHalf) {
    const auto logs = corpus2Half("b");
    ASSERT_GE(logs.size(), 10u);
    const Score s = scoreAll(logs);
    print("corpus2 half b (held back)", s);
    EXPECT_GE(s.found(), 12) << "half b recall below its last measure";
    EXPECT_EQ(s.wrong(), 0) << "a wrong warning on the held-back half";
}

// Half c (doctor5): made after half b's misses had been looked at, labelled from its plots
// before the doctor first read it, never tuned on. First measured blind: 11 of 15 found, a
// wrong warning on 1 run of 17; unchanged after the doctor5 fixes made on half a. doctor6
// looked at its misses on their plots (so half c is now tuned on) and fixed three classes:
// a zero learning rate under a noisy batch loss (190 points, +-5%) moved the smoothed curve by
// its noise, so it was a warning, not the error of a flat loss (not_learning_lr0_circles); an
// MLflow log has no epoch column, and its evenly spaced evaluations now mark the epochs of
// the saw-tooth (no_shuffle_sorted_cls); the running median started a fast-falling curve at
// its second value, hiding the untrained level and the first validation improvement, which
// called overfitting memorisation (the wrong not_learning on overfitting_cls_subset): 13 of
// 15, no wrong warning. Left missed: overfitting_cnn_subset (a rule "accuracy level while the
// loss keeps rising" also called ultralytics_07 overfitting, which its label forbids) and
// noisy_val_tiny_circles (an accuracy on 12 samples at 100% most evaluations: its median is
// 1, its robust noise 0; the fallback to mean and deviation also flagged healthy_iris_sgd).
// doctor8 fixed both classes: "the metric keeps improving" (which turns a rising val loss into
// metric_loss_disagreement) must also hold from where the loss has made half its rise, so an
// accuracy that levels while the loss climbs on is overfitting; an accuracy whose values all
// sit on a grid of 1/n, n < 25 (one sample moves it by more than the 4-point standard error
// the binomial rule tolerates), and that moves at a third of its evaluations is noisy: 15 of 15.
TEST(DoctorAccuracy, SecondCorpusHalfC) {
    const auto logs = corpus2Half("c");
    ASSERT_GE(logs.size(), 15u);
    const Score s = scoreAll(logs);
    print("corpus2 half c (held back, new)", s);
    EXPECT_GE(s.found(), 15) << "half c recall below its last measure";
    EXPECT_LE(s.runsWithWrong * 10, s.runs) << "more than 1 run in 10 cries wolf on half c";
}

// Half d (doctor6): 18 cases made after half c's misses had been looked at and fixed, their
// labels committed (6fdc998) before the doctor first read them. First measured blind, with the
// half c fixes (dd6ac6b): 14 of 17 found (82%), a wrong warning on 2 runs of 18:
//   kind                      found  wrong/warnings
//   divergence                1/1    0/1   (divergence then NaN: both reported)
//   metric_loss_disagreement  1/1    0/1
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       1/2    0/1   missed: 4 logged steps per epoch (HF Trainer)
//   noisy_validation          2/2    1/4   wrong on undertrained_gru_sgd (accuracy still
//                                          climbing fast over 10 evaluations read as noise)
//   not_learning              1/1    0/1
//   oscillation               1/2    0/1   missed: momentum 0.99 ringing that decays
//   overfitting               2/2    0/2
//   severe_overfitting        0/0    1/2   on oscillation_momentum_wine
//   slow_start_plateau        3/3    0/4
//   undertrained              1/2    0/1   missed on no_shuffle_few_steps_digits
// doctor7 looked at them on their plots (so half d is now tuned on) and fixed two classes:
// an unshuffled loader's pattern drifts as the classes are learnt in turn, so with 4 points
// per epoch one pattern shared by all epochs averages away while each epoch still repeats the
// one before (no_shuffle_periodic reads neighbouring epochs too); momentum ringing whose
// period is close to the trend's window is flattened by it (oscillation also reads the bins
// under a median of 3, where swings must be smooth). oscillation_momentum_wine was relabelled
// from its logged values (its val loss rises 0.16 -> 1.8 while the train loss averages 0.00-
// 0.03 per epoch and never returns below 4.1: overfitting may fire); that relabel, not the
// code, removed its wrong warning. Now 16 of 17 found, a wrong warning on 1 run of 18 (the
// floor asserted; the doctor before the fixes, 0b82772: 14 of 17, 1 of 18 on these labels). Left:
// noisy_validation on undertrained_gru_sgd (its accuracy jumps 0.46 -> 0.31 -> 0.62 on 450 samples:
// the model's own flicker, 7 samples by the binomial estimate, as keras_03's real jumps on 258
// samples that its label calls noisy), undertrained on no_shuffle_few_steps_digits (its saw-tooth
// inflates the step loss's noise; its val tail falls at 33% of its average rate).
// doctor14 (the slowing-descent rule of half j, see half b): 17 of 17, no_shuffle_few_steps_
// digits's undertrained found (val at its best at the last of 40 evaluations, tail at 33% of
// its average rate); the same wrong noisy_validation on undertrained_gru_sgd.
TEST(DoctorAccuracy, SecondCorpusHalfD) {
    const auto logs = corpus2Half("d");
    ASSERT_GE(logs.size(), 18u);
    const Score s = scoreAll(logs);
    print("corpus2 half d (held back, then looked at)", s);
    EXPECT_GE(s.found(), 17) << "half d recall below its last measure";
    // lead (session 17): 1 -> 0 (undertrained_gru_sgd's validation bends down, reversing at 2
    // of 8 evaluations: no noise, however large its second differences at the bend).
    EXPECT_EQ(s.runsWithWrong, 0) << "half d: a run with a wrong warning";
}

// Half e (doctor7): 24 cases made after half d's misses had been looked at and fixed, their
// labels committed (2887d32) before the doctor first read them, never tuned on. Measured blind
// once, with the half d fixes: 17 of 21 found (81%), a wrong warning on 2 runs of 24 (8%):
//   kind                      found  wrong/warnings
//   divergence                2/2    0/2   (both divergences into NaN: both reported)
//   metric_loss_disagreement  0/1    0/0   missed: F1 of an 8% class 0, then 0.10
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2   (incl. 4 logged steps per epoch, MLflow)
//   noisy_validation          1/2    1/3   missed on 10 samples (accuracy 0.8/0.9/1.0);
//                                          wrong on short_cnn_adagrad (8 evaluations)
//   not_learning              2/2    0/2
//   oscillation               0/1    0/0   missed: momentum 0.99 swings fading in 30 epochs
//   overfitting               4/4    1/2   wrong on oscillation_momentum_moons
//   severe_overfitting        0/0    0/3
//   slow_start_plateau        2/2    1/4   wrong on oscillation_momentum_moons
//   undertrained              2/3    0/2   missed on no_shuffle_few_steps_iris
// The doctor before the half d fixes (0b82772) scores half e the same (17 of 21, 2 runs of
// 24): the two classes fixed there did not decide any case here (the 4-step unshuffled iris
// repeats one pattern, found either way). doctor8 looked at the misses on their plots (so
// half e is now tuned on) and fixed four classes: a rare class's F1 at zero for >= 5
// evaluations in a row while the loss falls, and below a fifth of its scale at best; an
// accuracy on a grid of 1/10 (see half c); the binomial noise estimate needs >= 4 second
// differences (8 evaluations still climbing: short_cnn_adagrad); a short flat start must not
// swing up either (oscillation_momentum_moons); the training loss per epoch may stand for a
// step loss whose noise is a saw-tooth (no_shuffle_few_steps_iris). oscillation_momentum_moons
// was relabelled (overfitting may fire: its val loss by 30-epoch blocks 0.151, 0.131, 0.143,
// 0.151 while train falls 0.182 -> 0.116). Now 20 of 21, no wrong warning; left: the
// oscillation fading within 30 of 150 epochs (a median of 3 clips its one-point peaks).
// doctor10: 21 of 21, that ringing found by the local-level rule (swings by >= 25% of the
// lower end, 6 in a row, read raw; see half g).
TEST(DoctorAccuracy, SecondCorpusHalfE) {
    const auto logs = corpus2Half("e");
    ASSERT_GE(logs.size(), 24u);
    const Score s = scoreAll(logs);
    print("corpus2 half e (held back, then looked at)", s);
    EXPECT_GE(s.found(), 21) << "half e recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half e: a run with a wrong warning";
}

// Half f (doctor8): 24 cases made after half c's and half e's misses had been looked at and
// fixed (9431d0e), their labels committed (0b1b0fd) before the doctor first read them, never
// tuned on. Measured blind once: 14 of 18 found (78%), a wrong warning on 3 runs of 24 (12%):
//   kind                      found  wrong/warnings
//   metric_loss_disagreement  3/3    0/5   (F1 of a rare class at zero, twice all run)
//   no_shuffle_periodic       1/1    0/1
//   noisy_validation          2/2    0/3
//   not_learning              1/2    0/2   missed: shuffled labels on breast_cancer (train
//                                          0.7 -> 0.33, val 0.72 -> 1.0, accuracy at chance)
//   oscillation               1/2    1/1   missed: ringing fading by epoch 40 of 100 (the
//                                          class left open on half e); wrong on the healthy
//                                          Adamax run (batch-loss spikes of a 1080-step log)
//   overfitting               5/5    0/5
//   severe_overfitting        0/0    2/6   on metric_flat_f1_rare_sgd and oscillation_momentum_
//                                          diabetes_tf, whose labels allow overfitting but not
//                                          its severe form (val ends above its first value);
//                                          the labels are left as committed
//   slow_start_plateau        0/1    0/0   missed: ~3 of 40 epochs flat (a short start, HF)
//   undertrained              1/2    0/1   missed: an LSTM whose loss falls 1% on a line
//   divergence                0/0    0/1
// The doctor before the doctor8 fixes (b0d821b) scores half f 13 of 18, a wrong warning on 4
// runs of 24: two of the fixed classes recur here (the F1 at zero for 20 evaluations then
// 0.105, found by the zero-stretch rule; the swinging start of oscillation_sgd_moons_hf, no
// longer a slow start); the warm-up guard decided no case (neither warm-up run was called a
// slow start before it). doctor9 looked at the misses on their plots (so half f is now tuned
// on) and fixed five classes, each checked on the fixtures, halves a-e and the real logs:
// ending above the first value is severe only after a real improvement (>= minRise; the
// rare-class F1 run's val loss 0.282 -> 0.277 -> 0.307 is mild); a validation rise that
// follows a training blow-up (the 14x momentum spike of oscillation_momentum_diabetes_tf,
// beyond the train trend's noise) is no overfitting; a training loss logged once per
// evaluation is also read raw for swings (ringing of one or two points per swing, fading by
// epoch 20 of 100, clipped by any median); swings under the wide median must lie >= 2
// points apart (healthy_cancer_adamax: a burst of batch spikes, 4 "swings" in 6 of 180
// points); a validation loss that ends clearly worse may first dip by its own noise and
// still be memorisation (shuffled labels on breast_cancer; 5 zig-zagging evaluations, as
// hf_trainer_06, are not), and a flat loss with validation falling by thirds and the metric
// improving is learning slowly (undertrained_lstm_sgd: no longer not_learning, but
// undertrained does not fire either). Now 16 of 18, no wrong warning. Left: that
// undertrained, and slow_start_tiny_init_cancer_hf (~3 of 40 epochs flat, a start too short
// for the slow-start rule). doctor11: 17 of 18, undertrained_lstm_sgd found by the steady
// descent rule (validation lower at every evaluation, no slower than in the first half).
// doctor13: 18 of 18, slow_start_tiny_init_cancer_hf found: a short flat start whose loss
// wanders by more than 1% of the improvement counts when it sits at the first logged value,
// moves by at most a third of its cliff, and the validation loss (3+ evaluations over it)
// falls 3 times faster right after it (see half h).
TEST(DoctorAccuracy, SecondCorpusHalfF) {
    const auto logs = corpus2Half("f");
    ASSERT_GE(logs.size(), 24u);
    const Score s = scoreAll(logs);
    print("corpus2 half f (held back, then looked at)", s);
    EXPECT_GE(s.found(), 18) << "half f recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half f: a run with a wrong warning";
}

// Half g (doctor9): 29 cases made after half f's misses had been looked at and fixed
// (0b505ce), their labels committed (76eafb3) before the doctor first read them, never tuned
// on. Measured blind once: 17 of 24 found (71%), a wrong warning on 3 runs of 29 (10%):
//   kind                      found  wrong/warnings
//   divergence                1/2    0/1   missed: raw diabetes targets under a growing lr
//                                          (smoothed val 2.9e3 -> 2.4e4 at the end)
//   metric_loss_disagreement  0/0    1/3   wrong on oscillation_fading_iris_hf (val loss
//                                          0.15 -> 0.68 while accuracy gains one sample)
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       1/1    0/1
//   noisy_validation          1/2    0/3   missed on 10 diabetes samples (regression)
//   not_learning              4/5    0/4   missed: shuffled labels under a GRU (train 2.31 ->
//                                          2.23, val 2.30 -> 2.37, accuracy at chance)
//   oscillation               0/2    0/0   missed both fading full-batch ringings
//   overfitting               5/5    0/1
//   severe_overfitting        0/0    2/5   on oscillation_fading_circles_tf (val 0.145 ->
//                                          0.29), whose label allows overfitting but not its
//                                          severe form, and on divergence_grow_raw_diabetes
//                                          (the divergence read as overfitting)
//   slow_start_plateau        3/4    0/3   missed: the flat start of divergence_grow_raw_
//                                          diabetes
//   undertrained              1/2    0/1   missed: GRU under Adagrad, losses on lines
// doctor10 looked at the fading-oscillation misses on their plots (half g is now tuned on):
// a practitioner reads large alternating swings about the local level in a stretch of the
// run, whether or not they last; the whole range, set by the first drop, hid them. A loss read
// raw (one value per evaluation) now rings when 6 reversals in a row, each within 4 points of
// the last, move by >= 25% of their lower end and >= 5% of the range, and the log of the loss
// travels there >= 1/0.35 times its net change. Both fading ringings found (and half e's):
// 19 of 24, the same 3 runs wrong. Left: the other misses above and the wrong warnings
// (severe on circles_tf, whose best val point is a dip within the ringing).
// doctor11 (the half h rules above): 20 of 24, the shuffled labels under a GRU now found; the
// same 3 runs wrong. The floor asserted is the latest measure. The labels are left as
// committed.
// doctor12: severity counts from the best level the raw validation loss holds for 3
// evaluations in a row, not from a dip of the ringing (circles_tf: mild overfitting, allowed):
// 20 of 24, a wrong warning on 2 runs of 29. Then an accuracy gain of one step of the
// metric's grid (one sample: iris_hf 0.947 -> 0.974 on 38) is no metric_loss_disagreement:
// a wrong warning on 1 run of 29 (left: severe overfitting on divergence_grow_raw_diabetes).
// doctor13: 22 of 24 (92%), a wrong warning on 1 run of 29. divergence_grow_raw_diabetes's
// training loss (2.6e4 -> 2.1e3 -> 1.0e4, 34% of its fall given back) is read on a log scale,
// as its plot is, when it fell 10-100 times (63%: divergence); its learning rate, growing to
// the last step, is no warm-up, so its flat start is a slow start. Its severe overfitting
// stays (validation 2.9e3 -> 2.4e4 while training triples: overfitting_momentum_circles of
// half f, training 0.086 -> 0.23, validation 0.08 -> 0.69, is labelled overfitting, so no
// rule on the ratio separates them). Left: undertrained_gru_adagrad, the noisy validation on
// 10 diabetes samples.
// doctor14 (the slowing-descent rule of half j, see half b): 23 of 24 (96%), a wrong warning
// on 1 run of 29; undertrained_gru_adagrad found (val 12 evaluations, at its best at the last,
// tail at 46% of its average rate, Kendall's tau -0.87 over the second half). Left: the noisy
// validation on 10 diabetes samples, severe overfitting on divergence_grow_raw_diabetes.
TEST(DoctorAccuracy, SecondCorpusHalfG) {
    const auto logs = corpus2Half("g");
    ASSERT_GE(logs.size(), 29u);
    const Score s = scoreAll(logs);
    print("corpus2 half g (held back, then looked at)", s);
    // doctor23: 23 -> 24 (noisy_val_few_evals_diabetes: its later half scatters by 47% of its
    // level, more than its line moves and 4.7 times training's scatter)
    EXPECT_GE(s.found(), 24) << "half g recall below its last measure";
    // doctor23: 1 -> 0 (divergence_grow_raw_diabetes: training climbing 3.3e3 -> 1.0e4 while
    // the lr grows 11x from the best is divergence, not severe overfitting)
    EXPECT_EQ(s.runsWithWrong, 0) << "half g: a run with a wrong warning";
}

// Half h (doctor10): 26 cases made after half g's fading-oscillation misses had been looked
// at and fixed (f9265c9), their labels committed (58ec4c9) before the doctor first read them,
// never tuned on. Measured blind once: 12 of 21 found (57%), a wrong warning on 4 runs of 26
// (15%):
//   kind                      found  wrong/warnings
//   divergence                2/3    1/3   missed: the momentum blow-up of wine to 1e7 (hf,
//                                          one step logged per step; read as severe
//                                          overfitting instead: wrong)
//   nan_inf                   1/1    0/1
//   noisy_validation          2/2    0/4
//   not_learning              1/3    1/2   missed: shuffled labels under an LSTM (read as
//                                          divergence: wrong) and on wine
//   oscillation               0/3    0/0   missed all three fading ringings: the ringing
//                                          rule of f9265c9, fixed on halves e and g, did not
//                                          generalise
//   overfitting               3/3    1/6   wrong on slow_start_tiny_init_cancer_deit (val
//                                          0.0731 -> 0.0778)
//   severe_overfitting        0/0    1/3
//   slow_start_plateau        1/3    0/1   missed: ~3 of 40 epochs (cancer, DeiT) and the
//                                          flat start of raw diabetes under a growing lr
//   undertrained              2/3    0/3   missed: a CNN whose loss falls 2% on a line while
//                                          accuracy climbs 0.17 -> 0.51 (read as not learning:
//                                          wrong)
//   metric_loss_disagreement  0/0    0/1
// doctor11 looked at the misses on their plots (half h is now tuned on) and wrote rules for
// the classes that recur, each checked on the fixtures, halves a-g and the real logs: a loss
// read raw rings when it goes above and below its own smooth trend (a trimmed mean of 5) by
// >= 12% of its level, 3 times in a row, by >= 4x its distance from the trend in the calmer
// half of the run (all three fading ringings found); a validation loss falling at almost
// every evaluation over the second half, significantly and without slowing, with the training
// loss and the metric improving, is undertrained however small the fall (the CNN); a short
// noisy loss is not "not learning" while validation shows slow learning; shuffled labels
// memorised slowly (training loss down beyond its noise, validation ending clearly worse) are
// not_learning (the LSTM), and a climb inside the raw loss's scatter is no divergence. Now 17
// of 21, a wrong warning on 2 runs of 26. Left: the momentum blow-up of wine (spikes to 1e7
// under a flat median; still read as severe overfitting), shuffled labels on wine (train 1.08
// -> 0.85, val 1.14 -> 1.2), the two short slow starts and the wrong overfitting on
// slow_start_tiny_init_cancer_deit.
// doctor12: a training loss that climbs back above its untrained level after the best has
// blown up, so no overfitting (the momentum blow-up of wine, train trend 0.19 at its start and
// up to 4.6e6): 17 of 21, a wrong warning on 1 run of 26. Divergence is still not reported there.
// doctor13: 19 of 21 (90%), a wrong warning on 1 run of 26. Both losses blowing up past 10
// times the untrained level (validation's last quarter at a median of 5.3e6, training spikes
// to 2e7 under a flat median) is divergence; slow_start_grow_raw_diabetes_nadam's noisy flat
// start (its trend wanders by 6% of the improvement against a cliff of 65%) counts because
// validation confirms it (5.3 times faster after) and the learning rate grows to the end
// (no warm-up). Then a flat start confirmed by validation needs as many points as validation
// gives it (3, not 5): slow_start_tiny_init_cancer_deit (train 0.680, 0.665, 0.659, then 0.602,
// 0.399; validation 19 times faster after): 20 of 21 (95%). Left: its wrong overfitting (test
// loss 0.0731 -> 0.0778), shuffled labels on wine.
// doctor15: 21 of 21, a wrong warning on 1 run of 26. Shuffled labels on wine found: a
// validation loss that never improves on its first value (1.147 -> 1.129 -> 1.198, ending
// clearly worse) with the accuracy at chance to the end (0.36 on three classes, within 1.25
// times 1/3) is not learning even when the batch loss is too noisy to show what it memorised
// (its trend 1.05 -> 0.92 under a scatter of +-0.09). Left: the overfitting on
// slow_start_tiny_init_cancer_deit.
TEST(DoctorAccuracy, SecondCorpusHalfH) {
    const auto logs = corpus2Half("h");
    ASSERT_GE(logs.size(), 26u);
    const Score s = scoreAll(logs);
    print("corpus2 half h (held back, then looked at)", s);
    EXPECT_GE(s.found(), 21) << "half h recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half h: more runs with a wrong warning than measured";
}

// Half i (doctor11): 25 cases made after half h's misses had been looked at and fixed
// (511975e, c5ee6eb), their labels committed (828e37d) before the doctor first read them,
// never tuned on. Measured blind once, with c5ee6eb: 17 of 20 found (85%), a wrong warning on
// 2 runs of 25 (8%):
//   kind                      found  wrong/warnings
//   divergence                0/1    0/0   missed: a growing lr on moons (loss near 0.2 for
//                                          ~22 of 40 epochs, then spikes climbing to 10)
//   noisy_validation          2/2    0/4   (both regressions on 10 samples)
//   not_learning              3/3    0/3   (shuffled labels under a GRU and a transformer)
//   oscillation               3/4    0/3   missed: ringing every epoch over epochs 6-22 at a
//                                          level of 0.05-0.14 (oscillation_ringing_circles_hf)
//   overfitting               4/4    0/3
//   severe_overfitting        0/0    1/4   on oscillation_ringing_circles_hf (its best val is
//                                          a dip within the ringing, 0.039 -> 0.11)
//   slow_start_plateau        1/1    1/2   wrong on overfitting_cnn_small_mlflow (the CNN's
//                                          loss 2.31 -> 2.17 over its first 3 of 60 epochs)
//   undertrained              4/5    0/4   missed: undertrained_gru_adamax_tf (planted
//                                          healthy, still falling at 7% per epoch at the end)
// The floor asserted is that measure. The labels are left as committed.
// doctor12 (the held-best severity of half g, not tuned here): 17 of 20, a wrong warning on 1
// run of 25 (the severe overfitting on oscillation_ringing_circles_hf is gone); the floor stays.
// doctor13 (the blow-up rule of half h): 18 of 20 (90%), a wrong warning on 1 run of 25;
// divergence_grow_moons_hf's validation ends at a median of 4.6 against a band of 3.7 (10 times
// its untrained 0.37), training spikes to 32. Left: undertrained_gru_adamax_tf, the ringing
// of oscillation_ringing_circles_hf, the slow start on overfitting_cnn_small_mlflow.
// doctor14 (the slowing-descent rule of half j, see half b): 19 of 20 (95%), a wrong warning
// on 1 run of 25; undertrained_gru_adamax_tf found (val at its best at the last of 15
// evaluations, lower at each of the last 14, tail at 21% of its average rate).
TEST(DoctorAccuracy, SecondCorpusHalfI) {
    const auto logs = corpus2Half("i");
    ASSERT_GE(logs.size(), 25u);
    const Score s = scoreAll(logs);
    print("corpus2 half i (held back, then looked at)", s);
    // doctor21: 19 -> 20 (oscillation_ringing_circles_hf: ringing at every epoch, 2x the floor)
    EXPECT_GE(s.found(), 20) << "half i recall below its last measure";
    EXPECT_LE(s.runsWithWrong, 1) << "half i: more runs with a wrong warning than measured";
}

TEST(DoctorAccuracy, LabelledRealLogs) {
    CURVEDOCTOR_REQUIRE_REALWORLD(rw);
    static const JsonValue labels = readJson(kData / "realworld_labels.json");
    std::vector<Labelled> logs;
    for (const JsonValue& l : labels["logs"].array) {
        logs.push_back({l["folder"].string, fs::path(rw) / l["folder"].string, &l});
    }
    // Every folder of realworld/ is labelled.
    std::size_t folders = 0;
    for (const auto& d : fs::directory_iterator(rw)) folders += d.is_directory() ? 1 : 0;
    EXPECT_EQ(logs.size(), folders);
    expectTargets("real logs (labelled by hand)", scoreAll(logs));
}

}  // namespace
}  // namespace curvedoctor::core
