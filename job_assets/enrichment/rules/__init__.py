"""Deterministic extraction: the offline backend, and the first pass before the LLM."""

from job_assets.enrichment.rules.extract import RULES_VERSION, extract_rules

__all__ = ["RULES_VERSION", "extract_rules"]
