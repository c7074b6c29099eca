"""One partition per company: each company has its own boards, failures and history.

`partition_changes` is the one rule that makes the partitions equal the registry; the registry sensor turns
it into partition requests, the CLI and the benchmarks apply it directly (`sync_partitions`).
"""

from collections.abc import Sequence

import dagster as dg

company_partitions = dg.DynamicPartitionsDefinition(name="company")


def partition_changes(existing: Sequence[str], slugs: Sequence[str]) -> tuple[list[str], list[str]]:
    """(added in registry order, removed sorted) that turn `existing` into the registry's `slugs`."""
    present, wanted = set(existing), list(dict.fromkeys(slugs))
    return [s for s in wanted if s not in present], sorted(present - set(wanted))


def sync_partitions(instance: dg.DagsterInstance, slugs: Sequence[str]) -> tuple[list[str], list[str]]:
    """Make the instance's company partitions equal the registry now; returns (added, removed)."""
    added, removed = partition_changes(instance.get_dynamic_partitions(company_partitions.name), slugs)
    if added:
        instance.add_dynamic_partitions(company_partitions.name, added)
    for slug in removed:
        instance.delete_dynamic_partition(company_partitions.name, slug)
    return added, removed
