#!/usr/bin/env python3
"""Writes the small TensorBoard event-file fixtures in tests/data/tfevents/.

Independent of the C++ reader: protobuf and TFRecord framing are encoded here by hand from the
.proto field numbers (tensorboard/compat/proto/event.proto, summary.proto, tensor.proto) and
record_writer.py, because neither tensorboard nor google.protobuf is installed here (and
torch.utils.tensorboard needs the tensorboard package). Run from the repository root:
    python3 tests/data/scripts/make_tfevents_fixtures.py
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "tfevents")


try:  # crcmod's C extension (Debian: python3-crcmod) when present: the sweep generator and
    # live_training.py write megabytes of records through this module.
    import crcmod.predefined

    crc32c = crcmod.predefined.mkCrcFun("crc-32c")
except ImportError:

    def crc32c(data):
        crc = 0xFFFFFFFF
        for b in data:
            crc ^= b
            for _ in range(8):
                crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
        return crc ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def key(field, wire):
    return varint((field << 3) | wire)


def ld(field, payload):
    return key(field, 2) + varint(len(payload)) + payload


def record(payload):
    header = struct.pack("<Q", len(payload))
    return header + struct.pack("<I", masked(header)) + payload + struct.pack("<I", masked(payload))


def event(step, wall, summary=None, file_version=None):
    e = key(1, 1) + struct.pack("<d", wall) + key(2, 0) + varint(step)
    if file_version is not None:
        e += ld(3, file_version.encode())
    if summary is not None:
        e += ld(5, summary)
    return e


def value(tag, body, plugin=None):
    v = ld(1, tag.encode()) + body
    if plugin is not None:
        v += ld(9, ld(1, ld(1, plugin.encode())))
    return ld(1, v)


def simple(x):
    return key(2, 5) + struct.pack("<f", x)


def tensor(t):
    return ld(8, t)


def shape(*dims):
    return ld(2, b"".join(ld(2, key(1, 0) + varint(d)) for d in dims)) if dims else b""


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    header = record(event(0, 1700000000.0, file_version="brain.Event:2"))

    # PyTorch SummaryWriter style: simple_value; steps 0..4; loss = 1/(step+1), acc = step/10.
    torch_style = header
    for s in range(5):
        summ = value("train/loss", simple(1.0 / (s + 1))) + value("train/acc", simple(s / 10.0))
        torch_style += record(event(s, 1700000000.0 + s, summ))
    write("torch_simple_value.tfevents", torch_style)

    # TF2 style: rank-0 tensors in each encoding, plus non-scalar plugins to skip.
    tf2 = header
    for s in range(3):
        summ = b""
        # float32 in tensor_content, scalars plugin metadata on the first value only.
        summ += value("epoch_loss", tensor(key(1, 0) + varint(1) + shape() +
                                           ld(4, struct.pack("<f", 2.0 - s))),
                      plugin="scalars" if s == 0 else None)
        # float32 in packed float_val.
        summ += value("packed_float", tensor(key(1, 0) + varint(1) + ld(5, struct.pack("<f", 0.5 * s))))
        # float32 in one unpacked float_val.
        summ += value("unpacked_float", tensor(key(1, 0) + varint(1) + key(5, 5) + struct.pack("<f", 3.0 + s)))
        # float64 in tensor_content and in packed double_val.
        summ += value("double_content", tensor(key(1, 0) + varint(2) + ld(4, struct.pack("<d", 0.1 * s))))
        summ += value("double_val", tensor(key(1, 0) + varint(2) + ld(6, struct.pack("<d", 1e-3 * s))))
        # Histogram-plugin tensor ([2,3] float64): skipped.
        summ += value("dense/kernel_0", tensor(key(1, 0) + varint(2) + shape(2, 3) +
                                              ld(4, struct.pack("<6d", *range(6)))),
                      plugin="histograms" if s == 0 else None)
        # hparams-plugin rank-0 float (a placeholder value, not a curve): skipped by plugin.
        summ += value("_hparams_/session_start_info", tensor(key(1, 0) + varint(1) + ld(5, struct.pack("<f", 0.0))),
                      plugin="hparams" if s == 0 else None)
        # An image (Summary.Value field 4): skipped.
        summ += value("sample_image", ld(4, key(1, 0) + varint(2) + key(2, 0) + varint(2) + ld(4, b"\x89PNG")))
        tf2 += record(event(s, 1700000100.0 + s, summ))
    write("tf2_tensors.tfevents", tf2)

    # Cut short: three whole records, then half of a fourth.
    body = header
    for s in range(2):
        body += record(event(s, 1700000200.0 + s, value("loss", simple(float(s + 1)))))
    last = record(event(2, 1700000202.0, value("loss", simple(9.0))))
    write("truncated.tfevents", body + last[: len(last) // 2])
    with open(os.path.join(OUT, "truncated.offset"), "w") as f:
        f.write("%d\n" % len(body))

    # Bad payload checksum in the third record (step 1); steps 0 and 2 load.
    recs = [header] + [record(event(s, 1700000300.0 + s, value("loss", simple(float(s))))) for s in range(3)]
    bad = bytearray(recs[2])
    bad[-1] ^= 0xFF
    recs[2] = bytes(bad)
    write("bad_crc.tfevents", b"".join(recs))
    with open(os.path.join(OUT, "bad_crc.offset"), "w") as f:
        f.write("%d\n" % (len(recs[0]) + len(recs[1])))


if __name__ == "__main__":
    main()
