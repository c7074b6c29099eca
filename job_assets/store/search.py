"""Keyword search: an Okapi BM25 index in plain tables, and the query that answers from it in milliseconds.

The index is built where readers look (the notebook snapshot file, or the DuckLake catalog next to
`jobs`) from `jobs` alone, and never changes afterwards, so each (term, job) pair stores its finished
BM25 weight (title x3, skills x2, description x1; k1 1.2, b 0.75) in `search_terms(term, job_id, weight,
is_open, docid)`, sorted by term, where `docid` is the job's dense number in `job_id` order
(`search_docs` maps it back).

Summing the long lists of common words ("engineer", "senior", "data") with SQL `group by job_id` (a
string hash aggregate) is what made search take 200-300 ms at 1M jobs; that SQL stays as the reference
(`reference_sql`, also the SQLite form). `search` reads the same rows as three flat integer/float
columns and scores them with numpy (`bincount` over dense document numbers): the same sums, the same
ranking (most query words matched first, then the BM25 sum rounded to 6 decimals, then `job_id`).
Measured in `benchmarks/queries.py`, beside DuckDB's official `fts` extension.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
import polars as pl

# RE2 `[\p{L}\p{N}]+[+#]*`: letters and digits, then + or # (`c++`, `c#`); `_TOKEN` is its Python twin.
TOKEN_PATTERN = r"[\p{L}\p{N}]+[+#]*"
_TOKEN = re.compile(r"[^\W_]+[+#]*")
TITLE_WEIGHT, SKILL_WEIGHT, TEXT_WEIGHT = 3, 2, 1
BM25_K1, BM25_B = 1.2, 0.75
INDEX_TABLES = ("search_terms", "search_stats", "search_docs")
RESULT_COLUMNS = ("job_id", "company_name", "title", "seniority", "remote", "url", "score", "matched_terms")


def tokenize(text: str) -> list[str]:
    """The search index's tokens: lower-cased words, keeping `c++` and `c#` whole."""
    return _TOKEN.findall(text.lower())


def query_terms(text: str) -> list[str]:
    terms = sorted(set(tokenize(text)))
    if not terms:
        raise ValueError(f"nothing to search for in {text!r}: give at least one word")
    return terms


def build_index(conn: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the index tables in the connection's current database from its `jobs` table."""
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
    conn.execute(f"""
        create temp table _tf as
        with docs as (select * exclude (is_open), coalesce(is_open, true) as is_open from jobs),
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
    conn.execute(
        "create table search_docs as select (row_number() over (order by job_id) - 1)::integer as docid,"
        " job_id from jobs order by docid"
    )
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


def _top_docids(
    conn: duckdb.DuckDBPyConnection, terms: list[str], limit: int, open_only: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The best `limit` (docid, score, matched) by (matched desc, score desc, docid asc)."""
    empty = (np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64))
    n_docs = conn.execute("select n_docs from search_stats").fetchall()
    if not n_docs or not n_docs[0][0] or limit <= 0:
        return empty
    n = int(n_docs[0][0])
    holes = ", ".join("?" for _ in terms)
    postings = conn.execute(
        f"select docid, weight from search_terms where term in ({holes}) and (is_open or not ?)",
        [*terms, open_only],
    ).fetchnumpy()
    docids, weights = postings["docid"], postings["weight"]
    if len(docids) == 0:
        return empty
    docids = np.asarray(docids, dtype=np.int64)
    score = np.bincount(docids, np.asarray(weights, dtype=np.float64), minlength=n)
    matched = np.bincount(docids, minlength=n)
    score = np.round(score, 6)
    chosen: list[np.ndarray] = []
    need = limit
    for level in range(int(matched.max()), 0, -1):  # most matched words first
        tier = np.flatnonzero(matched == level)
        if tier.size > need:  # keep every doc tied with the need-th best score, order them below
            cut = np.partition(score[tier], tier.size - need)[tier.size - need]
            tier = tier[score[tier] >= cut]
        chosen.append(tier)
        need -= min(need, tier.size)
        if need == 0:
            break
    if not chosen:
        return empty
    docs = np.concatenate(chosen)
    order = np.lexsort((docs, -score[docs], -matched[docs]))[:limit]
    docs = docs[order]
    return docs, score[docs], matched[docs]


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
    conn.register("_search_hits", hits.to_arrow())
    try:
        return (
            conn.sql("""
                select j.job_id, j.company_name, j.title, j.seniority, j.remote, j.url, h.score, h.matched_terms
                from _search_hits h join search_docs d on d.docid = h.docid join jobs j on j.job_id = d.job_id
                order by h.rank""")
            .pl()
            .select(RESULT_COLUMNS)
        )
    finally:
        conn.unregister("_search_hits")


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
