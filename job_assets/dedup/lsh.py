"""MinHash LSH candidates for one block, in whole-array numpy: the same pairs datasketch's index finds.

datasketch builds one `MinHash` object per posting and inserts each into Python dicts band by band; at a
million postings that per-posting overhead was a fifth of a build's CPU. Here the signatures of a whole block
are one matrix (datasketch's own permutations and its `affine32` scheme: MurmurHash3's 32-bit finalizer,
then `a * h + b` modulo 2**32, the minimum per permutation), and two postings are candidates exactly when
one band of their signatures is equal, which is what a datasketch query returns. So the candidates, and
every result built on them, are the same; `job_assets_tests/dedup/test_lsh.py` checks it against datasketch.
"""

from __future__ import annotations

import functools

import numpy as np

_SLICE = 1 << 16  # shingles per signature step: bounds the (shingles x permutations) matrix to ~32 MB


@functools.cache
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's (a, b) for `MinHash(num_perm, seed)` (uint32, its default `affine32` scheme)."""
    from datasketch import MinHash  # imported where used: it loads SciPy (~1 s)

    proto = MinHash(num_perm=num_perm, seed=seed)
    if proto.scheme != "affine32":
        raise RuntimeError(
            f"datasketch's MinHash scheme is {proto.scheme!r}; this module implements affine32"
        )
    a, b = proto.permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (wrapping uint32 arithmetic), as datasketch pre-mixes every value."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(values: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int = 1) -> np.ndarray:
    """(items x num_perm) uint32 MinHash signatures. Item k's values (32-bit hashes) are
    `values[offsets[k]:offsets[k + 1]]`; every item must have at least one."""
    a, b = permutations(num_perm, seed)
    n = len(offsets) - 1
    if n and np.any(np.diff(offsets) <= 0):
        raise ValueError("every item needs at least one value")
    mixed = _fmix32(values.astype(np.uint32))
    out = np.empty((n, num_perm), dtype=np.uint32)
    start = 0
    with np.errstate(over="ignore"):
        while start < n:  # whole items per step, about _SLICE values each
            stop = int(np.searchsorted(offsets, offsets[start] + _SLICE, side="right")) - 1
            stop = min(max(stop, start + 1), n)
            lo, hi = int(offsets[start]), int(offsets[stop])
            permuted = mixed[lo:hi, None] * a[None, :] + b[None, :]
            out[start:stop] = np.minimum.reduceat(permuted, offsets[start:stop] - lo, axis=0)
            start = stop
    return out


def _band_pairs(band: np.ndarray) -> np.ndarray:
    """Pairs (i < j) of rows whose `band` (rows x r) values are all equal, as codes i * n + j."""
    n = band.shape[0]
    keys = np.ascontiguousarray(band).view(np.dtype((np.void, band.dtype.itemsize * band.shape[1]))).ravel()
    _, bucket = np.unique(keys, return_inverse=True)
    order = np.argsort(bucket, kind="stable")  # rows ascending within a bucket
    sorted_bucket = bucket[order]
    codes = []
    d = 1
    while d < n:
        same = sorted_bucket[:-d] == sorted_bucket[d:]
        if not same.any():
            break  # no bucket holds more than d rows
        codes.append(order[:-d][same].astype(np.int64) * n + order[d:][same])
        d += 1
    return np.concatenate(codes) if codes else np.empty(0, dtype=np.int64)


def candidate_pairs(sigs: np.ndarray, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) with i < j, sorted, for every two rows of `sigs` that share a bucket in any of `bands` bands
    of `rows` permutations (datasketch's `MinHashLSH` with `params=(bands, rows)`)."""
    n = sigs.shape[0]
    codes = [_band_pairs(sigs[:, k * rows : (k + 1) * rows]) for k in range(bands)]
    unique = np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    return unique // n, unique % n
