"""The notebook's queries on a generated store of N jobs: DuckDB snapshot vs the same data in SQLite,
then keyword search before/after (and DuckDB's official `fts` extension beside them).

    uv run python benchmarks/queries.py                 # 1,000,000 jobs, 7 runs per query
    uv run python benchmarks/queries.py --jobs 100000 --runs 11 --workdir /tmp/bench
    uv run --extra dev python benchmarks/queries.py --fts --show 5   # + the official fts (dev extra), top 5 shown
    uv run python benchmarks/queries.py --search-only --workdir /tmp/b --reuse   # reuse a generated store

Builds a live DuckDB store with a realistic `jobs` table (deterministic, hash-based randomness),
publishes the notebook snapshot (copy + search index, as the pipeline does), mirrors it into SQLite
(lists as JSON, indexes on the filtered columns), then runs every query of
`job_assets.store.queries` on both and prints p50/p95 per query side by side and SQLite/DuckDB.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.sqlite_mirror import compare, run_sqlite, to_sqlite
from job_assets.store import extensions, postings, queries, snapshot
from job_assets.store.db import connect

ROLES = [
    "Software Engineer", "Backend Engineer", "Frontend Engineer", "Full Stack Engineer", "Data Engineer",
    "Data Scientist", "Machine Learning Engineer", "Site Reliability Engineer", "Platform Engineer",
    "Security Engineer", "Mobile Engineer", "Product Manager", "Product Designer", "Engineering Manager",
    "Solutions Architect", "Analytics Engineer", "QA Engineer", "Developer Advocate", "Account Executive",
    "Technical Writer", "Research Scientist", "Embedded Software Engineer", "Infrastructure Engineer",
    "Database Administrator",
]  # fmt: skip
SENIORITY = [  # (level, title prefix, pay multiplier, share in thousandths)
    ("intern", "Intern", 0.35, 20), ("junior", "Junior", 0.65, 120), ("mid", "", 1.0, 330),
    ("senior", "Senior", 1.3, 300), ("staff", "Staff", 1.6, 80), ("principal", "Principal", 1.9, 30),
    ("manager", "Manager,", 1.5, 50), ("director", "Director of", 2.1, 20), ("unknown", "", 1.0, 50),
]  # fmt: skip
SKILLS = [
    "python", "sql", "go", "rust", "java", "kotlin", "typescript", "javascript", "react", "c++", "c#",
    "aws", "gcp", "azure", "kubernetes", "docker", "terraform", "postgresql", "duckdb", "spark", "kafka",
    "airflow", "dagster", "dbt", "pytorch", "tensorflow", "llm", "nlp", "computer vision", "figma", "swift",
    "graphql", "redis", "elasticsearch", "linux", "ci/cd", "scala", "pandas", "polars", "snowflake",
]  # fmt: skip
CITIES = ["New York", "San Francisco", "London", "Berlin", "Paris", "Toronto", "Austin", "Remote", "Dublin"]
FILLER = [
    "team",
    "build",
    "scale",
    "product",
    "customers",
    "platform",
    "data",
    "reliable",
    "systems",
    "design",
    "ship",
    "own",
    "impact",
    "collaborate",
    "mentor",
    "growth",
    "mission",
    "users",
    "services",
    "pipelines",
    "quality",
    "testing",
    "review",
    "roadmap",
    "stakeholders",
    "metrics",
    "experience",
    "strong",
    "communication",
    "ownership",
    "fast",
    "paced",
    "distributed",
    "cloud",
    "infrastructure",
    "security",
    "privacy",
    "performance",
    "latency",
    "observability",
    "incident",
    "automation",
    "tooling",
    "delivery",
    "agile",
    "cross",
    "functional",
]


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def generate_store(path: Path, n_jobs: int, now_sql: str = "now()") -> None:
    """A live store with `jobs` and `user_fields` shaped like the dedup module's tables."""
    path.unlink(missing_ok=True)
    levels, prefixes, mults, shares = zip(*SENIORITY, strict=True)
    cum = [sum(shares[: i + 1]) for i in range(len(shares))]
    level_case = " ".join(f"when r_lvl < {c} then {i + 1}" for i, c in enumerate(cum))
    words = (
        FILLER + [w for role in ROLES for w in role.lower().split()] + [s.replace(" ", "") for s in SKILLS]
    )
    n_companies = max(5, n_jobs // 250)
    with connect(path) as conn:
        conn.execute("create macro rnd(i, salt) as (hash(i, salt) % 1000003) / 1000003.0")
        conn.execute(f"""
            create table jobs as
            with base as (
                select i, (hash(i, 'lvl') % 1000)::int as r_lvl, floor(rnd(i, 'role') * {len(ROLES)})::int + 1 as role,
                       floor(pow(rnd(i, 'co'), 1.5) * {n_companies})::int as co,
                       {now_sql}::timestamptz - to_seconds((rnd(i, 'seen') * 120 * 86400)::bigint) as first_seen_at
                from range({n_jobs}) t(i)
            ), b as (select *, case {level_case} else {len(levels)} end as lvl from base)
            select
                'job-' || lpad(i::varchar, 8, '0') as job_id,
                'co-' || co as company, 'Company ' || co as company_name,
                trim({_list(list(prefixes))}[lvl] || ' ' || {_list(ROLES)}[role]) as title,
                list_transform(range(1 + (hash(i, 'nloc') % 2)::int), lambda x: {_list(CITIES)}[(hash(i, x, 'loc') % {len(CITIES)})::int + 1]) as locations,
                ['remote', 'hybrid', 'onsite', 'unknown'][(hash(i, 'rem') % 4)::int + 1] as remote,
                {_list(list(levels))}[lvl] as seniority, 'full_time' as employment_type,
                pay as salary_min, round(pay * 1.25) as salary_max,
                case when pay is null then null when rnd(i, 'cur') < 0.8 then 'USD' when rnd(i, 'cur') < 0.95 then 'EUR' else 'GBP' end as salary_currency,
                case when pay is null then null else 'year' end as salary_period,
                pay as salary_annual_min, round(pay * 1.25) as salary_annual_max,
                list_distinct(list_transform(range(3 + (hash(i, 'nsk') % 6)::int), lambda x: {_list(SKILLS)}[floor(pow(rnd(i * 16 + x, 'sk'), 2) * {len(SKILLS)})::int + 1])) as skills,
                'A ' || lower({_list(ROLES)}[role]) || ' role.' as summary,
                array_to_string(list_transform(range(40), lambda x: {_list(words)}[floor(pow(rnd(i * 64 + x, 'w'), 1.7) * {len(words)})::int + 1]), ' ') as description_text,
                'https://jobs.example.com/' || i as url, ['https://jobs.example.com/' || i] as posting_urls,
                ['greenhouse:' || i] as posting_keys, ['greenhouse'] as sources,
                first_seen_at, first_seen_at + interval 1 day as last_seen_at,
                rnd(i, 'open') < 0.85 as is_open,
                case when rnd(i, 'open') < 0.85 then null else first_seen_at + interval 2 day end as closed_at
            from (select *, case when rnd(i, 'pay') < 0.7
                                 then round((60000 + rnd(i, 'amt') * 90000) * ({_list([str(m) for m in mults])}::double[])[lvl], -3)
                            end as pay from b)
        """)
        conn.execute("""
            create table user_fields (job_id varchar primary key, favorite boolean, status varchar,
                                      notes varchar, updated_at timestamptz)
        """)
        conn.execute("""
            insert into user_fields
            select job_id, rnd(hash(job_id), 'fav') < 0.5 as favorite, ['interested', 'applied', 'new'][(hash(job_id) % 3)::int + 1] as status,
                   'generated note' as notes, now() as updated_at
            from jobs where rnd(hash(job_id), 'mark') < 0.01
        """)


def _time(fn, runs: int) -> list[float]:
    fn()  # warm-up: caches, first-touch of pages
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


SEARCHES = (
    "senior python data engineer",
    "engineer",
    "senior",
    "data",
    "kubernetes",
    "remote machine learning pytorch",
    "staff rust platform engineer",
)


def _fts_index(conn: duckdb.DuckDBPyConnection) -> float:
    """DuckDB's official full-text index over the same text, weighted like ours (title x3, skills x2):
    the fields are repeated into one body, tokens kept whole (no stemmer, no stop words)."""
    start = time.perf_counter()
    extensions.load(conn, "fts")
    conn.execute("""
        create or replace table fts_docs as
        select job_id, is_open, repeat(coalesce(title, '') || ' ', 3) || repeat(array_to_string(skills, ' ') || ' ', 2)
               || coalesce(description_text, '') as body
        from jobs""")
    conn.execute(
        "pragma create_fts_index('fts_docs', 'job_id', 'body', stemmer = 'none', stopwords = 'none',"
        " ignore = '[^\\p{L}\\p{N}+#]+', lower = 1, overwrite = 1)"
    )
    return time.perf_counter() - start


def _fts_search(conn: duckdb.DuckDBPyConnection, text: str, limit: int = 20) -> list[str]:
    rows = conn.execute(
        "select job_id from (select job_id, fts_main_fts_docs.match_bm25(job_id, ?) as score from fts_docs"
        " where is_open) where score is not null order by score desc, job_id limit ?",
        [text, limit],
    ).fetchall()
    return [r[0] for r in rows]


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1e3:>8.1f}ms{_pct(values, 0.95) * 1e3:>7.1f}ms"


def search_section(duck: duckdb.DuckDBPyConnection, live: Path, runs: int, fts: bool, show: int) -> None:
    """Keyword search p50/p95: the new path, the SQL sum it replaced (same ranking), the official fts."""
    fts_conn = None
    if fts:  # the snapshot is read-only: the official index is built on a copy of the live file
        fts_conn = duckdb.connect(str(live.with_name("jobs.fts.duckdb")))
        fts_conn.execute(f"attach '{live}' as live (read_only)")
        fts_conn.execute("create or replace table jobs as select * from live.jobs")
        fts_conn.execute("detach live")
        print(f"official fts index built in {_fts_index(fts_conn):.1f}s")
    header = f"{'search':<34}{'first':>8}  {'after p50':>10}{'p95':>9}  {'before p50':>10}{'p95':>9}  {'before/after':>12}  same top 20"
    if fts_conn:
        header += f"  {'fts p50':>8}{'p95':>9}  fts/after  fts overlap"
    print(header)
    print("-" * len(header))
    postings.clear()  # "first": the query's words loaded from the snapshot; p50/p95: loaded once per process
    for text in SEARCHES:
        start = time.perf_counter()
        after_frame = queries.search(duck, text)
        first = time.perf_counter() - start
        before_frame = queries.run_reference(duck, "search", text=text)
        after = _time(lambda text=text: queries.search(duck, text), runs)
        before = _time(lambda text=text: queries.run_reference(duck, "search", text=text), runs)
        same = after_frame.get_column("job_id").to_list() == before_frame.get_column("job_id").to_list()
        line = f"{text:<34}{first * 1e3:>6.0f}ms  {_ms(after)}  {_ms(before)}  {statistics.median(before) / statistics.median(after):>11.1f}x  {'yes' if same else 'NO'}"
        if fts_conn:
            fts_ids = _fts_search(fts_conn, text)
            fts_t = _time(lambda text=text: _fts_search(fts_conn, text), runs)
            overlap = len(set(fts_ids) & set(after_frame.get_column("job_id").to_list()))
            line += f"  {_ms(fts_t)}  {statistics.median(fts_t) / statistics.median(after):>8.1f}x  {overlap:>5}/20"
        print(line)
        if show:
            for label, frame in (("after", after_frame), ("before", before_frame)):
                top = frame.head(show).select("job_id", "title", "score", "matched_terms").rows()
                print(f"    {label:<6} " + " | ".join(f"{j} {t!r} {s:.3f} ({m})" for j, t, s, m in top))
    print(f"posting lists held in memory after these queries: {postings.cached_bytes() / 1e6:.0f} MB")
    if fts_conn:
        fts_conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--fts", action="store_true", help="also build and query the official fts extension")
    parser.add_argument(
        "--show", type=int, default=0, help="print the top N hits of each search before/after"
    )
    parser.add_argument("--search-only", action="store_true", help="skip the SQLite comparison")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the store and snapshot already in --workdir (skip generating and publishing)",
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench_queries_"))
    workdir.mkdir(parents=True, exist_ok=True)
    live = workdir / "jobs.duckdb"

    gen_s = publish_s = 0.0
    if args.reuse and snapshot.snapshot_path(live).exists():
        snap = snapshot.snapshot_path(live)
    else:
        start = time.perf_counter()
        generate_store(live, args.jobs)
        gen_s = time.perf_counter() - start
        start = time.perf_counter()
        snap = snapshot.publish_snapshot(live)
        publish_s = time.perf_counter() - start
    duck = snapshot.open_reader(live)
    meta = snapshot.snapshot_info(duck)
    if args.search_only:
        print(f"{args.jobs:,} jobs in {workdir}  (duckdb {duckdb.__version__}); generate {gen_s:.1f}s,"
              f" publish {publish_s:.1f}s (search index {meta['index_seconds']:.1f}s)")  # fmt: skip
        search_section(duck, live, args.runs, args.fts, args.show)
        return
    start = time.perf_counter()
    lite = to_sqlite(duck, workdir / "jobs.sqlite")
    mirror_s = time.perf_counter() - start

    print(f"{args.jobs:,} jobs in {workdir}  (duckdb {duckdb.__version__}, sqlite {sqlite3.sqlite_version})")
    print(f"generate live store {gen_s:.1f}s | publish snapshot {publish_s:.1f}s (live store held {meta['copy_seconds']:.2f}s,"
          f" search index {meta['index_seconds']:.1f}s) | mirror to SQLite {mirror_s:.1f}s")  # fmt: skip
    print(
        f"snapshot {snap.stat().st_size / 1e6:.0f} MB, sqlite {(workdir / 'jobs.sqlite').stat().st_size / 1e6:.0f} MB"
    )
    header = f"{'query':<24}{'rows':>6}  {'duckdb p50':>11}{'p95':>9}  {'sqlite p50':>11}{'p95':>9}  {'sqlite/duckdb':>13}  same"
    print(header)
    print("-" * len(header))
    for name in queries.QUERIES:
        frame = queries.run(duck, name)
        rows = run_sqlite(lite, name)
        d = _time(lambda name=name: queries.run(duck, name), args.runs)
        s = _time(lambda name=name: run_sqlite(lite, name), args.runs)
        same = "yes" if compare(rows, frame) else "NO"
        d50, s50 = statistics.median(d), statistics.median(s)
        print(f"{name:<24}{frame.height:>6}  {d50 * 1e3:>9.1f}ms{_pct(d, 0.95) * 1e3:>7.1f}ms"
              f"  {s50 * 1e3:>9.1f}ms{_pct(s, 0.95) * 1e3:>7.1f}ms  {s50 / d50:>12.2f}x  {same}")  # fmt: skip
    print()
    search_section(duck, live, args.runs, args.fts, args.show)
    duck.close()
    lite.close()


if __name__ == "__main__":
    main()
