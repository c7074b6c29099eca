"""When two postings of one company may be one job: the guards, the text similarity and candidate pairs.

Guards are hard vetoes, scores are evidence. A different level (`II` vs `Senior`), a different team
(`Payments` vs `Identity` in the title, or two departments on one board) or a different territory (`Southwest` vs
`Southeast`, `EMEA` vs `APAC`, `France` vs `Spain`: sales territories are separate openings, however alike their
text) is never the same job; otherwise the role-specific text decides (Jaccard similarity of word shingles), with the bar raised
when the titles are only loosely alike.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from job_assets.dedup import lsh
from job_assets.parsing import place_names

# Sales territories named in titles ("Enterprise AE, Southwest"); regions and countries come from `place_names`.
_COMPASS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
        "midwest", "northern", "southern", "eastern", "western", "midatlantic", "mountain", "pacific",
        "atlantic", "amer", "americas", "nordic", "nordics", "dach", "uki", "emea", "apac", "latam", "anz",
        "benelux", "cee", "mena", "gcc",
    }
)  # fmt: skip


@dataclass(frozen=True)
class MatchConfig:
    near_threshold: float = 0.5  # role-text Jaccard for titles that agree (token sort ratio >= title_agree)
    loose_threshold: float = 0.7  # role-text Jaccard when the titles only share words
    unmeasured_threshold: float = 0.8  # full-text Jaccard in companies too small to measure boilerplate
    title_agree: float = 90.0
    title_prefilter: float = 60.0  # token-set ratio below which two titles are never compared
    typo_ratio: float = 80.0  # differing title words this alike are a typo, not another team
    min_shingles: int = 8  # less role text than this is no evidence either way
    all_pairs_max: int = 48  # blocks up to this size compare all title-compatible pairs; larger use LSH
    # MinHash LSH only proposes candidates (every one is verified exactly), so it is tuned for recall:
    # 128 permutations in 42 bands of 3 find a pair at Jaccard 0.5 with probability 0.996.
    lsh_threshold: float = 0.4
    lsh_weights: tuple[float, float] = (0.1, 0.9)  # datasketch's (false positive, false negative) weights
    num_perm: int = 128
    boilerplate_min_roles: int = 3
    boilerplate_share: float = 0.2
    batch_rows: int = 20_000  # postings per feature batch (whole companies): bounds memory at 1M postings
    guards: bool = True  # the level/team/department vetoes; off only to measure what they buy
    regions: bool = True  # the region rule (`regions`): different countries or currencies are different jobs
    requisitions: bool = True  # the requisition rule (`requisitions`): different ATS ids are different jobs


def roles_compatible(a: frozenset[str], b: frozenset[str], typo_ratio: float = 80.0) -> bool:
    """Team guard on the level-free title words. One title refining the other (`Backend Engineer` vs
    `Backend Engineer, Payments`) can be one job, as can a typo (`Enginer`, `Back-end`); when each title
    has words the other lacks (`Payments` vs `Identity`, `Platform` vs `Product`), they name different roles.
    Two territories (`Southwest` vs `Southeast`) are never a typo of each other: they are two openings."""
    only_a, only_b = a - b, b - a
    if not only_a or not only_b:
        return True
    if any(map(is_territory, only_a)) and any(map(is_territory, only_b)):
        return False
    if fuzz.ratio("".join(sorted(only_a)), "".join(sorted(only_b))) >= max(typo_ratio, 90.0):
        return True  # split or joined words: "back end" vs "backend"
    rest_a = {x for x in only_a if not any(fuzz.ratio(x, y) >= typo_ratio for y in only_b)}
    rest_b = {y for y in only_b if not any(fuzz.ratio(x, y) >= typo_ratio for x in only_a)}
    return not rest_a or not rest_b


@functools.lru_cache(maxsize=65_536)
def is_territory(word: str) -> bool:
    """A title word naming a sales territory, a region or a country (a posting's own places are already gone
    from its role title, so "Account Executive - Chicago" in Chicago and in Austin stay one requisition)."""
    return word in _COMPASS or place_names.is_region(word)


def departments_compatible(a: str | None, b: str | None) -> bool:
    """Department guard, used only between postings of the same source (each ATS names departments its own
    way): unknown, equal or nested (`engineering` within `engineering platform`) is compatible."""
    if a is None or b is None or a == b:
        return True
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def role_groups(roles: Sequence[str], config: MatchConfig, chunk: int = 2048) -> list[int]:
    """Group a company's distinct role titles that could name one job (a typo, a qualifier added by one
    board): the boilerplate detector counts groups, so a role's own text repeated under three spellings of
    its title is not mistaken for company boilerplate."""
    n = len(roles)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tokens = [frozenset(r.split()) for r in roles]
    for start in range(0, n, chunk):
        scores = process.cdist(
            roles[start : start + chunk],
            roles,
            scorer=fuzz.token_set_ratio,
            score_cutoff=config.title_agree,
            dtype=np.uint8,
            workers=1,
        )
        for i, j in zip(*np.nonzero(scores), strict=True):
            a, b = start + int(i), int(j)
            if a < b and roles_compatible(tokens[a], tokens[b], config.typo_ratio):
                parent[find(a)] = find(b)
    return [find(i) for i in range(n)]


def jaccard(inter: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """Jaccard similarity of pairs of sets from their intersection and sizes (0 when both are empty)."""
    union = size_a + size_b - inter
    return np.divide(inter, union, out=np.zeros(len(inter)), where=union > 0)


def title_agreement(firsts: Sequence[str | None], seconds: Sequence[str | None]) -> np.ndarray:
    """Token-sort ratio of each pair of role titles (one rapidfuzz call); two empty titles agree fully."""
    a, b = [x or "" for x in firsts], [y or "" for y in seconds]
    scores = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, dtype=np.float64, workers=1)
    scores[[not x and not y for x, y in zip(a, b, strict=True)]] = 100.0
    return scores


def accepts(
    similarity: np.ndarray, title_score: np.ndarray, config: MatchConfig, measured: np.ndarray
) -> np.ndarray:
    """Which pairs are one job. `measured`: the boilerplate was removed (else the text still holds it and
    must agree more)."""
    bar = np.where(title_score >= config.title_agree, config.near_threshold, config.loose_threshold)
    bar = np.where(measured, bar, np.maximum(bar, config.unmeasured_threshold))
    return similarity >= bar


@functools.cache
def _lsh_params(threshold: float, num_perm: int, weights: tuple[float, float]) -> tuple[int, int]:
    """datasketch's optimal (bands, rows); computed once per setting (it integrates numerically)."""
    # Imported where used: datasketch loads SciPy (~1 s), which no run's start should pay.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    return lsh.b, lsh.r


def block_pairs(
    blocks: Sequence[tuple[Sequence[str], Sequence[np.ndarray]]], config: MatchConfig
) -> Iterator[tuple[int, int, int]]:
    """(block, i, j) for every pair `candidate_pairs` gives in each block of `blocks` ((cores, shingles) per
    block). The small blocks of a batch are scored in one rapidfuzz call (one call per block cost more in
    call overhead than in scoring); the large ones one by one."""
    small = [k for k, (cores, _) in enumerate(blocks) if 2 <= len(cores) <= config.all_pairs_max]
    yield from _all_pairs(blocks, small, config)
    for k, (cores, shingles) in enumerate(blocks):
        if len(cores) > config.all_pairs_max:
            for i, j in candidate_pairs(cores, shingles, config):
                yield k, i, j


@functools.cache
def _upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(n, k=1)


def _all_pairs(
    blocks: Sequence[tuple[Sequence[str], Sequence[np.ndarray]]], which: Sequence[int], config: MatchConfig
) -> Iterator[tuple[int, int, int]]:
    """Small blocks: every pair of postings with role text whose titles pass the prefilter (the same
    scorer, cutoff and integer scores as a `cdist` over the block)."""
    block_of, firsts, seconds, left, right = [], [], [], [], []
    for k in which:
        cores, shingles = blocks[k]
        has_text = np.array([len(x) >= config.min_shingles for x in shingles])
        i, j = _upper_pairs(len(cores))
        keep = has_text[i] & has_text[j]
        i, j = i[keep], j[keep]
        if not len(i):
            continue
        names = [c or "\x00" for c in cores]
        block_of.append(np.full(len(i), k))
        firsts.append(i)
        seconds.append(j)
        left += [names[x] for x in i.tolist()]
        right += [names[x] for x in j.tolist()]
    if not left:
        return
    scores = process.cpdist(
        left,
        right,
        scorer=fuzz.token_set_ratio,
        score_cutoff=config.title_prefilter,
        dtype=np.uint8,
        workers=1,
    )
    passed = np.flatnonzero(scores)
    blocks_, is_, js_ = (np.concatenate(x)[passed].tolist() for x in (block_of, firsts, seconds))
    yield from zip(blocks_, is_, js_, strict=True)


def candidate_pairs(
    cores: Sequence[str], shingles: Sequence[np.ndarray], config: MatchConfig
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) within one block (one company, one level) worth verifying.

    Small blocks: every pair whose titles pass the prefilter (rapidfuzz, in C++). Large blocks:
    pairs proposed by MinHash LSH over the role shingles (`lsh`: datasketch's candidates, whole-array), then
    the same title prefilter, so the cost grows with the number of near pairs, not with the square of the block.
    """
    n = len(cores)
    if n < 2:
        return
    if n <= config.all_pairs_max:
        for _, i, j in _all_pairs([(cores, shingles)], [0], config):
            yield i, j
        return
    has_text = [len(s) >= config.min_shingles for s in shingles]
    indexed = np.flatnonzero(has_text)
    if len(indexed) < 2:
        return
    lengths = np.array([len(shingles[i]) for i in indexed], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    # the low 32 bits are the shingle's hash (the high bits name the company)
    values = np.concatenate([shingles[i] for i in indexed]) & 0xFFFFFFFF
    sigs = lsh.signatures(values, offsets, config.num_perm)
    bands, rows = _lsh_params(config.lsh_threshold, config.num_perm, config.lsh_weights)
    first, second = lsh.candidate_pairs(sigs, bands, rows)
    if not len(first):
        return
    left, right = indexed[first], indexed[second]
    titles = process.cpdist(
        [cores[i] or "\x00" for i in left],
        [cores[j] or "\x00" for j in right],
        scorer=fuzz.token_set_ratio,
        dtype=np.float64,
        workers=1,
    )
    for k in np.flatnonzero(titles >= config.title_prefilter):
        yield int(left[k]), int(right[k])
