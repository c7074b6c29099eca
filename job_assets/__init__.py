"""job_assets: every opening at the companies you track, in one deduplicated DuckDB table."""

__version__ = "0.1.0"
