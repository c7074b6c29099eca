"""Clusters of postings from accepted pairs, without letting transitivity break a guard.

Plain union-find would let `Engineer` ~ `Engineer, Payments` and `Engineer` ~ `Engineer, Identity` put Payments
and Identity in one job. Each cluster therefore carries what its guards need (its level, the distinct role
word sets, the departments per source, the areas per source (`regions`), the requisition id per source (`requisitions`)) and a
union is refused when any member pair would be
vetoed. Edges are
applied strongest first (exact rules, then near pairs by score), so the best evidence wins a conflict.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from job_assets.dedup.regions import Area, areas_compatible, same_coverage
from job_assets.dedup.requisitions import requisitions_compatible
from job_assets.dedup.similarity import departments_compatible, roles_compatible


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    rule: str
    score: float


@dataclass
class _Cluster:
    level: str
    roles: set[frozenset[str]]
    departments: dict[str, set[str | None]]
    areas: dict[str, set[Area]]  # source -> the areas of its postings
    requisitions: dict[
        str, str
    ]  # source -> the requisition id its postings carry (postings without one: absent)


class GuardedUnionFind:
    def __init__(
        self,
        levels: Sequence[str],
        roles: Sequence[str],
        sources: Sequence[str],
        departments: Sequence[str | None],
        typo_ratio: float = 80.0,
        enabled: bool = True,
        areas: Sequence[Area] | None = None,
        requisitions: Sequence[str | None] | None = None,
    ) -> None:
        self.parent = list(range(len(levels)))
        self.typo_ratio = typo_ratio
        self.enabled = enabled
        self.clusters: dict[int, _Cluster] = {}  # built lazily: most postings never merge
        self.levels, self.roles, self.sources, self.departments = levels, roles, sources, departments
        self.areas = areas  # the region rule (`regions`): None leaves it out
        self.requisitions = requisitions  # the requisition rule (`requisitions`): None leaves it out

    def _cluster(self, root: int) -> _Cluster:
        cluster = self.clusters.get(root)
        if cluster is None:
            cluster = _Cluster(
                self.levels[root],
                {frozenset(self.roles[root].split())},
                {self.sources[root]: {self.departments[root]}},
                {self.sources[root]: {self.areas[root]}} if self.areas is not None else {},
                self._requisition(root),
            )
            self.clusters[root] = cluster
        return cluster

    def _requisition(self, row: int) -> dict[str, str]:
        ident = self.requisitions[row] if self.requisitions is not None else None
        return {self.sources[row]: ident} if ident else {}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def compatible(self, a: _Cluster, b: _Cluster, verbatim: bool = False) -> bool:
        if not self.enabled:
            return True
        if a.level != b.level:
            return False
        # Requisition rule: two postings of one source and board with different ATS ids are different openings,
        # whatever their text says (several hires of one title in one city).
        if not requisitions_compatible(a.requisitions, b.requisitions):
            return False
        if not all(roles_compatible(ra, rb, self.typo_ratio) for ra in a.roles for rb in b.roles):
            return False
        for source, depts in a.departments.items():
            other = b.departments.get(source)
            if other and not all(departments_compatible(x, y) for x in depts for y in other):
                return False
        # Region rule: openings in different countries or currencies are different jobs; a verbatim copy (same
        # URL, or same title and text) only when on another continent or in another currency. Within one board,
        # postings whose region sets differ are different openings (`regions.same_coverage`).
        for source, areas in a.areas.items():
            for other_source, other in b.areas.items():
                fits = same_coverage if source == other_source else areas_compatible
                if not all(fits(x, y, verbatim) for x in areas for y in other):
                    return False
        return True

    def union(self, a: int, b: int, verbatim: bool = False) -> bool:
        """Merge the clusters of `a` and `b` unless a guard forbids it; True when a merge happened.
        `verbatim`: the pair is the same URL or the same title and text."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self._cluster(ra), self._cluster(rb)
        if not self.compatible(ca, cb, verbatim):
            return False
        if len(ca.roles) < len(cb.roles):  # fold the smaller attribute sets into the larger
            ra, rb, ca, cb = rb, ra, cb, ca
        self.parent[rb] = ra
        ca.roles |= cb.roles
        for source, depts in cb.departments.items():
            ca.departments.setdefault(source, set()).update(depts)
        for source, areas in cb.areas.items():
            ca.areas.setdefault(source, set()).update(areas)
        ca.requisitions.update(cb.requisitions)
        del self.clusters[rb]
        return True


RULE_ORDER = {"url": 0, "exact_text": 1, "near_text": 2, "title_only": 3}
VERBATIM_RULES = frozenset({"url", "exact_text"})


def merge_edges(uf: GuardedUnionFind, edges: Sequence[Edge]) -> list[Edge]:
    """Apply `edges` strongest first (by RULE_ORDER, then score); returns those that merged two clusters."""
    ordered = sorted(edges, key=lambda e: (RULE_ORDER[e.rule], -e.score, min(e.a, e.b), max(e.a, e.b)))
    return [edge for edge in ordered if uf.union(edge.a, edge.b, edge.rule in VERBATIM_RULES)]


def orient(
    n: int, uf: GuardedUnionFind, accepted: Sequence[Edge], anchor_rank: Sequence[int]
) -> tuple[list[int], list[tuple[str, float, int | None]]]:
    """Each posting's anchor (the member with the lowest `anchor_rank`) and how it joined: (rule, score,
    index of the posting it matched) along the tree of accepted edges; `("root", 1.0, None)` for the anchor."""
    tree: dict[int, list[tuple[int, str, float]]] = {}
    for edge in accepted:
        tree.setdefault(edge.a, []).append((edge.b, edge.rule, edge.score))
        tree.setdefault(edge.b, []).append((edge.a, edge.rule, edge.score))
    members: dict[int, list[int]] = {}
    for i in tree:
        members.setdefault(uf.find(i), []).append(i)
    root_of = list(range(n))
    how: list[tuple[str, float, int | None]] = [("root", 1.0, None)] * n
    for group in members.values():
        anchor = min(group, key=lambda i: anchor_rank[i])
        queue = deque([anchor])
        seen = {anchor}
        while queue:
            node = queue.popleft()
            root_of[node] = anchor
            for other, rule, score in tree.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    how[other] = (rule, score, node)
                    queue.append(other)
    return root_of, how
