"""Keyword search: an Okapi BM25 index in plain tables, and the query that answers from it in milliseconds.

The index is built where readers look (the notebook snapshot file, or the DuckLake catalog next to
`jobs`) from `jobs` alone, and never changes afterwards, so each (term, job) pair stores its finished
BM25 weight (title x3, skills x2, description x1; k1 1.2, b 0.75) in `search_terms(term, job_id, weight,
is_open, docid)`, sorted by term, where `docid` is the job's dense number in `job_id` order
(`search_docs` maps it back).

Summing the long lists of common words ("engineer", "senior", "data") is what made search take 200-300
ms at 1M jobs; that SQL stays as the reference (`reference_sql`, also the SQLite form). `search` answers
the same ranking (most query words matched first, then the BM25 sum rounded to 6 decimals, then
`job_id`) from the query words' posting lists held in memory (`postings`, loaded once per snapshot):
words matched are counted per document with dense masks, which fixes the level of the `limit`-th hit;
that level's best are read from the top of the impact-ordered lists only as deep as needed to prove
no unread document can reach them (exact, ties included). Hits are fetched from `search_docs` by
`docid`. Measured in `benchmarks/queries.py`, beside DuckDB's official `fts` extension.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
import polars as pl

from job_assets.store import db, postings

# RE2 `[\p{L}\p{N}]+[+#]*`: letters and digits, then + or # (`c++`, `c#`); `_TOKEN` is its Python twin.
TOKEN_PATTERN = r"[\p{L}\p{N}]+[+#]*"
_TOKEN = re.compile(r"[^\W_]+[+#]*")
TITLE_WEIGHT, SKILL_WEIGHT, TEXT_WEIGHT = 3, 2, 1
BM25_K1, BM25_B = 1.2, 0.75
INDEX_TABLES = ("search_terms", "search_stats", "search_docs")
RESULT_COLUMNS = ("job_id", "company_name", "title", "seniority", "remote", "url", "score", "matched_terms")
_RESULT_SCHEMA = {
    **{c: pl.String() for c in RESULT_COLUMNS[:6]},
    "score": pl.Float64(),
    "matched_terms": pl.Int64(),
}


def tokenize(text: str) -> list[str]:
    """The search index's tokens: lower-cased words, keeping `c++` and `c#` whole."""
    return _TOKEN.findall(text.lower())


def query_terms(text: str) -> list[str]:
    terms = sorted(set(tokenize(text)))
    if not terms:
        raise ValueError(f"nothing to search for in {text!r}: give at least one word")
    return terms


# The index's term-frequency table has a row per distinct word of every job. With DuckDB's defaults (a buffer
# pool of 80% of RAM, insertion order kept) the build took 3.3 GB for 83k generated jobs of ~350 words and ran
# out of memory at 1M jobs on 24 GB; within a 2 GB pool, with the order left to the explicit `order by`s, it
# peaks at 2.2 GB in the same 58 s (the jobs of `benchmarks/dedup.py --store --sizes 100000`).
INDEX_SETTINGS = {"memory_limit": "'2GB'", "preserve_insertion_order": "false"}
INDEX_BATCH_JOBS = 25_000


def build_index(conn: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the index tables in the connection's current database from its `jobs` table."""
    with db.duckdb_settings(conn, INDEX_SETTINGS):
        _build_index(conn)


def _build_index(conn: duckdb.DuckDBPyConnection) -> None:
    has_skills = bool(
        conn.execute(
            "select count(*) from duckdb_columns() where database_name = current_database()"
            " and table_name = 'jobs' and column_name = 'skills'"
        ).fetchall()[0][0]
    )
    skills = (
        f"union all select job_id, is_open, unnest(regexp_extract_all(lower(array_to_string(skills, ' ')), '{TOKEN_PATTERN}')), {SKILL_WEIGHT} from docs"
        if has_skills
        else ""
    )
    for table in INDEX_TABLES:
        conn.execute(f"drop table if exists {table}")
    # A share of the jobs at a time (by a hash of the id: a job's words all land in one share), so the
    # aggregate over (term, job) holds at most INDEX_BATCH_JOBS jobs' words.
    (n_jobs,) = conn.execute("select count(*) from jobs").fetchall()[0]
    shares = max(1, -(-n_jobs // INDEX_BATCH_JOBS))
    conn.execute("create temp table _tf (term varchar, job_id varchar, is_open boolean, tf double)")
    for share in range(shares):
        conn.execute(f"""
            insert into _tf
            with docs as (
                select * exclude (is_open), coalesce(is_open, true) as is_open from jobs
                where hash(job_id) % {shares} = {share}
            ),
            tokens(job_id, is_open, term, weight) as (
                select job_id, is_open, unnest(regexp_extract_all(lower(coalesce(title, '')), '{TOKEN_PATTERN}')), {TITLE_WEIGHT} from docs
                union all
                select job_id, is_open, unnest(regexp_extract_all(lower(coalesce(description_text, '')), '{TOKEN_PATTERN}')), {TEXT_WEIGHT} from docs
                {skills}
            )
            select term, job_id, is_open, sum(weight)::double as tf from tokens group by term, job_id, is_open
        """)
    conn.execute("create temp table _doc_len as select job_id, sum(tf) as len from _tf group by job_id")
    conn.execute(
        "create table search_stats as select (select count(*) from jobs)::bigint as n_docs,"
        f" coalesce((select avg(len) from _doc_len), 0)::double as avg_len,"
        f" {BM25_K1}::double as k1, {BM25_B}::double as b"
    )
    # One row per job with what a hit shows, fetched by `docid` through an index (no join over `jobs`).
    conn.execute(
        "create table search_docs as select (row_number() over (order by job_id) - 1)::integer as docid,"
        " job_id, company_name, title, seniority, remote, url, coalesce(is_open, true) as is_open"
        " from jobs order by docid"
    )
    if not db.is_lake(conn):  # DuckLake tables take no indexes; there the lookup scans
        conn.execute("create unique index search_docs_docid on search_docs (docid)")
    # Sorted by term so a lookup of a few terms reads few row groups (zone maps).
    conn.execute(f"""
        create table search_terms as
        with df as (select term, count(*)::double as df from _tf group by term)
        select _tf.term, _tf.job_id,
               ln(1.0 + (s.n_docs - df.df + 0.5) / (df.df + 0.5))
                 * _tf.tf * ({BM25_K1} + 1) / (_tf.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * d.len / s.avg_len)) as weight,
               _tf.is_open, sd.docid
        from _tf join df using (term) join _doc_len d using (job_id) join search_docs sd using (job_id)
        cross join search_stats s
        order by _tf.term, sd.docid
    """)
    for table in ("_doc_len", "_tf"):
        conn.execute(f"drop table {table}")


def _exact(docs: np.ndarray, lists: list[postings.Postings]) -> tuple[np.ndarray, np.ndarray]:
    """Each doc's (BM25 sum rounded to 6 decimals, words matched), summed term by term in query order."""
    score = np.zeros(len(docs))
    matched = np.zeros(len(docs), dtype=np.int64)
    for plist in lists:
        weight = plist.weight_of(docs)
        score += weight
        matched += plist.member[docs]
    return np.round(score, 6), matched


def _next_weight(plist: postings.Postings, depth: int) -> float:
    """The largest weight a doc not in the list's top `depth` can have in it (0 once the list is read)."""
    return float(plist.weights[plist.by_impact[depth]]) if depth < len(plist.docids) else 0.0


def _best_in_tier(lists: list[postings.Postings], level: int, matched: np.ndarray, need: int) -> np.ndarray:
    """The `need` best docs with exactly `level` words matched, reading the impact-ordered lists from the top.

    A doc not yet seen in any list's read top holds, in each list it is in, at most that list's next
    unread weight; with exactly `level` words, its sum is at most the `level` largest of those. Once
    `need` seen docs score strictly above that bound (by more than the rounding), no unseen doc can
    reach them, ties included; every seen doc is scored exactly, so the answer equals the full sum's.
    Each round reads deeper into the list whose next unread weight falls most per posting read: a
    word whose weights are all alike ("senior" in titles) bounds nothing and is read last."""
    seen = np.zeros(len(matched), dtype=bool)
    docs: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    depths = [0] * len(lists)
    first = max(64, 2 * need)
    while True:
        best, best_gain = -1, -1.0
        for i, plist in enumerate(lists):
            if depths[i] >= len(plist.docids):
                continue
            nxt = min(len(plist.docids), max(first, 2 * depths[i]))
            gain = (_next_weight(plist, depths[i]) - _next_weight(plist, nxt)) / (nxt - depths[i])
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:  # every list read to the end: every doc on this level has been seen
            return np.concatenate(docs)
        plist, start = lists[best], depths[best]
        depths[best] = min(len(plist.docids), max(first, 2 * start))
        fresh = plist.docids[plist.by_impact[start : depths[best]]]
        fresh = np.sort(fresh[(matched[fresh] == level) & ~seen[fresh]])  # sorted: cache-friendly lookups
        seen[fresh] = True
        docs.append(fresh)
        scores.append(_exact(fresh, lists)[0])
        total = sum(len(d) for d in docs)
        if total >= need:
            score = np.concatenate(scores)
            kth = np.partition(score, total - need)[total - need]
            unread = sorted(_next_weight(p, d) for p, d in zip(lists, depths, strict=True))
            if kth > sum(unread[-level:]) + 2e-6:
                return np.concatenate(docs)[score >= kth]


def _top_docids(
    conn: duckdb.DuckDBPyConnection, terms: list[str], limit: int, open_only: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The best `limit` (docid, score, matched) by (matched desc, score desc, docid asc).

    Exact, not approximate: the words matched per document are counted for every document (dense
    byte masks, a few ms at 1M), which fixes the level the `limit`-th hit sits on; every doc above
    that level is taken, and the rest come from the impact-ordered lists, read only as deep as needed."""
    empty = (np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64))
    view = postings.snapshot(conn)
    if not view.n_docs or limit <= 0:
        return empty
    by_term = postings.load(conn, view, terms)
    lists = [by_term[t] for t in terms if len(by_term[t].docids)]
    if not lists:
        return empty
    matched = np.zeros(view.n_docs, dtype=np.uint8 if len(lists) < 255 else np.uint16)
    for plist in lists:
        matched += plist.member
    if open_only:
        np.multiply(matched, view.is_open, out=matched)
    above, level = 0, len(lists)
    while level > 0:  # usually one pass: enough docs match every word
        here = int(np.count_nonzero(matched == level))
        if above + here >= limit:
            break
        above += here
        level -= 1
    parts = [np.flatnonzero(matched > max(level, 0))] if above else []
    if level > 0:
        parts.append(_best_in_tier(lists, level, matched, limit - above))
    docs = np.concatenate(parts) if parts else np.empty(0, np.int64)
    if len(docs) == 0:
        return empty
    score, count = _exact(docs, lists)
    order = np.lexsort((docs, -score, -count))[:limit]
    return docs[order], score[order], count[order]


def search(
    conn: duckdb.DuckDBPyConnection, text: str, limit: int = 20, open_only: bool = True
) -> pl.DataFrame:
    """The `limit` best jobs for `text`: most query words matched, then BM25 score, then job_id."""
    terms = query_terms(text)
    docids, scores, matched = _top_docids(conn, terms, limit, open_only)
    hits = pl.DataFrame(
        {"docid": docids.astype(np.int32), "score": scores, "matched_terms": matched},
        schema={"docid": pl.Int32(), "score": pl.Float64(), "matched_terms": pl.Int64()},
    ).with_row_index("rank")
    if hits.height == 0:
        return pl.DataFrame(schema=_RESULT_SCHEMA)
    wanted = docids.astype(int).tolist()
    # A short IN list of parameters is answered by an index lookup; a long one is a scan either way.
    where, args = (
        (f"docid in ({', '.join('?' for _ in wanted)})", wanted)
        if len(wanted) <= 256
        else ("docid = any(?)", [wanted])
    )
    rows = conn.execute(
        f"select docid, {', '.join(RESULT_COLUMNS[:6])} from search_docs where {where}", args
    ).pl()
    return (
        hits.join(rows.cast({"docid": pl.Int32}), on="docid", how="left").sort("rank").select(RESULT_COLUMNS)
    )


def reference_sql(terms: list[str], limit: int, open_only: bool) -> tuple[str, list[object]]:
    """The same ranking as one SQL sum over `search_terms` (slow on common words; the correctness oracle)."""
    holes = ", ".join("?" for _ in terms)
    sql = f"""
        with top as (
            select job_id, round(sum(weight), 6) as score, count(*) as matched
            from search_terms where term in ({holes}) and (is_open or not ?)
            group by job_id order by matched desc, score desc, job_id limit ?
        )
        select j.job_id, j.company_name, j.title, j.seniority, j.remote, j.url, top.score, top.matched as matched_terms
        from top join jobs j on j.job_id = top.job_id
        order by top.matched desc, top.score desc, j.job_id"""
    return sql, [*terms, open_only, limit]
