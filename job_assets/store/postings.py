"""The search index's posting lists as numpy arrays, loaded once per term and snapshot, kept in-process.

Reading a common word's 1M (docid, weight) rows out of DuckDB costs 100-300 ms; scoring them in numpy
takes a few. The index never changes inside a published snapshot (or a DuckLake snapshot), so a
reader process loads each query word's list once and keeps it, keyed by the snapshot's identity:
the file's device, inode, size and mtime (a newly published snapshot is a new inode), or the DuckLake
catalog and snapshot id. A connection whose database has no stable identity (in-memory) is not cached.

Per term: `docids` (ascending), `weights` (aligned), `by_impact` (positions in weight-descending,
docid-ascending order: the impact order pruning reads from the top) and a dense `member` mask
(one byte per document); a word in more than one job in 16 also keeps its weights as a dense array,
so scoring a candidate is a gather, not a binary search. The cache is bounded (`MAX_BYTES`), least recently used first out.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass

import duckdb
import numpy as np

MAX_BYTES = 768 * 1024 * 1024  # ~30 common words at 1M jobs; a word in every job holds ~25 MB
DENSE_FROM = 16  # a word in more than 1 job in 16 also keeps a dense weight array


@dataclass(frozen=True)
class Postings:
    docids: np.ndarray  # int32, ascending
    weights: np.ndarray  # float64, aligned with docids
    by_impact: np.ndarray  # int32 positions into docids/weights: weight desc, docid asc
    member: np.ndarray  # bool, one per document
    dense: np.ndarray | None  # float64 weight per document, for common words (a gather beats a search)

    @property
    def nbytes(self) -> int:
        dense = self.dense.nbytes if self.dense is not None else 0
        return self.docids.nbytes + self.weights.nbytes + self.by_impact.nbytes + self.member.nbytes + dense

    def weight_of(self, docs: np.ndarray) -> np.ndarray:
        """Each doc's weight in this term (0 where the doc does not contain it)."""
        if self.dense is not None:
            return self.dense[docs]
        if len(self.docids) == 0:
            return np.zeros(len(docs))
        docs = docs.astype(self.docids.dtype, copy=False)  # same dtype: no copy of the whole list per call
        pos = np.minimum(np.searchsorted(self.docids, docs), len(self.docids) - 1)
        return np.where(self.docids[pos] == docs, self.weights[pos], 0.0)


@dataclass(frozen=True)
class Snapshot:
    """One reader's view of the index: its identity, size, the open mask, and a term loader."""

    key: tuple[object, ...] | None
    n_docs: int
    is_open: np.ndarray  # bool per docid


_lock = threading.Lock()
_terms: OrderedDict[tuple[object, ...], Postings] = OrderedDict()
_snapshots: dict[tuple[object, ...], Snapshot] = {}


def _identity(conn: duckdb.DuckDBPyConnection) -> tuple[object, ...] | None:
    """What changes whenever the index may have: the snapshot file's inode/size/mtime, or the lake snapshot id."""
    rows = conn.execute(
        "select path, type from duckdb_databases() where database_name = current_database()"
    ).fetchall()
    if not rows:
        return None
    path, kind = rows[0]
    if kind == "ducklake":
        snapshot_id = conn.execute(
            "select max(snapshot_id) from ducklake_snapshots(current_database())"
        ).fetchall()[0][0]
        return ("ducklake", path, snapshot_id)
    if not path or path == ":memory:" or not os.path.exists(path):
        return None
    stat = os.stat(path)
    wal = path + ".wal"
    wal_stat = (os.stat(wal).st_size, os.stat(wal).st_mtime_ns) if os.path.exists(wal) else None
    return ("file", stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, wal_stat)


def snapshot(conn: duckdb.DuckDBPyConnection) -> Snapshot:
    """The connection's index view; the open mask is read once per snapshot."""
    key = _identity(conn)
    with _lock:
        if key is not None and key in _snapshots:
            return _snapshots[key]
    n_docs = conn.execute("select n_docs from search_stats").fetchall()
    n = int(n_docs[0][0]) if n_docs and n_docs[0][0] else 0
    is_open = np.zeros(n, dtype=bool)
    if n:
        rows = conn.execute("select docid, is_open from search_docs").fetchnumpy()
        is_open[np.asarray(rows["docid"], dtype=np.int64)] = np.asarray(rows["is_open"], dtype=bool)
    view = Snapshot(key, n, is_open)
    if key is not None:
        with _lock:
            for old in [k for k in _snapshots if k != key]:
                del _snapshots[old]  # a reader moved to a newer snapshot: drop the old one's lists
                for stale in [t for t in _terms if t[0] == old]:
                    del _terms[stale]
            _snapshots[key] = view
    return view


def _build(n_docs: int, docids: np.ndarray, weights: np.ndarray) -> Postings:
    order = np.argsort(docids, kind="stable")
    docids = np.ascontiguousarray(docids[order], dtype=np.int32)
    weights = np.ascontiguousarray(weights[order], dtype=np.float64)
    by_impact = np.lexsort((docids, -weights)).astype(np.int32)
    member = np.zeros(n_docs, dtype=bool)
    member[docids] = True
    dense = None
    if len(docids) * DENSE_FROM > n_docs:
        dense = np.zeros(n_docs)
        dense[docids] = weights
    return Postings(docids, weights, by_impact, member, dense)


def load(conn: duckdb.DuckDBPyConnection, view: Snapshot, terms: list[str]) -> dict[str, Postings]:
    """The postings of `terms` (absent terms map to empty lists), from the cache or one DuckDB read."""
    out: dict[str, Postings] = {}
    missing: list[str] = []
    with _lock:
        for term in terms:
            cached = _terms.get((view.key, term)) if view.key is not None else None
            if cached is None:
                missing.append(term)
            else:
                _terms.move_to_end((view.key, term))
                out[term] = cached
    for term in missing:  # one read per term: no string column to ship back
        rows = conn.execute("select docid, weight from search_terms where term = ?", [term]).fetchnumpy()
        out[term] = _build(
            view.n_docs,
            np.asarray(rows["docid"], dtype=np.int64),
            np.asarray(rows["weight"], dtype=np.float64),
        )
    if missing and view.key is not None:
        with _lock:
            for term in missing:
                _terms[(view.key, term)] = out[term]
            _evict()
    return out


def _evict() -> None:
    total = sum(p.nbytes for p in _terms.values())
    while _terms and total > MAX_BYTES:
        _, dropped = _terms.popitem(last=False)
        total -= dropped.nbytes


def cached_bytes() -> int:
    """Memory the cache holds now (postings and open masks), for the benchmark's report."""
    with _lock:
        return sum(p.nbytes for p in _terms.values()) + sum(s.is_open.nbytes for s in _snapshots.values())


def clear() -> None:
    with _lock:
        _terms.clear()
        _snapshots.clear()
