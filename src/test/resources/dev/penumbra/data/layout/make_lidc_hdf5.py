#!/usr/bin/python3
"""Writes the two tiny HDF5 fixtures beside this script with h5py, as LidcHdf5LayoutTest reads them.

    /usr/bin/python3 make_lidc_hdf5.py        # Debian: apt-get install python3-h5py (h5py 3.7, HDF5 1.10)

lidc_h5py.hdf5 has the dtypes and storage of PHiSeg's data_lidc.hdf5 as its preprocessing writes it (h5py defaults:
contiguous, uncompressed, the earliest file format): images N x 8 x 8 float64 (intensity - 0.5), labels
N x 8 x 8 x 4 uint8 (annotator last), uids N int64.
lidc_h5py_gzip.hdf5 holds the same pixels stored otherwise: chunked with gzip and shuffle, chunks that cut the
image axes too, labels N x 4 x 8 x 8 (annotator second, as CCDM's copy of the preprocessing writes them), and uids
as variable-length strings.
lidc_h5py_empty_val.hdf5 is lidc_h5py.hdf5 with a val split of 0 rows (arrays 0 x 8 x 8, 0 x 8 x 8 x 4, 0), which
jhdf's writer cannot write.

The content is Hdf5Fixtures' (src/test/java/dev/penumbra/data/Hdf5Fixtures.java): row r of a split has the grey
ramp ((seed + r + y * 8 + x) % 256) / 255 (seed 0 / 100 / 200 for train / val / test), and its annotators mark
rows [1, 3) x columns [1, 3): all when r % 3 == 0, only the first when r % 3 == 1, none when r % 3 == 2.
"""
import os

import h5py
import numpy as np

SIZE = 8
ANNOTATORS = 4
SPLITS = {"train": (0, [11, 11, -22, -22, 33, 33]), "val": (100, [44, 44]), "test": (200, [55, 66, 66])}


def arrays(seed, n):
    images = np.zeros((n, SIZE, SIZE), dtype=np.float64)
    labels = np.zeros((n, ANNOTATORS, SIZE, SIZE), dtype=np.uint8)
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    for r in range(n):
        # float32 first, as the image files of the Java fixtures hold it, then minus 0.5 in float64 as PHiSeg does
        images[r] = (((seed + r + y * SIZE + x) % 256) / np.float32(255)).astype(np.float32).astype(np.float64) - 0.5
        for k in range(ANNOTATORS):
            if r % 3 == 0 or (r % 3 == 1 and k == 0):
                labels[r, k, 1:3, 1:3] = 1
    return images, labels


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    phiseg(os.path.join(here, "lidc_h5py.hdf5"), SPLITS)
    phiseg(os.path.join(here, "lidc_h5py_empty_val.hdf5"), dict(SPLITS, val=(100, [])))
    with h5py.File(os.path.join(here, "lidc_h5py_gzip.hdf5"), "w") as f:
        for name, (seed, uids) in SPLITS.items():
            images, labels = arrays(seed, len(uids))
            g = f.create_group(name)
            g.create_dataset("uids", data=["LIDC-IDRI-%04d" % abs(u) for u in uids], dtype=h5py.string_dtype())
            g.create_dataset("labels", data=labels, chunks=(2, 2, 4, SIZE), compression="gzip", shuffle=True)
            g.create_dataset("images", data=images, chunks=(2, 4, SIZE), compression="gzip", shuffle=True)


def phiseg(path, splits):
    """As PHiSeg's prepare_data writes data_lidc.hdf5."""
    with h5py.File(path, "w") as f:
        for name, (seed, uids) in splits.items():
            images, labels = arrays(seed, len(uids))
            g = f.create_group(name)
            g.create_dataset("uids", data=np.asarray(uids, dtype=np.int64))
            g.create_dataset("labels", data=labels.transpose((0, 2, 3, 1)))  # N x H x W x L, as PHiSeg
            g.create_dataset("images", data=images)


if __name__ == "__main__":
    main()
