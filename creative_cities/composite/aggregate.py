"""Aggregating children into their parent's score, level by level, with plain numpy.

The tree is compiled once into a ``Plan``: every node has a column in one units × nodes matrix
(indicators first, then the aggregates bottom-up), and each level knows which columns are its
children and which parent owns each. A level is then a few matrix products, which is what lets
the Monte Carlo run thousands of aggregations in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .framework import Framework


@dataclass(frozen=True)
class LevelPlan:
    level: int
    parents: np.ndarray  # columns of this level's aggregates
    children: np.ndarray  # columns of their children, grouped by parent
    owner: np.ndarray  # for each child, the position of its parent in ``parents``
    starts: np.ndarray  # where each parent's children start in ``children``
    counts: np.ndarray  # children per parent
    membership: np.ndarray  # children × parents, 1 where the child belongs to the parent


@dataclass(frozen=True)
class Plan:
    codes: list[str]
    column: dict[str, int]
    indicators: int
    levels: list[LevelPlan]

    @classmethod
    def of(cls, framework: Framework) -> Plan:
        codes = [*framework.indicators, *framework.aggregates]
        column = {code: position for position, code in enumerate(codes)}
        levels = []
        for level, parents in enumerate(framework.levels[1:], start=2):
            children, owner, counts = [], [], []
            for position, parent in enumerate(parents):
                kids = framework.children(parent)
                children += [column[kid] for kid in kids]
                owner += [position] * len(kids)
                counts.append(len(kids))
            counts_array = np.array(counts)
            membership = np.zeros((len(children), len(parents)))
            membership[np.arange(len(children)), owner] = 1.0
            levels.append(
                LevelPlan(
                    level=level,
                    parents=np.array([column[p] for p in parents]),
                    children=np.array(children),
                    owner=np.array(owner),
                    starts=np.concatenate([[0], np.cumsum(counts_array)[:-1]]),
                    counts=counts_array,
                    membership=membership,
                )
            )
        return cls(codes=codes, column=column, indicators=len(framework.indicators), levels=levels)


@dataclass
class LevelOutcome:
    """What a level's aggregation produced beyond the scores, for the step record."""

    available: np.ndarray  # units × parents: children with a value
    shifts: np.ndarray  # per parent: the constant added before a geometric or harmonic mean


def aggregate_level(
    scores: np.ndarray,
    plan: LevelPlan,
    weights: np.ndarray,
    *,
    mean: str,
    min_coverage: float,
    floor: float,
) -> LevelOutcome:
    """Fill ``scores[:, plan.parents]`` from the children's columns; ``weights`` are per child.

    Weights are renormalised, for each unit, over the children that have a value; a unit whose
    share of children with a value is below ``min_coverage`` (or that has none) gets NaN.
    """
    values = scores[:, plan.children]
    present = ~np.isnan(values)
    weighted_presence = present * weights
    denominator = weighted_presence @ plan.membership
    available = present @ plan.membership
    shifts = np.zeros(len(plan.parents))
    with np.errstate(all="ignore"):
        if mean == "arithmetic":
            result = (np.where(present, values, 0.0) * weights) @ plan.membership / denominator
        else:
            shifts = _shifts(values, plan, floor)
            shifted = values + shifts[plan.owner]
            if mean == "geometric":
                logs = np.where(present, np.log(np.where(present, shifted, 1.0)), 0.0)
                result = np.exp((logs * weights) @ plan.membership / denominator) - shifts
            elif mean == "harmonic":
                inverse = np.where(present, 1.0 / np.where(present, shifted, 1.0), 0.0)
                result = denominator / ((inverse * weights) @ plan.membership) - shifts
            else:
                raise ValueError(f"unknown mean {mean!r}")
    coverage = available / plan.counts
    result[(available == 0) | (coverage < min_coverage - 1e-12)] = np.nan
    scores[:, plan.parents] = result
    return LevelOutcome(available=available, shifts=shifts)


def _shifts(values: np.ndarray, plan: LevelPlan, floor: float) -> np.ndarray:
    """Per parent, the constant that lifts its smallest child value to ``floor`` when it is ≤ 0."""
    with np.errstate(all="ignore"):
        lowest = np.nanmin(np.where(np.isnan(values), np.inf, values), axis=0)
    per_parent = np.minimum.reduceat(lowest, plan.starts)
    return np.where(per_parent <= 0, floor - per_parent, 0.0)


def ranks(scores: np.ndarray) -> np.ndarray:
    """Ranks of each column, 1 = highest score, ties share the best rank, NaN stays NaN."""
    out = np.full(scores.shape, np.nan)
    for column in range(scores.shape[1]):
        x = scores[:, column]
        present = ~np.isnan(x)
        if present.any():
            out[present, column] = rank_min_descending(x[present])
    return out


def rank_min_descending(x: np.ndarray) -> np.ndarray:
    """1 + the number of values strictly greater: the "min" method of ranking, best first."""
    ordered = np.sort(x)
    return (len(x) - np.searchsorted(ordered, x, side="right") + 1).astype(float)
