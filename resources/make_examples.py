#!/usr/bin/python3
"""Makes the example runs CurveDoctor offers on first start and diagnoses in the README.

Four real training runs on scikit-learn's bundled digits data set, made with the fixture
generator's trainer and writers (tests/data/fixtures/make_fixtures.py) but with their own seeds:

- healthy/                 a small MLP that trains cleanly (Lightning metrics.csv)
- overfitting/             200 samples with 40% noisy labels and a large MLP (Keras CSVLogger)
- diverging_to_nan/        a learning rate doubled every epoch and a naive -log(softmax) loss:
                           the loss explodes, becomes inf, then NaN (Lightning metrics.csv)
- unshuffled/              training data sorted by class and never shuffled: a saw-tooth once
                           per epoch in the step-level loss (Lightning metrics.csv)

    /usr/bin/python3 resources/make_examples.py [--plots DIR]

The script lives beside examples/, not in it: the folder is opened as a whole on first start,
and every file in it should be a run.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "data", "fixtures"))

import make_fixtures as mf  # noqa: E402


def examples():
    return [
        mf.Case("healthy", "none", hidden=(64,), lr=1e-3, weight_decay=1e-4, dropout=0.2,
                epochs=25, seed=7, log_every=5),
        mf.Case("overfitting", "200 samples, 40% noisy labels, 256-256 hidden", fmt="keras",
                hidden=(256, 256), train_subset=200, label_noise=0.4, lr=1e-3, epochs=60,
                batch=16, seed=7),
        mf.Case("diverging_to_nan", "lr doubled every epoch, -log(softmax(x)) loss",
                naive_log_softmax=True, hidden=(128, 128), optimizer="sgd", lr=0.01,
                momentum=0.9, lr_growth=2.0, epochs=8, seed=7),
        mf.Case("unshuffled", "training data sorted by label, shuffle=False", sort_by_class=True,
                shuffle=False, optimizer="sgd", lr=0.05, epochs=12, seed=7),
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plots", help="also render the curves as PNGs into this folder")
    args = ap.parse_args(argv)
    if args.plots:
        os.makedirs(args.plots, exist_ok=True)
    for case in examples():
        log = mf.train(case)
        mf.write_case(case, log, os.path.join(HERE, "examples", case.name))
        if args.plots:
            mf.plot_case("example_" + case.name, case, log, args.plots)
        print(case.name, mf.facts(case, log), flush=True)


if __name__ == "__main__":
    sys.exit(main())
