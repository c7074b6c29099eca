"""Thin Dagster assets and checks over the domain packages."""

import warnings

import dagster as dg

# Backfill policies batch companies per run; Dagster marks the parameter beta. We rely on it knowingly.
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`", category=dg.BetaWarning)
