"""The weight of each node within its siblings: equal, as given, or from principal components."""

from __future__ import annotations

import numpy as np

from .aggregate import LevelPlan
from .framework import Framework


def first_component(values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Eigen-decomposition of the correlation matrix over the complete rows of ``values``.

    Returns (explained variance ratios, first eigenvector with a positive sum), or None when
    there are fewer than two columns or three complete rows, or a column does not vary.
    """
    complete = values[~np.isnan(values).any(axis=1)]
    if complete.shape[0] < 3 or complete.shape[1] < 2:
        return None
    sd = complete.std(axis=0, ddof=1)
    if (sd == 0).any():
        return None
    correlation = np.corrcoef(complete, rowvar=False)
    eigenvalues, eigenvectors = np.linalg.eigh(correlation)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, eigenvectors = np.clip(eigenvalues[order], 0, None), eigenvectors[:, order]
    first = eigenvectors[:, 0]
    if first.sum() < 0:
        first = -first
    return eigenvalues / eigenvalues.sum(), first


def level_weights(
    framework: Framework, plan: LevelPlan, codes: list[str], how: str, scores: np.ndarray | None = None
) -> tuple[np.ndarray, list[str]]:
    """Weights of the children of one level, each group of siblings summing to 1, and a note per parent.

    "pca": the squared loadings of each group's first principal component, scaled to sum to 1
    (the Handbook's weighting from factor analysis, on one component); a group with one child,
    too few complete rows or a constant child falls back on equal weights, which the note says.
    """
    raw = np.ones(len(plan.children))
    notes = []
    for position, start in enumerate(plan.starts):
        stop = start + plan.counts[position]
        kids = [codes[c] for c in plan.children[start:stop]]
        if how == "custom":
            raw[start:stop] = [framework.node(kid).weight for kid in kids]
            notes.append("weights as given in the framework")
        elif how == "pca" and len(kids) > 1:
            found = None if scores is None else first_component(scores[:, plan.children[start:stop]])
            if found is None:
                notes.append("PCA impossible (too few complete units or a constant child): equal weights")
            else:
                explained, first = found
                raw[start:stop] = first**2
                notes.append(f"squared loadings of the first principal component ({explained[0]:.0%} of variance)")
        else:
            notes.append("equal weights")
    totals = raw @ plan.membership
    return raw / totals[plan.owner], notes
