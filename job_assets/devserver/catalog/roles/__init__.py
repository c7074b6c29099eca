"""Role archetypes: the role-specific half of every sample description, shared across companies."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role
from job_assets.devserver.catalog.roles import (
    business,
    data_ml,
    engineering,
    industry,
    product_design,
    specialist,
)


def _index() -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for module in (engineering, data_ml, product_design, business, industry, specialist):
        for role in module.ROLES:
            if role.key in roles:
                raise ValueError(f"duplicate role archetype {role.key!r}")
            roles[role.key] = role
    return roles


ROLES: dict[str, Role] = _index()
