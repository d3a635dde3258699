"""Writes a tiny dataset and the predictions of four made-up "tools" for it, for ExternalPredictionsTest.

usage: write_predictions.py DATA PREDICTIONS

DATA/{train,val,test}/images/<id>.png and lesions/<id>_l<k>.png (LIDC layout, 32x32, 4 annotators) and, for the
test images, PREDICTIONS/<tool>/<id>/... in the layout `penumbra predict` writes:
  annotators  sample_00..03.png = the four annotators' masks (0/255)
  everything  one sample, every pixel foreground (a deterministic tool)
  empty       four empty samples
  maps        the annotators' masks again, as 0/1 PNGs, with probability_c1.npy = 0.25 everywhere (float32)
and PREDICTIONS/expected.json with numbers worked out here from the masks alone (not by Penumbra's code).
Needs numpy only: the PNGs are written with zlib and struct.
"""
import json
import os
import struct
import sys
import zlib

import numpy as np

SIZE = 32


def png(path, pixels):
    """8-bit grey PNG of a 2-D uint8 array."""
    h, w = pixels.shape
    raw = b"".join(b"\x00" + pixels[y].astype(np.uint8).tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def square(top, left, side):
    m = np.zeros((SIZE, SIZE), dtype=np.uint8)
    m[top:top + side, left:left + side] = 1
    return m


def annotations(i):
    """Four masks of image i: squares of different sides, some annotators marking nothing on some images."""
    if i == 0:
        return [np.zeros((SIZE, SIZE), dtype=np.uint8)] * 4
    sides = [6 + i, 8 + i, 10 + i, 4 + i]
    masks = [square(4 + i, 5 + i, s) for s in sides]
    if i % 2 == 1:
        masks[3] = np.zeros((SIZE, SIZE), dtype=np.uint8)
    return masks


def main(data, predictions):
    rng = np.random.default_rng(7)
    splits = {"train": range(100, 103), "val": range(200, 202), "test": range(0, 6)}
    test_masks = {}
    for split, numbers in splits.items():
        for n in numbers:
            image_id = "IMG-%04d" % n
            masks = annotations(n % 6)
            png(os.path.join(data, split, "images", image_id + ".png"),
                rng.integers(0, 256, (SIZE, SIZE)).astype(np.uint8))
            for k, m in enumerate(masks):
                png(os.path.join(data, split, "lesions", "%s_l%d.png" % (image_id, k)), m * 255)
            if split == "test":
                test_masks[image_id] = masks
    majority_dice_everything = []
    for image_id, masks in test_masks.items():
        votes = sum(m.astype(int) for m in masks)
        majority = 2 * votes >= 4
        for k, m in enumerate(masks):
            png(os.path.join(predictions, "annotators", image_id, "sample_%02d.png" % k), m * 255)
            png(os.path.join(predictions, "maps", image_id, "sample_%02d.png" % k), m)
            png(os.path.join(predictions, "empty", image_id, "sample_%02d.png" % k), np.zeros_like(m))
        np.save(os.path.join(predictions, "maps", image_id, "probability_c1.npy"),
                np.full((SIZE, SIZE), 0.25, dtype=np.float32))
        png(os.path.join(predictions, "everything", image_id, "sample_00.png"),
            np.full((SIZE, SIZE), 255, dtype=np.uint8))
        if majority.any():
            # Dice of the all-foreground mask with the annotators' majority: 2 |A| / (H W + |A|)
            a = int(majority.sum())
            majority_dice_everything.append(2.0 * a / (SIZE * SIZE + a))
    p = 0.25
    expected = {
        "test_images": sorted(test_masks),
        "everything_majority_dice": float(np.mean(majority_dice_everything)),
        "maps_entropy_bits": float(-(p * np.log2(p) + (1 - p) * np.log2(1 - p))),
    }
    with open(os.path.join(predictions, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
