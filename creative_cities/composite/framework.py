"""The tree of a composite index: indicators (leaves) grouped into aggregates up to one index (the root)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

TRANSFORMS = ("", "log")


@dataclass(frozen=True)
class Node:
    """One node of the framework: an indicator when no node names it as parent, else an aggregate.

    ``weight`` is relative to the node's siblings (renormalised within each parent).
    ``direction`` is 1 when more is better, -1 when less is better (flipped at normalisation).
    ``goalposts`` (low, high) are used by the "goalposts" normalisation, in the indicator's unit.
    ``transform`` ("" or "log") is applied to the values and the goalposts just before normalisation.
    """

    code: str
    name: str
    parent: str | None
    weight: float = 1.0
    direction: int = 1
    goalposts: tuple[float, float] | None = None
    unit: str = ""
    transform: str = ""


class Framework:
    """A validated tree of nodes; every problem found is reported at once in one ``ValueError``.

    Levels are heights: an indicator is level 1, an aggregate is one more than its highest child,
    so the index has the highest level. For a balanced tree this is the depth counted from the leaves.
    """

    def __init__(self, nodes: Iterable[Node]):
        self.nodes: tuple[Node, ...] = tuple(nodes)
        problems = _problems(self.nodes)
        if problems:
            raise ValueError("Invalid framework:\n- " + "\n- ".join(problems))
        self._by_code = {node.code: node for node in self.nodes}
        self._children: dict[str, list[str]] = {node.code: [] for node in self.nodes}
        for node in self.nodes:
            if node.parent is not None:
                self._children[node.parent].append(node.code)
        self.root: str = next(node.code for node in self.nodes if node.parent is None)
        self._level: dict[str, int] = {}
        for code in self._children:
            self._height(code)
        top = self._level[self.root]
        self.levels: list[list[str]] = [
            [node.code for node in self.nodes if self._level[node.code] == level] for level in range(1, top + 1)
        ]
        self.indicators: list[str] = self.levels[0]
        # Aggregates bottom-up: every child is computed before its parent.
        self.aggregates: list[str] = [code for level in self.levels[1:] for code in level]

    def _height(self, code: str) -> int:
        if code not in self._level:
            children = self._children[code]
            self._level[code] = 1 + max((self._height(child) for child in children), default=0)
        return self._level[code]

    def __repr__(self) -> str:
        return f"Framework(root={self.root!r}, indicators={len(self.indicators)}, levels={len(self.levels)})"

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def node(self, code: str) -> Node:
        return self._by_code[code]

    def children(self, code: str) -> list[str]:
        """The codes of the node's children, in the order the nodes were given."""
        return list(self._children[code])

    def parent(self, code: str) -> str | None:
        return self._by_code[code].parent

    def level_of(self, code: str) -> int:
        return self._level[code]

    def ancestors(self, code: str) -> list[str]:
        """Parent, grandparent, … up to the root."""
        found = []
        parent = self._by_code[code].parent
        while parent is not None:
            found.append(parent)
            parent = self._by_code[parent].parent
        return found

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> Framework:
        """Build from rows (a CSV, a query): keys code, name, parent, weight, direction,
        goalpost_low, goalpost_high, unit and optionally transform; blanks take the defaults."""
        nodes = []
        for record in records:
            low, high = _blank_to_none(record.get("goalpost_low")), _blank_to_none(record.get("goalpost_high"))
            weight, direction = _blank_to_none(record.get("weight")), _blank_to_none(record.get("direction"))
            nodes.append(
                Node(
                    code=str(record["code"]).strip(),
                    name=str(record.get("name") or record["code"]).strip(),
                    parent=_blank_to_none(record.get("parent")),
                    weight=1.0 if weight is None else float(weight),
                    direction=1 if direction is None else int(float(direction)),
                    goalposts=None if low is None and high is None else (_float(low), _float(high)),
                    unit=str(record.get("unit") or ""),
                    transform=str(record.get("transform") or "").strip(),
                )
            )
        return cls(nodes)

    def to_records(self) -> list[dict[str, Any]]:
        return [
            {
                "code": node.code,
                "name": node.name,
                "parent": node.parent,
                "weight": node.weight,
                "direction": node.direction,
                "goalpost_low": node.goalposts[0] if node.goalposts else None,
                "goalpost_high": node.goalposts[1] if node.goalposts else None,
                "unit": node.unit,
                "transform": node.transform,
                "level": self._level[node.code],
            }
            for node in self.nodes
        ]


def _blank_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _float(value: Any) -> float:
    return math.nan if value is None else float(value)


def _problems(nodes: tuple[Node, ...]) -> list[str]:
    """Every reason the nodes do not make one tree, in readable sentences."""
    problems: list[str] = []
    seen: set[str] = set()
    for node in nodes:
        if not isinstance(node.code, str) or not node.code.strip():
            problems.append(f"a node has an empty code (name {node.name!r})")
        elif node.code in seen:
            problems.append(f"duplicate code {node.code!r}")
        seen.add(node.code)
    codes = {node.code for node in nodes}
    for node in nodes:
        label = repr(node.code)
        if node.parent is not None and node.parent not in codes:
            problems.append(f"{label} has an unknown parent {node.parent!r}")
        if node.parent == node.code:
            problems.append(f"{label} is its own parent")
        if not isinstance(node.weight, int | float) or not math.isfinite(node.weight) or node.weight <= 0:
            problems.append(f"{label} has a non-positive weight ({node.weight!r}); weights must be > 0")
        if node.direction not in (1, -1):
            problems.append(f"{label} has direction {node.direction!r}; it must be 1 or -1")
        if node.transform not in TRANSFORMS:
            problems.append(f"{label} has an unknown transform {node.transform!r} (known: '', 'log')")
        if node.goalposts is not None:
            low, high = node.goalposts
            if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
                problems.append(f"{label} has goalposts {node.goalposts!r}; they must be two numbers, low < high")
            elif node.transform == "log" and low <= 0:
                problems.append(f"{label} is log-transformed but its low goalpost {low!r} is not positive")
    roots = [node.code for node in nodes if node.parent is None]
    if not roots:
        problems.append("no root: exactly one node (the index) must have no parent")
    elif len(roots) > 1:
        problems.append(f"{len(roots)} roots ({', '.join(map(repr, roots))}): exactly one node may have no parent")
    elif not any(node.parent == roots[0] for node in nodes):
        problems.append(f"the index {roots[0]!r} has no children: it needs at least one indicator")
    problems.extend(_cycles(nodes, codes))
    return problems


def _cycles(nodes: tuple[Node, ...], codes: set[str]) -> list[str]:
    parent_of = {node.code: node.parent for node in nodes}
    reported: set[frozenset[str]] = set()
    problems = []
    for start in parent_of:
        path: list[str] = []
        current: str | None = start
        while current is not None and current in codes and current not in path:
            path.append(current)
            current = parent_of[current]
        if current is not None and current in path:
            cycle = path[path.index(current) :]
            if len(cycle) > 1 and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                problems.append("cycle: " + " → ".join([*cycle, cycle[0]]))
    return problems
