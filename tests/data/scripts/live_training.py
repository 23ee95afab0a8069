#!/usr/bin/env python3
"""A real tiny training that writes its logs step by step, for following them by hand:

    python3 tests/data/scripts/live_training.py /tmp/live_run &
    ./build/curvedoctor diagnose --follow /tmp/live_run --fail-on error

Trains a small MLP on sklearn's bundled digits (torch, CPU, a few seconds) and, while it trains,
appends a PyTorch Lightning-style metrics.csv (train rows every step, validation rows every
epoch, the other cells empty, flushed at once) and a TensorBoard event file (PyTorch
SummaryWriter's simple_value records with masked CRC-32C, encoded by hand with the helpers of
make_tfevents_fixtures.py, because torch.utils.tensorboard needs the tensorboard package).
--diverge-at EPOCH raises the learning rate 1e4-fold there, so the loss explodes and turns NaN
(what `diagnose --follow --fail-on error` is for). --step-seconds slows it down to watch.
"""
import argparse
import os
import sys
import time

import torch
from sklearn.datasets import load_digits

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_tfevents_fixtures import event, record, simple, value  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="run folder to write metrics.csv and the event file into")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--diverge-at", type=int, default=-1, help="epoch where the lr explodes")
    ap.add_argument("--step-seconds", type=float, default=0.0, help="sleep after each step")
    args = ap.parse_args()

    torch.manual_seed(0)
    x, y = load_digits(return_X_y=True)
    x = torch.tensor(x / 16.0, dtype=torch.float32)
    y = torch.tensor(y)
    perm = torch.randperm(len(x))
    train, val = perm[:1400], perm[1400:]
    model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.SGD(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss()

    os.makedirs(args.out, exist_ok=True)
    csv = open(os.path.join(args.out, "metrics.csv"), "w", buffering=1)
    csv.write("epoch,step,train_loss,val_loss,val_acc\n")
    tfe = open(os.path.join(args.out, "events.out.tfevents.%d.live.0" % int(time.time())), "wb",
               buffering=0)
    tfe.write(record(event(0, time.time(), file_version="brain.Event:2")))

    step = 0
    for epoch in range(args.epochs):
        if epoch == args.diverge_at:
            for g in opt.param_groups:
                g["lr"] = args.lr * 1e4
        model.train()
        for batch in train[torch.randperm(len(train))].split(64):
            loss = loss_fn(model(x[batch]), y[batch])
            opt.zero_grad()
            loss.backward()
            opt.step()
            v = loss.item()
            csv.write("%d,%d,%s,,\n" % (epoch, step, repr(v) if v == v else "nan"))
            tfe.write(record(event(step, time.time(), value("train_loss", simple(v)))))
            step += 1
            if args.step_seconds:
                time.sleep(args.step_seconds)
        model.eval()
        with torch.no_grad():
            out = model(x[val])
            vl = loss_fn(out, y[val]).item()
            acc = (out.argmax(1) == y[val]).float().mean().item()
        csv.write("%d,%d,,%r,%r\n" % (epoch, step - 1, vl, acc))
        tfe.write(record(event(step - 1, time.time(),
                               value("val_loss", simple(vl)) + value("val_acc", simple(acc)))))
        print("epoch %d: val_loss %.4f val_acc %.3f" % (epoch, vl, acc), flush=True)
    csv.close()
    tfe.close()


if __name__ == "__main__":
    main()
