"""A writer process for the concurrency tests: rewrites one company's partition N times, each time with
ROWS rows that all carry the round number, so a reader can tell a whole company from a half-written one.

    python -m job_assets_tests.store.lake_writers DATABASE DATA_PATH COMPANY ROUNDS
"""

from __future__ import annotations

import sys

import polars as pl

from job_assets.store import db

TABLE = "raw_postings"
ROWS = 25


def company_rows(company: str, round_: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "company": [company] * ROWS,
            "round": [round_] * ROWS,
            "posting_key": [f"{company}:{i}" for i in range(ROWS)],
        },
        schema={"company": pl.String(), "round": pl.Int64(), "posting_key": pl.String()},
    )


def main() -> None:
    database, data_path, company, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with db.connect(database, data_path=data_path) as conn:
        for round_ in range(rounds):
            db.replace_partition(conn, TABLE, company, company_rows(company, round_))
            print(f"committed {company} {round_}", flush=True)


if __name__ == "__main__":
    main()
