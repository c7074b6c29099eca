"""`lsh` finds exactly the candidates datasketch's MinHash LSH finds (its signatures, its bands), so the
matcher's results do not depend on which of the two proposed them."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from job_assets.dedup import lsh
from job_assets.dedup.similarity import MatchConfig, _lsh_params


def _sets(seed: int, n: int) -> list[np.ndarray]:
    """Shingle sets like a block's: families of near copies (shared base, a few words changed), and
    loners; 32-bit values with arbitrary high bits above them (the company part of a key)."""
    rng = np.random.default_rng(seed)
    out: list[np.ndarray] = []
    while len(out) < n:
        base = rng.integers(0, 2**32, size=int(rng.integers(8, 120)), dtype=np.uint64)
        for _ in range(int(rng.integers(1, 6))):
            keep = base[rng.random(len(base)) > rng.uniform(0.0, 0.6)]
            extra = rng.integers(0, 2**32, size=int(rng.integers(0, 20)), dtype=np.uint64)
            values = np.unique(np.concatenate([keep, extra, base[:1]]))
            out.append(values | (np.uint64(7) << np.uint64(32)))
    return out[:n]


def _flat(sets: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sets])])
    return np.concatenate(sets) & 0xFFFFFFFF, offsets


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_signatures_are_datasketchs(seed: int) -> None:
    sets = _sets(seed, 300)
    values, offsets = _flat(sets)
    ours = lsh.signatures(values, offsets, 128)
    theirs = MinHash.bulk(((s & 0xFFFFFFFF).tolist() for s in sets), num_perm=128, hashfunc=int, seed=1)
    assert np.array_equal(ours, np.stack([m.hashvalues for m in theirs]))


def test_signatures_span_many_steps() -> None:
    """More values than one step holds: items are never split across steps."""
    sets = _sets(4, 3000)
    values, offsets = _flat(sets)
    assert len(values) > 2 * (1 << 16)
    ours = lsh.signatures(values, offsets, 16)
    theirs = MinHash.bulk(((s & 0xFFFFFFFF).tolist() for s in sets), num_perm=16, hashfunc=int, seed=1)
    assert np.array_equal(ours, np.stack([m.hashvalues for m in theirs]))


@pytest.mark.parametrize(("seed", "threshold"), [(5, 0.4), (6, 0.4), (7, 0.2)])
def test_candidates_are_what_a_datasketch_index_returns(seed: int, threshold: float) -> None:
    config = MatchConfig(lsh_threshold=threshold)
    sets = _sets(seed, 400)
    sets[10:70] = [sets[0]] * 60  # one set posted sixty times: one bucket of sixty in every band
    bands, rows = _lsh_params(config.lsh_threshold, config.num_perm, config.lsh_weights)
    sketches = MinHash.bulk(
        ((s & 0xFFFFFFFF).tolist() for s in sets), num_perm=config.num_perm, hashfunc=int, seed=1
    )
    index = MinHashLSH(num_perm=config.num_perm, params=(bands, rows))
    for i, sketch in enumerate(sketches):
        index.insert(i, sketch, check_duplication=False)
    expected = sorted({(i, j) for i, s in enumerate(sketches) for j in index.query(s) if j > i})
    assert len(expected) > 100  # the families collide; loners mostly do not

    values, offsets = _flat(sets)
    first, second = lsh.candidate_pairs(lsh.signatures(values, offsets, config.num_perm), bands, rows)
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == expected


def test_an_item_without_values_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one value"):
        lsh.signatures(np.array([1, 2], dtype=np.uint64), np.array([0, 2, 2]), 8)
