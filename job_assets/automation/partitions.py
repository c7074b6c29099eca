"""One partition per company: each company has its own boards, failures and history."""

import dagster as dg

company_partitions = dg.DynamicPartitionsDefinition(name="company")


def sync_partitions(instance: dg.DagsterInstance, slugs: list[str]) -> tuple[list[str], list[str]]:
    """Make the instance's company partitions equal the registry; returns (added, removed)."""
    existing = set(instance.get_dynamic_partitions(company_partitions.name))
    wanted = list(dict.fromkeys(slugs))
    added = [s for s in wanted if s not in existing]
    removed = sorted(existing - set(wanted))
    if added:
        instance.add_dynamic_partitions(company_partitions.name, added)
    for slug in removed:
        instance.delete_dynamic_partition(company_partitions.name, slug)
    return added, removed
