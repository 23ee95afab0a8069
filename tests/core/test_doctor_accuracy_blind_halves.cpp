// The doctor's accuracy on the halves of tests/data/corpus2 made blind from session 15 on (j to
// q), each scored once before the doctor was tuned on it: the blind per-kind table and every
// later change in the comments above each test (see test_doctor_accuracy.cpp for the rest).
#include <gtest/gtest.h>

#include <string>

#include "doctor_accuracy_score.h"

namespace curvedoctor::core {
namespace {

using namespace accuracy;  // NOLINT(google-build-using-namespace)

// Half j (corpus13): 31 cases (seeds 220-250; a 1-D CNN, a two-layer GRU, Nesterov momentum, a
// linear decay, make_gaussian_quantiles and make_friedman1 as new pieces) made while doctor13
// tuned the detectors on halves a-i, their labels committed (52d5bb9) before the doctor first
// read them, never tuned on. Measured blind once, on main 55352ac's detectors: 28 of 33 found
// (85%), a wrong warning on 1 run of 31 (1 of 35 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (2 under a growing lr without NaN, 2 before NaN)
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          3/4    0/5   missed: noisy_val_few_evals_friedman_tf (20
//                                          evaluations on 10 samples zig-zag 0.064-0.47
//                                          around a smooth train loss 0.70 -> 0.099)
//   not_learning              1/2    0/1   missed: not_learning_shuffled_cnn1d_hf (shuffled
//                                          labels: train 2.31 flat for ~6 epochs, then
//                                          memorised to 1.86; val 2.30 -> 2.64 rising;
//                                          accuracy 0.09-0.12 at chance)
//   oscillation               4/4    0/5   (fading after early blow-ups, and sustained waves)
//   overfitting               4/4    0/5
//   severe_overfitting        0/0    0/1   (accepted for overfitting)
//   slow_start_plateau        3/4    1/4   missed: slow_start_tiny_init_friedman_tf (flat at
//                                          1.0 for 3 of 40 epochs, a cliff to 0.27 by epoch
//                                          5, under a noisy step loss); wrong on
//                                          not_learning_shuffled_cnn1d_hf (its train loss is
//                                          flat for its first 29% before memorising; the
//                                          label forbids it, as that run never learns)
//   undertrained              5/7    0/6   missed: undertrained_gru2_adagrad_tf (2.26 ->
//                                          0.84, still -5% per epoch at the end, accuracy
//                                          0.80 rising) and noisy_val_few_evals_quantiles_mlflow
//                                          (train 1.07 -> 0.745 on a straight line, 15 epochs)
// The floor asserted is that measure. The labels are left as committed.
// doctor13's rules: 29 of 33. doctor14 looked at the misses on their plots (half j is now tuned
// on): a validation loss at its best at the last evaluation, lower at almost every evaluation
// over the second half (Kendall's tau <= -0.8, 3 standard errors), whose last 20% still falls
// at >= 20% of its average rate, having fallen by >= 5% of its first value, with the training
// loss falling over the second half, is undertrained however much it has slowed (a converged
// curve ends at a few percent of its average rate; <= 9% on the steadily falling healthy runs
// of the fixtures and halves a-j, 17% on healthy_quantiles_big_adamw_tf, whose label allows
// undertrained): undertrained_gru2_adagrad_tf found (2.26 -> 0.84, tail at 40%), and the
// same class on halves b, d, g and i. 30 of 33 (91%), a wrong warning on 1 run of 31.
// Then shuffled labels memorised while a validation accuracy creeps by more than its noise
// but stays within 25% of chance (1/K, K read from an untrained loss at ln K): not_learning_
// shuffled_cnn1d_hf (accuracy 0.09 -> 0.115 on 10 classes, validation 2.30 -> 2.64) found;
// jsontxt_01 (test accuracy 8% -> 13%, 4.5 times chance) stays learning. Its slow start is
// gone: a run that learns nothing that generalises (not_learning on any loss) has no slow
// start. 31 of 33 (94%), no wrong warning. Left: the undertrained straight train line of
// noisy_val_few_evals_quantiles_mlflow (validation zig-zags, best not at the end), the noisy
// validation of noisy_val_few_evals_friedman_tf (a regression on 10 samples).
TEST(DoctorAccuracy, SecondCorpusHalfJ) {
    const auto logs = corpus2Half("j");
    ASSERT_GE(logs.size(), 31u);
    const Score s = scoreAll(logs);
    print("corpus2 half j (held back, then looked at)", s);
    // lead (session 17): 31 -> 32 (noisy_val_few_evals_friedman_tf: a validation loss that
    // reverses at 2/3 of its evaluations needs 2, not 4, times the training loss's relative noise).
    // doctor20 (made beside it, merged after): 32 -> 33 (undertrained: training still falls,
    // validation too noisy to refute it)
    EXPECT_GE(s.found(), 33) << "half j recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half j: a run with a wrong warning";
}

// Half k (corpus14): 27 cases (seeds 260-286; a two-layer LSTM, full-batch RMSprop, NAdam and
// RMSprop under a growing lr, a transformer under NAdam and Adagrad as new pieces) made while
// doctor14 tuned the detectors on halves a-j, their labels committed (403f95e) before the doctor
// first read them, never tuned on. Measured blind once, on main dfcec06's detectors: 22 of 26
// found (85%), a wrong warning on 2 runs of 27 (3 of 30 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    1/5   wrong on not_learning_shuffled_lstm2_mlflow (its
//                                          train loss 2.313 -> 2.236 -> 2.298 over the last
//                                          steps: memorising noise on a loss that never left
//                                          the untrained level)
//   nan_inf                   1/1    0/1
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/2    1/4   wrong on not_learning_shuffled_lstm2_mlflow (val
//                                          2.30-2.33: jumps of 0.007 against an improvement
//                                          of almost nothing)
//   not_learning              2/2    1/4   wrong on overfitting_fullbatch_cancer_nesterov_tf
//                                          (val best at epoch 0, 0.32, then 3.95 at 2 and
//                                          0.87 -> 6.68 climbing, while accuracy is 0.92-0.97
//                                          against a majority of 0.63: it learnt)
//   oscillation               0/0    0/1
//   overfitting               3/5    0/2   missed: overfitting_fullbatch_cancer_nesterov_tf
//                                          (above) and overfitting_diabetes_deep_nadam_mlflow
//                                          (train 0.54 -> 0.01; val best at epoch 0, 0.49,
//                                          climbing to ~0.78 by epoch 40, then level)
//   severe_overfitting        0/0    0/2   (accepted for overfitting)
//   slow_start_plateau        5/5    0/5   (short ones: 2.5 of 20 epochs under a 1-D CNN,
//                                          3.5 of 10 under a two-layer LSTM)
//   undertrained              3/5    0/3   missed: undertrained_transformer_adagrad_deit
//                                          (1.94 -> 0.74 in 10 epochs, still -6% per epoch)
//                                          and undertrained_rmsprop_fullbatch_quantiles_mlflow
//                                          (0.279 -> 0.249 over the last 8 of 80 epochs, val
//                                          falling, accuracy 0.92 still rising)
// Both overfitting misses have their best validation at the first evaluation. The floor
// asserted was that measure. The labels are left as committed.
// doctor15 looked at the misses on their plots (half k is now tuned on) and fixed four
// classes, each checked on the fixtures, halves a-j and the real logs (none lost a find or
// gained a wrong warning): the "training loss back above its untrained level" guard of
// overfitting counts only a climb after training made half its fall (the Nesterov run's
// swing 0.70 -> 2.9 in its first epochs, before it learnt; the NAdam run's noisy batch loss
// 0.53 -> 0.55 before its fall): both overfitting runs found; a validation accuracy more than
// halfway from chance to perfect (its error under half of chance's, K from an untrained loss
// at ln K; 0.92 on two classes) is no memorisation (shuffled labels end at 0.25-1.2 times
// chance): the wrong not_learning gone; not_learning supersedes noisy_validation and a
// warning-level divergence (a climb short of the start) in its run: the shuffled LSTM's
// wrong warnings gone; a short run's training loss in a slowing descent (best at the last
// epoch, tail at 37% of its average rate, tau -1 over the second half), validation falling
// with it (tau -0.8, best in the tail, >= 25% of training's pace): the transformer's
// undertrained found. 25 of 26 (96%), no wrong warning. Then a validation loss whose steady
// fall covers only the last 20% (after 50 epochs of zig-zag, so its tau over the last 40% is
// not steady) still counts when it is at its best at the last evaluation, lower at almost
// every evaluation of that tail (tau <= -0.8) and the accuracy climbs there at almost every
// one (tau >= 0.8; 0.84 -> 0.91); a loss inching down under a levelled accuracy (the
// healthy_digits fixture) stays quiet, and relaxing both taus to 0.6 and 0.5 adds no wrong
// warning on any set: the full-batch RMSprop quantiles run found. 26 of 26, no wrong warning.
TEST(DoctorAccuracy, SecondCorpusHalfK) {
    const auto logs = corpus2Half("k");
    ASSERT_GE(logs.size(), 27u);
    const Score s = scoreAll(logs);
    print("corpus2 half k (held back, then looked at)", s);
    EXPECT_GE(s.found(), 26) << "half k recall below its last measure";
    EXPECT_EQ(s.runsWithWrong, 0) << "half k: a run with a wrong warning";
}

// Half l (corpus15): 36 cases (seeds 290-325; make_blobs, make_hastie_10_2, a 2-class
// make_classification with 25% flipped labels, make_regression, a residual MLP, RAdam, Adadelta,
// exponential decay and warm restarts as new pieces) made while doctor15 tuned the detectors on
// halves a-k, their labels committed (9a382a5) before the doctor first read them, never tuned
// on. Measured blind once, on main e49584c's detectors: 33 of 36 found (92%), a wrong warning on
// 6 runs of 36 (7 of 48 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (2 under a growing lr without NaN, 2 before NaN)
//   metric_loss_disagreement  0/0    0/2
//   nan_inf                   2/2    0/2
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/2    2/6   wrong on overfitting_momentum_noisycls_mlflow (val
//                                          improves only 0.669 -> 0.627 by epoch 4, then
//                                          climbs smoothly to 7.2: its jumps of 0.005 weighed
//                                          against that small improvement) and
//                                          not_learning_shuffled_cnn_wide_deit (val 2.304 ->
//                                          2.302, then rising to 2.39: jumps against an
//                                          improvement of almost nothing)
//   not_learning              1/2    1/2   missed: not_learning_shuffled_resmlp_blobs_tf
//                                          (accuracy 0.16-0.24 around the 0.20 of 5 classes,
//                                          val 1.64 -> 1.75 above ln 5; called overfitting,
//                                          which its label allows); wrong on
//                                          overfitting_early_best_noisycls_resmlp_tf (val
//                                          0.619 -> 0.563 at epoch 2, then climbing to 1.80;
//                                          accuracy 0.63-0.73 against a chance of 0.5: it
//                                          learnt, then overfit)
//   oscillation               3/3    3/7   wrong on the three noisycls runs trained with
//                                          batches of 4-8 on 25% flipped labels
//                                          (overfitting_early_best_noisycls_deep_deit,
//                                          _resmlp_tf, overfitting_first_eval_noisycls_hf):
//                                          the train loss falls with spikes (0.003 -> 0.14
//                                          at epoch 21 of the deep run) as it memorises the
//                                          flipped labels; the plots show no swing
//   overfitting               9/10   0/4   missed: overfitting_hastie_subset_mlflow (val
//                                          0.594 at epoch 7 -> 1.165 at 79 while train falls
//                                          to 0.0004; called metric_loss_disagreement, as the
//                                          accuracy rose 0.60 -> 0.72 and then held level)
//   severe_overfitting        0/0    1/8   (accepted for overfitting) wrong on
//                                          oscillation_sustained_linreg_deit (val best 0.326 at
//                                          31, its waves drifting up to 0.59: the label left
//                                          overfitting unsure but, as in earlier halves, not
//                                          severe_overfitting)
//   slow_start_plateau        4/4    0/4   (4 of 40, 5 of 40, 8 of 40 and 8 of 15 epochs)
//   undertrained              6/7    0/7   missed: noisy_val_few_evals_blobs_mlflow (train 1.45
//                                          -> 0.149 still -8% per epoch at the end of 15; the
//                                          val on 12 samples zig-zags, best at 13)
// Three of the 10 overfitting runs have their best validation at the first to third evaluation:
// all found. The floor asserted is that measure. The labels are left as committed.
// Measured blind a second time (session 16) after doctor15 had tuned on half k without reading
// half l: 33 of 36, a wrong warning on 5 runs of 36 (the noisy validation on
// not_learning_shuffled_cnn_wide_deit gone: not_learning supersedes it). doctor16 then tuned
// on it.
// tuned on by doctor16: swings under the trend's wide median must ride on no steady fall
// (Kendall's tau of the smoothed loss from the first swing > -0.5): the oscillation on
// overfitting_early_best_noisycls_resmlp_tf and overfitting_first_eval_noisycls_hf (tau -0.69,
// -0.75) is gone; the fixture's and every half's oscillation finds stay. 33 of 36, a wrong
// warning on 5 runs of 36 (5 of 46); the ringing rule's oscillation on the deep noisycls run
// is left (one value per epoch: isolated bumps on a fast fall).
TEST(DoctorAccuracy, SecondCorpusHalfL) {
    const auto logs = corpus2Half("l");
    ASSERT_GE(logs.size(), 36u);
    const Score s = scoreAll(logs);
    print("corpus2 half l (held back, then looked at)", s);
    // lead (session 17): 33 -> 34 (not_learning_shuffled_resmlp_blobs_tf: accuracy at most
    // 0.22 against 1/5, validation never below ln 5: not learning), no set gained a wrong warning.
    // doctor22: 34 -> 35 (undertrained on noisy_val_few_evals_blobs_mlflow: validation's line over
    // its last third falls 2.3 standard errors of its scatter)
    // doctor23 (made beside doctor22, merged after it): 35 -> 36 (overfitting_hastie_subset_mlflow:
    // an accuracy creeping 0.013 after the loss made half its rise, under 4 times one
    // evaluation's noise, no longer vetoes it).
    EXPECT_GE(s.found(), 36) << "half l recall below its last measure";
    // doctor18: 4 -> 2 (not_learning on a run that learnt before its first log, noisy_validation
    // against a smooth rise far above a small improvement)
    // doctor21: 2 -> 1 (no ringing on the deep noisycls run: its validation loss climbs)
    EXPECT_LE(s.runsWithWrong, 1) << "half l: more runs with a wrong warning than measured";
}

// Half m (34 cases, seeds 330-363; 5 healthy controls, 3 runs with nothing expected): made by
// corpus16 while halves a-l were tuned on, its labels committed (eea404c) before the doctor
// first read it, never tuned on. Measured blind once, on main df3239d's detectors: 24 of 33
// found (73%), a wrong warning on 4 runs of 34 (5 of 39 warnings):
//   kind                      found  wrong/warnings
//   divergence                4/5    1/6   missed: divergence_grow_cancer_adamax_mlflow (train
//                                          0.002 at epoch 27, then blow-ups under the growing
//                                          lr: epoch train 1.56 and 2.45 at 37-38, val 0.05 ->
//                                          2.16, accuracy held 0.92-0.98, train back to 0.22 at
//                                          the end); wrong on no_shuffle_sorted_circles_radam_
//                                          mlflow (the run ends on the high side of its one-epoch
//                                          saw-tooth, 0.46 -> 0.71 in its last 16 steps, while
//                                          the epoch loss falls all run)
//   nan_inf                   4/4    0/4
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          1/1    1/7   wrong on not_learning_shuffled_gru2_adamax_mlflow (val
//                                          2.302 -> 2.306: jumps of 1e-4 against an improvement
//                                          of almost nothing, as on half l)
//   not_learning              1/2    1/2   missed: not_learning_shuffled_quantiles_hf (val flat
//                                          1.097-1.104 at ln 3, accuracy 0.30-0.40 around 0.33,
//                                          train memorising 1.11 -> 1.07); wrong on
//                                          overfitting_noisycls_adamax_resmlp_hf (val zig-zags
//                                          0.51-0.63 for 10 epochs, then climbs to 1.45;
//                                          accuracy 0.75-0.81 against a chance of 0.5: it learnt,
//                                          then overfit)
//   oscillation               1/3    2/4   missed: oscillation_fading_friedman_tf (fading waves of
//                                          4-8 epochs over 100 full-batch steps) and
//                                          oscillation_then_nan_diabetes_deit (waves 0.51 <->
//                                          0.88 over epochs 0-33, before the blow-up into NaN);
//                                          wrong on the two noisycls runs trained with batches
//                                          of 4 on 25% flipped labels (overfitting_early_best_
//                                          noisycls_nadam_mlflow, overfitting_noisycls_adamax_
//                                          resmlp_hf): the step loss spikes as it memorises
//                                          the flipped labels; the plots show no swing
//   overfitting               4/5    0/3   missed: overfitting_noisycls_adamax_resmlp_hf (best
//                                          val 0.508 at epoch 7, 1.45 at 28; called not_learning)
//   severe_overfitting        0/0    0/2   (accepted for overfitting)
//   slow_start_plateau        3/3    0/5   (2 of 40, 8 of 20 and 20 of 40 epochs)
//   undertrained              4/8    0/4   missed: undertrained_transformer_radam_linear_hf (val
//                                          0.545 -> 0.422 over the last 6 of 15 epochs as the
//                                          linear decay ends, accuracy 0.88 rising),
//                                          undertrained_lstm2_short_tf (val -12% in the last of
//                                          6 epochs), undertrained_few_evals_quantiles_tf (train
//                                          -4% per epoch at the end of 15; val on 12 samples),
//                                          no_shuffle_sorted_circles_radam_mlflow (the epoch loss
//                                          0.668 -> 0.583 bending down, accuracy 0.55 -> 0.75)
// The five healthy controls (among them one-step lr spikes that recover and batches of 4 on
// iris) and the three runs with nothing expected drew no wrong warning. The floor asserted is
// that measure. The labels are left as committed.
// Measured blind a second time (session 16) after doctor15 and doctor16 had tuned on halves k
// and l and never read half m: after doctor15's rules 24 of 33, a wrong warning on 3 runs of
// 34 (not_learning supersedes the noisy validation of the shuffled GRU); with doctor16's too,
// 24 of 33 and 2 of 34 (the two noisycls oscillations gone). doctor17 and doctor19 then tuned on
// it.
TEST(DoctorAccuracy, SecondCorpusHalfM) {
    const auto logs = corpus2Half("m");
    ASSERT_GE(logs.size(), 34u);
    const Score s = scoreAll(logs);
    print("corpus2 half m (held back, then looked at)", s);
    // doctor17: 24 -> 25 (undertrained_lstm2_short_tf: six evaluations, steadiness read over
    // the last five), no set lost a find or gained a wrong warning.
    // doctor19: 25 -> 27, runs with a wrong warning 2 -> 1 of 34 (divergence: a climb within
    // one epoch read on the per-epoch level, so the saw-tooth's undertrained shows; a growing lr's
    // val loss past the untrained level with train spikes 10x it), every other set unchanged.
    // doctor18 (made beside doctor17 and doctor19, merged after them): overfitting on
    // overfitting_noisycls_adamax_resmlp_hf found (a classifier's untrained level at least ln 2)
    // and no not_learning there (it learnt before its first log, accuracy >= 0.725).
    // lead (session 17): 28 -> 29 (not_learning_shuffled_quantiles_hf: accuracy at most 0.375
    // against 1/3, validation never below ln 3, read even where it creeps down by more than its
    // tiny noise).
    // doctor21 (made beside the lead's rules, merged after them): 29 -> 31 (oscillation: waves
    // of a per-epoch loss; swings before a blow-up)
    // doctor20 (made beside both, merged after them): 31 -> 33 (undertrained: an lr schedule
    // run out; training falling under a noisy validation)
    EXPECT_GE(s.found(), 33) << "half m recall below its measure";
    EXPECT_LE(s.runsWithWrong, 0) << "half m: more runs with a wrong warning than measured";
}

// Half n (38 cases, seeds 370-409; 6 healthy controls, 4 runs with nothing expected; plain Adam
// and make_sparse_uncorrelated as new pieces): made by corpus17 while halves a-m were tuned on,
// its labels committed (c877649) before the doctor first read it, never tuned on. Measured blind
// once, on main cea99dc's detectors: 28 of 33 found (85%), a wrong warning on 2 runs of 38 (2 of
// 38 warnings):
//   kind                      found  wrong/warnings
//   divergence                5/5    1/6   (3 under a growing lr without NaN, 2 before NaN)
//                                          wrong on overfitting_early_best_cancer_adam_hf (an
//                                          error: val past its "untrained level" 0.43 from
//                                          epoch 3 and one step-loss spike to 5.1; its plot: the
//                                          train loss at 1e-5 from epoch 18 while val climbs
//                                          smoothly 0.38 -> 1.28: overfitting, not a blow-up)
//   metric_loss_disagreement  0/0    0/1
//   nan_inf                   4/4    0/4
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          1/2    0/2   missed: noisy_val_few_evals_sparse_mlflow (20
//                                          evaluations of a regression on 10 samples zig-zag
//                                          0.043-0.20 around a train loss level at 0.06-0.07;
//                                          only a plateau found, as on halves j and m)
//   not_learning              3/3    0/3   (2, 3 and 10 classes)
//   oscillation               2/2    0/4
//   overfitting               4/5    0/3   missed: overfitting_early_best_cancer_adam_hf (val
//                                          best 0.276 at epoch 1, the second evaluation,
//                                          zig-zag to 12, then 0.38 -> 1.28 at the end of 40;
//                                          called divergence, above)
//   severe_overfitting        0/0    1/4   (accepted for overfitting) wrong on
//                                          oscillation_waves_fullbatch_linreg_sgd_mlflow (val
//                                          best 0.47 at epoch 2, then waves 0.49-0.62 to 0.643
//                                          at the end: the label left overfitting unsure, not
//                                          severe_overfitting, as on half l)
//   slow_start_plateau        3/3    0/4   (4 of 60, 5 of 20 and 9 of 40 epochs)
//   undertrained              4/7    0/5   missed: undertrained_short_cnn_adamax_deit (no
//                                          finding: 2.28 -> 2.07 over 5 epochs, accuracy 0.33 ->
//                                          0.76 rising), undertrained_few_evals_blobs_sgd_hf
//                                          (train -8% per epoch at the end of 12, val on 12
//                                          samples; only noisy_validation on the 1/12 steps of
//                                          its accuracy, which the label allows) and
//                                          undertrained_linear_lstm_sgd_hf (val -6% per epoch
//                                          over the last of 8 as a linear decay ends, accuracy
//                                          0.90 rising; only its flat start found)
// The six healthy controls (a wide gap under cosine, batches of 4, one-step lr spikes that
// recover, a transformer converged under an exponential decay among them) and the four runs
// with nothing expected drew no wrong warning. The floor asserted is that measure. The labels
// are left as committed.
// Measured blind a second time (session 17) with the lead's not_learning and noisy_validation
// rules (made on halves d, j, l and m before half n existed): 28 of 33, a wrong warning on 2 runs
// of 38, unchanged (its zig-zag rule does not reach noisy_val_few_evals_sparse_mlflow). A third
// time with doctor21's oscillation rules (made on halves i, l and m, never reading half n): 28
// of 33, 2 of 38, unchanged. A fourth with doctor20's undertrained rules (made on halves j and m,
// never reading half n): 29 of 33 (88%), 2 of 38; undertrained_linear_lstm_sgd_hf found by the
// run-out-schedule reading (val still -6% per epoch as the linear decay ends).
TEST(DoctorAccuracy, SecondCorpusHalfN) {
    const auto logs = corpus2Half("n");
    ASSERT_GE(logs.size(), 38u);
    const Score s = scoreAll(logs);
    print("corpus2 half n (held back, then looked at)", s);
    // lead (session 17, tuned on half n): 29 -> 30 (overfitting_early_best_cancer_adam_hf: the
    // blow-up reading of divergence needs the training loss still past the untrained level in
    // its last quarter; its spike at epoch 11 of 40 was over, so its overfitting shows).
    // doctor22: 30 -> 32 (undertrained: a five-epoch run's slowing descent; a few noisy
    // evaluations trending down through their scatter)
    // doctor23 (made beside doctor22, merged after it): 32 -> 33 (noisy_val_few_evals_sparse_
    // mlflow: its later half scatters by 45% of its level, more than its line moves and 3.2 times
    // training's per-evaluation scatter).
    EXPECT_GE(s.found(), 33) << "half n recall below its last measure";
    // lead (session 17, the first rule tuned on half n): 2 -> 1 (severe_overfitting on
    // oscillation_waves_fullbatch_linreg_sgd_mlflow gone: "ends worse than its first value"
    // reads the first value as logged, 0.93, not the running median's 0.64).
    // lead: 1 -> 0 (that run's divergence gone, and its slow start: a classifier's flat start
    // below half of ln 2 had learnt already).
    EXPECT_EQ(s.runsWithWrong, 0) << "half n: a run with a wrong warning";
}

// Half o (44 cases, seeds 410-455; 6 healthy controls, 5 runs with nothing expected;
// make_friedman3 and AdamW with AMSGrad as new pieces): made by corpus18 while halves a-n were
// tuned on, its labels committed (d624338) before the doctor first read it, never tuned on.
// Measured blind once, on main 2b46c4a's detectors: 37 of 39 found (95%), a wrong warning on 3
// runs of 44 (3 of 43 warnings):
//   kind                      found  wrong/warnings
//   divergence                7/7    0/6   (3 under a growing lr without NaN, 2 before NaN,
//                                          2 blow-ups at the end of full-batch momentum)
//   nan_inf                   5/5    0/5
//   no_shuffle_periodic       2/2    1/3   wrong on undertrained_linear_gru_nesterov_tf
//                                          (shuffled; its plot: a noisy step loss falling
//                                          2.3 -> 1.6 under a linear decay, 8 logged points
//                                          per epoch, no repeating shape)
//   noisy_validation          2/2    0/3   (10 samples: a GRU and make_regression)
//   not_learning              4/4    0/4   (2, 5 and 10 classes, and an unshuffled GRU)
//   oscillation               2/3    1/3   missed: oscillation_fading_fullbatch_friedman_
//                                          nesterov_tf (one step per epoch: train 0.32 ->
//                                          0.437 -> 0.228 over 5-14, smaller waves to ~30,
//                                          then smooth to 0.031; val 0.305 -> 0.47 -> 0.27);
//                                          wrong on overfitting_diabetes_subset_radam_deit
//                                          (its train loss memorising 80 samples to 1e-3 with
//                                          bumps 0.04 -> 0.08, 0.02 -> 0.06, 0.004 -> 0.09 at
//                                          ~37, ~58 and ~88 of 150: not a swing of training)
//   overfitting               6/7    1/4   missed: overfitting_then_blowup_fullbatch_
//                                          diabetes_nesterov_deit (val best 0.572 at epoch
//                                          14, rising to 0.78 at 78 while train halves 0.445
//                                          -> 0.204, then a blow-up to 1.5e28 and an inf
//                                          val; its divergence and NaN found); wrong on
//                                          oscillation_sustained_fullbatch_friedman3_tf (val
//                                          best 0.289 at 63 inside waves 0.29 <-> 0.39 that
//                                          go on to the end, 0.313 last: waves, not a rise)
//   severe_overfitting        0/0    0/3   (accepted for overfitting)
//   slow_start_plateau        3/3    0/4   (2.5 of 40, 4 of 20 and 35 of 60 epochs)
//   undertrained              6/6    0/8
// The six healthy controls (wide gaps, batches of 4, one-step lr spikes that recover, a CNN
// converged under an exponential decay) and the five runs with nothing expected (three whose
// curves levelled as their lr decayed, an LSTM thrashing at lr 1.0, one full-batch swing that
// recovered) drew no wrong warning. The floor asserted is that measure. The labels are left as
// committed.
// Measured blind a second time (session 18) with doctor22's undertrained rules and doctor23's
// noisy_validation and overfitting rules (made on halves g, l and n, never reading half o): 37
// of 39 (95%), a wrong warning on 3 runs of 44, unchanged (one more undertrained warning, on a
// run whose label allows it).
TEST(DoctorAccuracy, SecondCorpusHalfO) {
    const auto logs = corpus2Half("o");
    ASSERT_GE(logs.size(), 44u);
    const Score s = scoreAll(logs);
    print("corpus2 half o (held back, then looked at)", s);
    // doctor26: 37 -> 38 (overfitting_then_blowup_fullbatch_diabetes_nesterov_deit: overfitting
    // read up to where the training loss's blow-up starts).
    // doctor27: 38 -> 39 (oscillation_fading_fullbatch_friedman_nesterov_tf: one swing with
    // validation, 36% over four epochs, that rings and fades).
    EXPECT_GE(s.found(), 39) << "half o recall below its measure";
    // lead (session 18, tuned on half o after its two blind measures): 3 -> 2 (no oscillation
    // on overfitting_diabetes_subset_radam_deit: the largest of a loss's waves must climb a
    // tenth of its range; its bumps near zero climb 4-6% of it).
    // doctor26: 2 -> 1 (no overfitting on oscillation_sustained_fullbatch_friedman3_tf: a rise
    // no higher nor longer than the swing before the best is one more swing).
    // doctor27: 1 -> 0 (no no_shuffle_periodic on undertrained_linear_gru_nesterov_tf: its
    // pattern stands 3.5 standard deviations above chance for 7 epochs of 8 points, 5 asked).
    EXPECT_LE(s.runsWithWrong, 0) << "half o: more runs with a wrong warning than measured";
}

// Half p (45 cases, seeds 460-511; 6 healthy controls, 4 runs with nothing expected; no new
// pieces, new pairings): made by corpus19 while halves a-o were tuned on or measured, its labels
// committed (e5548cb) before the doctor first read it, never tuned on. Measured blind once, on
// main c293006's detectors: 30 of 39 found (77%), a wrong warning on 1 run of 45 (1 of 42
// warnings):
//   kind                      found  wrong/warnings
//   divergence                5/6    0/5   missed: divergence_collapse_circles_sgd_tf (lr 2.0:
//                                          train 0.95, 0.81, 1.32, 0.57, 1.06 over 0-4, 0.35 at
//                                          7, then up to 0.68 (ln 2) at 16; accuracy 0.95 ->
//                                          0.5 from 13; read as oscillation, which is allowed)
//   metric_loss_disagreement  0/0    0/2
//   nan_inf                   4/4    0/4   (2 from the start, 2 after a divergence)
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/2    0/3   (8 and 10 samples)
//   not_learning              3/3    0/3   (2, 3 and 10 classes)
//   oscillation               2/3    0/4   missed: oscillation_fading_fullbatch_linreg_sgd_tf
//                                          (one step per epoch: train 0.357 -> 0.553 ->
//                                          0.373 -> 0.428 over 5-17, then smooth to 0.181;
//                                          val swings 0.29 <-> 0.56 to ~45; read as
//                                          overfitting from epoch 58, +5%, which is allowed)
//   overfitting               3/6    0/5   missed: overfitting_early_best_noisycls_rmsprop_
//                                          mlflow (val best 0.596 at the third evaluation,
//                                          climbing to 4.09 while accuracy creeps 0.665 ->
//                                          0.71: only metric_loss_disagreement);
//                                          overfitting_blobs_subset_nesterov_mlflow (val best
//                                          0.0498 at the third evaluation, jumps to 0.25 over
//                                          3-6, then 0.16 at 15 rising steadily to 0.212 at
//                                          100: only a plateau); overfitting_then_spike_
//                                          fullbatch_sparse_nesterov_hf (one step per epoch:
//                                          val 0.1327 at 29 rising to 0.172 at 82 while train
//                                          falls 0.12 -> 0.040, then a blow-up to 4.0 over
//                                          85-95 that recovers: only oscillation on the
//                                          blow-up, allowed)
//   severe_overfitting        0/0    0/3   (accepted for overfitting)
//   slow_start_plateau        2/3    1/3   missed: slow_start_long_tiny_init_quantiles_mlflow
//                                          (flat at 1.099 = ln 3 for ~30 of 60 epochs, then
//                                          falling ever faster; its undertrained found); wrong
//                                          on undertrained_spikes_gru_nesterov_mlflow (the
//                                          step loss 2.305 -> ~2.2 over its first ~120 of 645
//                                          steps, epochs 2.297, 2.239, 2.126, then a fast fall:
//                                          looked at again, a slow first two epochs that a
//                                          practitioner might call a short slow start; its
//                                          label forbids it and is left as committed)
//   undertrained              7/10   0/8   missed: undertrained_spikes_gru_nesterov_mlflow
//                                          (val 0.249, 0.232, 0.2055 over the last three of
//                                          15, after a spike at 11); undertrained_few_evals_
//                                          blobs_sgd_deit (12 evaluations on 12 samples: train
//                                          1.60 -> 0.669 on a near-straight line, val zig-
//                                          zagging down with it, best at the last: no
//                                          finding); undertrained_linear_transformer_sgd_hf (6
//                                          epochs, val 1.336, 1.288, 1.248 at the end under a
//                                          linear decay, accuracy 0.576: read as a plateau)
// The six healthy controls (converged under linear, exponential and cosine decays, batches of
// 4, a wide gap, an lr spike that recovers) and the four runs with nothing expected (an LSTM
// levelled under an exponential decay, a deep MLP's levelled gap, a high lr stuck at a noisy
// level, slow full-batch waves) drew no wrong warning. The floor asserted is that measure. The
// labels are left as committed.
// doctor24 (looked at): 30 -> 32: from the half-rise the accuracy must set a new best by more
// than 1.5 steps of its grid (noisycls_rmsprop 0.705 -> 0.71, blobs_subset back to 0.96 from a
// dip after 0.9556: one sample each); then_spike still missed (its blow-up gates it).
TEST(DoctorAccuracy, SecondCorpusHalfP) {
    const auto logs = corpus2Half("p");
    ASSERT_GE(logs.size(), 45u);
    const Score s = scoreAll(logs);
    print("corpus2 half p (held back, then looked at)", s);
    // doctor25 (tuned on half p, beside doctor24, merged after it): 32 -> 34
    // (undertrained_few_evals_blobs_sgd_deit: one bump among five evaluations leaves Kendall's
    // tau at the -0.8 edge, now read through its noise; undertrained_linear_transformer_sgd_hf:
    // the schedule ran out, training read per epoch).
    // doctor26: 34 -> 36 (overfitting_then_spike_fullbatch_sparse_nesterov_hf: overfitting read
    // before the blow-up; divergence_collapse_circles_sgd_tf: accuracy 0.955 -> 0.5 and the batch
    // loss back at ln 2 after 0.16, a collapse to chance read as divergence).
    // doctor27: 36 -> 38 (oscillation_fading_fullbatch_linreg_sgd_tf: one swing with
    // validation that rings; slow_start_long_tiny_init_quantiles_mlflow: a drop of 8.8% of ln 3
    // after a flat half that validation confirms).
    // doctor27: 38 -> 39 (undertrained_spikes_gru_nesterov_mlflow: its last five evaluations'
    // line read without the spike that recovered).
    EXPECT_GE(s.found(), 39) << "half p recall below its measure";
    // doctor25: 1 -> 0 (no slow start on undertrained_spikes_gru_nesterov_mlflow: its start's
    // line falls 3% of the improvement over its first half, far beyond its noise).
    EXPECT_LE(s.runsWithWrong, 0) << "half p: more runs with a wrong warning than measured";
}

// Half q (37 cases, seeds 520-561; 6 healthy controls, 2 runs with nothing expected; no new
// pieces, new pairings): made by corpus20 while halves a-p were tuned on or measured, its labels
// committed (eb3c0a7) before the doctor first read it, never tuned on. Measured blind once, on
// main 9dca27c's detectors: 28 of 32 found (88%), a wrong warning on 2 runs of 37 (2 of 43
// warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (3 under a growing lr, one into NaN; a full-batch
//                                          blow-up that settled 8 times higher)
//   gradient_ascent           0/0    1/1   wrong on no_shuffle_sorted_quantiles_adagrad_mlflow
//                                          (class-sorted batches of 16: the first class's
//                                          steps fall 1.07 -> 0.013 before the jump to 6.3 at
//                                          the first class change, so its start reads 0.175
//                                          against 0.47 at the end; the epoch loss falls 0.96
//                                          -> 0.45)
//   metric_loss_disagreement  0/0    0/3
//   nan_inf                   3/3    0/3   (2 from the start, 1 after a divergence)
//   no_shuffle_periodic       1/2    0/1   missed: no_shuffle_sorted_gru2_hf (class-sorted
//                                          digits in batches of 64, 10 epochs: the step loss
//                                          near 2.3-2.6 for ~4 epochs, then swings 0.7-3.2 in a
//                                          shape repeating every 22 steps, lag-22
//                                          autocorrelation 0.39 over the last seven)
//   noisy_validation          1/2    0/3   missed: noisy_val_sparse_radam_mlflow (20
//                                          evaluations on 8 samples of a regression: 0.085,
//                                          0.052, 0.079, 0.060, 0.098, 0.036, 0.149, 0.054,
//                                          0.082 over the last nine around a smooth train loss
//                                          1.0 -> 0.067)
//   not_learning              4/4    0/4   (2, 4 and 10 classes shuffled; a tiny init stuck at
//                                          ln 5)
//   oscillation               2/2    1/4   wrong on undertrained_smallbatch_moons_radam_mlflow
//                                          (batches of 4: the noise of the step loss, a band
//                                          0-1.3, read as 4 swings of the smoothed train loss;
//                                          its undertrained found)
//   overfitting               5/5    0/4   (two best at the second evaluation)
//   severe_overfitting        0/0    0/3   (accepted for overfitting)
//   slow_start_plateau        3/3    0/6   (4 of 60, 10 of 40 and 29 of 40 epochs)
//   undertrained              5/7    0/7   missed: undertrained_few_evals_cls_adagrad_hf (12
//                                          evaluations on 16 samples zig-zag 0.90 -> 0.48
//                                          around a train loss 1.15 -> 0.46 still -5% per
//                                          epoch); no_shuffle_sorted_quantiles_adagrad_mlflow
//                                          (val 1.56 -> 0.551, still -1.4% per epoch at the end
//                                          of 30, accuracy 0.75 rising; its unshuffled found)
// The six healthy controls (a wide gap under cosine, batches of 4, lr spikes on a transformer,
// converged under exponential, step and one-cycle schedules) and the two runs with nothing
// expected (stuck near ln 3 under a decaying lr, unstable under a growing lr) drew no wrong
// warning. The floor asserted is that measure. The labels are left as committed.
// Measured blind a second time (session 19) with doctor26's and doctor27's rules (made on halves
// o and p, never reading half q): unchanged, 28 of 32, a wrong warning on 2 runs of 37.
// Held back, then looked at: doctor28 and doctor29 tuned on it (session 19).
TEST(DoctorAccuracy, SecondCorpusHalfQ) {
    const auto logs = corpus2Half("q");
    ASSERT_GE(logs.size(), 37u);
    const Score s = scoreAll(logs);
    print("corpus2 half q (held back, then looked at)", s);
    // doctor29: 28 -> 29 (undertrained on no_shuffle_sorted_quantiles_adagrad_mlflow: its
    // training loss read by the epoch, 0.963 -> 0.450, confirms the slowing validation).
    EXPECT_GE(s.found(), 29) << "half q recall below its blind measure";
    // doctor28: 2 -> 1 (no gradient_ascent on no_shuffle_sorted_quantiles_adagrad_mlflow: its
    // step loss rises from a smoothed 0.175 while its mean per epoch falls 0.963 -> 0.450).
    // doctor29: 1 -> 0 (no oscillation on undertrained_smallbatch_moons_radam_mlflow: its mean
    // per epoch falls 0.544 -> 0.190, Kendall's tau -0.81 from the first "swing" on).
    EXPECT_LE(s.runsWithWrong, 0) << "half q: more runs with a wrong warning than measured";
}

// Half r (39 cases, seeds 570-614; 7 healthy controls, 1 run with nothing expected; no new
// pieces, new pairings): made by corpus21 while halves a-q were tuned on or measured, its labels
// committed (a8a9758) before the doctor first read it, never tuned on. Measured blind once, on
// main 3410481's detectors: 30 of 33 found (91%), a wrong warning on 2 runs of 39 (2 of 39
// warnings):
//   kind                      found  wrong/warnings
//   divergence                4/4    0/4   (3 under a growing lr, one into NaN; a full-batch
//                                          run that blew up twice)
//   metric_loss_disagreement  0/0    0/1
//   nan_inf                   3/3    0/3   (2 from the start, 1 after a divergence)
//   no_shuffle_periodic       2/2    0/2
//   noisy_validation          2/3    1/5   missed: noisy_val_few_evals_blobs_adamax_deit (15
//                                          evaluations on 12 samples: 0.083, 0.115, 0.097,
//                                          0.207, 0.125, 0.078, 0.064, 0.034, 0.100, 0.033 over
//                                          the last ten around a smooth train loss 0.176 ->
//                                          0.056); wrong on
//                                          slow_start_long_tiny_init_circles_sgd_mlflow (its
//                                          accuracy jumps 0.5 <-> 0.83 as it leaves ln 2 over
//                                          23-31, then 0.96-0.995 to the end)
//   not_learning              4/4    0/4   (2, 3 and 10 classes shuffled; a tiny init stuck at
//                                          ln 2)
//   oscillation               2/2    0/2   (a fading and a damped full-batch run)
//   overfitting               6/6    0/0   (one best at the second evaluation, one under a
//                                          growing lr, one after a damped oscillation)
//   severe_overfitting        0/0    0/6   (accepted for overfitting)
//   slow_start_plateau        2/3    1/3   missed: slow_start_long_tiny_init_circles_sgd_mlflow
//                                          (flat at ln 2 with accuracy 0.5 for ~28 of 40 epochs,
//                                          then a cliff to 0.10 at 35); wrong on
//                                          undertrained_linear_lstm2_nadam_hf (its step loss
//                                          near 2.29 over its first epoch of 8, train 2.289 ->
//                                          1.824 at the second)
//   undertrained              5/6    0/9   missed: undertrained_linear_lstm2_nadam_hf (8 epochs
//                                          under a linear decay: val 0.936, 0.836, 0.778, 0.766
//                                          over the last four, slowing as the lr runs out,
//                                          accuracy 0.78)
// The seven healthy controls (a wide gap under cosine, batches of 4, lr spikes on a 1-D CNN,
// converged under linear, warm-up cosine, restart and exponential schedules) and the run with
// nothing expected (a brief flat start of a GRU) drew no wrong warning. The floor asserted is
// that measure. The labels are left as committed.
// Measured blind again (session 19) with doctor27's and doctor28's rules, then with doctor29's
// (made on halves o, p and q; none read half r): unchanged both times, 30 of 33, a wrong
// warning on 2 runs of 39. Half r is the held-back half at session 19's stop.
TEST(DoctorAccuracy, SecondCorpusHalfR) {
    const auto logs = corpus2Half("r");
    ASSERT_GE(logs.size(), 39u);
    const Score s = scoreAll(logs);
    print("corpus2 half r (held back)", s);
    EXPECT_GE(s.found(), 30) << "half r recall below its blind measure";
    EXPECT_LE(s.runsWithWrong, 2) << "half r: more runs with a wrong warning than measured";
}

}  // namespace
}  // namespace curvedoctor::core
