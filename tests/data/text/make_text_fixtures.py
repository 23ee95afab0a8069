#!/usr/bin/env python3
"""Writes the small text-log fixtures in this folder. The Keras output imitates tf.keras 2.x
Progbar with dynamic display (what a captured stdout on Linux holds: '\\b' * previous width, then
'\\r', then the redrawn bar) and Keras 3 (ANSI-coloured '━' bars). Values are arbitrary but
fixed; the tests state which ones they expect."""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def keras2_epoch(epoch, epochs, steps, losses, accs, val):
    out = [f"Epoch {epoch}/{epochs}\n"]
    prev = 0
    for i in range(1, steps + 1):
        done = int(30 * i / steps)
        bar = "=" * (done - 1) + (">" if i < steps else "=") + "." * (30 - done)
        head = f"{i:2d}/{steps} [{bar}]"
        if i < steps:
            info = f" - ETA: {steps - i}s - loss: {losses[i - 1]:.4f} - accuracy: {accs[i - 1]:.4f}"
        else:
            info = (f" - 1s 20ms/step - loss: {losses[i - 1]:.4f} - accuracy: {accs[i - 1]:.4f}"
                    f" - val_loss: {val[0]:.4f} - val_accuracy: {val[1]:.4f}")
        line = head + info
        out.append("\b" * prev + "\r" + line)
        prev = len(line)
    out.append("\n")
    return "".join(out)


def keras_fixture():
    text = "Using TensorFlow backend.\nModel: \"sequential\"\nTotal params: 101,770\n"
    text += keras2_epoch(1, 3, 4, [2.30, 2.10, 1.95, 1.90], [0.10, 0.20, 0.30, 0.35], (1.70, 0.42))
    text += "Epoch 00001: val_loss improved from inf to 1.70000, saving model to best.h5\n"
    text += keras2_epoch(2, 3, 4, [1.50, 1.20, 1.10, 1.00], [0.50, 0.60, 0.65, 0.70], (1.20, 0.61))
    text += keras2_epoch(3, 3, 4, [0.90, 0.80, float("nan"), float("nan")], [0.72, 0.75, 0.0, 0.0],
                         (float("inf"), 0.10))
    # An interrupted fourth epoch from a restarted fit(): only ETA updates.
    text += "Epoch 1/3\n\r1/4 [======>.......................] - ETA: 3s - loss: 2.2000 - accuracy: 0.1200"
    text += "\nKeyboardInterrupt\n"
    (HERE / "keras_progress.log").write_text(text)


def keras3_fixture():
    esc = "\x1b"
    lines = []
    for e, (loss, acc, vloss, vacc) in enumerate([(0.43, 0.87, 0.50, 0.85), (0.31, 0.91, 0.45, 0.88)], 1):
        lines.append(f"Epoch {e}/2\n")
        lines.append(f"\r{esc}[1m 1/10{esc}[0m {esc}[32m━━{esc}[0m{esc}[37m━━━━━━━━━━━━━━━━━━{esc}[0m "
                     f"{esc}[1m2s{esc}[0m 250ms/step - accuracy: 0.5000 - loss: 1.0000")
        lines.append(f"\r{esc}[1m10/10{esc}[0m {esc}[32m━━━━━━━━━━━━━━━━━━━━{esc}[0m{esc}[37m{esc}[0m "
                     f"{esc}[1m3s{esc}[0m 200ms/step - accuracy: {acc:.4f} - loss: {loss:.4f} - "
                     f"val_accuracy: {vacc:.4f} - val_loss: {vloss:.4f}\n")
    (HERE / "keras3_progress.log").write_text("".join(lines))


def mmdet_fixture():
    head = "2021-12-07 13:57:38,253 - mmdet - INFO - "
    lines = [head + "Environment info:\n", "-" * 60 + "\n", "sys.platform: linux\n",
             "PyTorch: 1.6.0\n", "-" * 60 + "\n", head + "Config:\n",
             "optimizer = dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0001)\n",
             "total_epochs = 2\n"]
    vals = [(1, 10, "1.000e-02", "0.9000", "95.1000"), (1, 20, "2.000e-02", "0.7000", "96.0000"),
            (2, 10, "2.000e-02", "nan", "64.7671"), (2, 20, "2.000e-02", "1825428497217349667885416448.0000", "70.0000")]
    for e, i, lr, loss, acc in vals:
        lines.append(head + f"Epoch [{e}][{i}/20]\tlr: {lr}, eta: 0:01:02, time: 0.710, data_time: 0.341, "
                     f"memory: 3720, loss_cls: {loss}, acc: {acc}, loss: {loss}\n")
        if i == 20:
            lines.append(head + f"Saving checkpoint at {e} epochs\n")
            lines.append(head + f"Epoch(val) [{e}][20]\tbbox_mAP: 0.{e}000, bbox_mAP_50: 0.{e}500, "
                         f"bbox_mAP_copypaste: 0.{e}00 0.{e}50 0.000 -1.000 0.000 0.000\n")
    (HERE / "mmdet_text.log").write_text("".join(lines))


def key_value_fixture():
    esc = "\x1b"
    text = ("Loading data...\nargs: lr=0.001 batch=64\n"
            "step=1 loss=2.5 lr=0.001\n"
            f"{esc}[32mstep=2{esc}[0m loss=2.25 lr=0.001\n"
            "step=3 loss=nan lr=0.001\n"
            "Traceback (most recent call last):\n"
            "  File \"train.py\", line 10, in <module>\n"
            "    step=99 loss=1.0\n"
            "RuntimeError: CUDA out of memory\n"
            "step=4 loss=inf lr=0.0005 acc: 93.5%\n"
            "step=5 loss=1.5e+30 lr=0.0005\n"
            "Epoch 1, Val Loss: 1.2500, Val Acc: 0.6100\n")
    (HERE / "key_value.log").write_text(text)


if __name__ == "__main__":
    keras_fixture()
    keras3_fixture()
    mmdet_fixture()
    key_value_fixture()
