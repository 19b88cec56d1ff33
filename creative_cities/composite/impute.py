"""Estimating missing indicator values (imputation)."""

from __future__ import annotations

import numpy as np

from .method import Method
from .steps import Step


def impute(
    values: np.ndarray,
    *,
    units: list[str],
    indicators: list[str],
    method: Method,
    groups: np.ndarray | None,
    steps: list[Step],
) -> np.ndarray:
    """A copy of ``values`` (units × indicators) with missing values estimated by ``method.imputation``.

    Every estimated value is recorded as a step. An indicator with no value at all stays missing:
    nothing in the data can estimate it.
    """
    filled = values.astype(float, copy=True)
    missing = np.isnan(filled)
    choice = method.imputation
    if choice == "none" or not missing.any():
        return filled
    empty = missing.all(axis=0)
    for column in np.flatnonzero(empty):
        steps.append(Step("impute", indicators[column], None, None, None, "no value at all: left missing"))
    if empty.all():
        return filled
    if choice in ("mean", "median"):
        centre = _centre(filled, choice)
        rows, columns = np.nonzero(missing & ~empty)
        filled[rows, columns] = centre[columns]
        note = f"{choice} of the units with a value"
    elif choice in ("group_mean", "group_median"):
        if groups is None:
            raise ValueError(f"imputation={choice!r} needs groups (a Series giving each unit's group)")
        _impute_by_group(filled, missing & ~empty, groups, choice.removeprefix("group_"), units, indicators, steps)
        return filled
    elif choice == "knn":
        filled = _impute_knn(filled, empty, min(method.knn_neighbours, max(1, len(units) - 1)))
        note = f"mean of the {method.knn_neighbours} most similar units (standardised indicators)"
    elif choice == "regression":
        filled = _impute_regression(filled, empty)
        note = "regression on the other indicators (chained equations, Bayesian ridge)"
    else:  # Method validates its choices; this guards against a new one without code.
        raise ValueError(f"unknown imputation {choice!r}")
    columns, rows = np.nonzero((missing & ~empty).T)  # the record reads indicator by indicator
    steps.extend(
        Step("impute", indicators[c], units[r], None, float(filled[r, c]), note)
        for r, c in zip(rows, columns, strict=True)
    )
    return filled


def _centre(values: np.ndarray, how: str) -> np.ndarray:
    with np.errstate(all="ignore"):
        present = ~np.isnan(values)
        if how == "mean":
            return np.where(present, values, 0).sum(axis=0) / np.maximum(present.sum(axis=0), 1)
        return np.array([np.median(col[~np.isnan(col)]) if (~np.isnan(col)).any() else np.nan for col in values.T])


def _impute_by_group(
    filled: np.ndarray,
    to_fill: np.ndarray,
    groups: np.ndarray,
    how: str,
    units: list[str],
    indicators: list[str],
    steps: list[Step],
) -> None:
    """Each missing value gets its group's mean (median); a group with no value falls back on all units."""
    overall = _centre(filled, how)
    blank = [g is None or (isinstance(g, float) and np.isnan(g)) for g in groups]
    labels = np.array(["" if empty else str(g) for g, empty in zip(groups, blank, strict=True)], dtype=object)
    for column in np.flatnonzero(to_fill.any(axis=0)):
        col = filled[:, column]
        known = ~np.isnan(col)
        for row in np.flatnonzero(to_fill[:, column]):
            label = labels[row]
            peers = known & (labels == label) if label else np.zeros_like(known)
            if peers.any():
                value = float(np.mean(col[peers]) if how == "mean" else np.median(col[peers]))
                note = f"{how} of group {label!r} ({int(peers.sum())} units)"
            else:
                value = float(overall[column])
                why = f"group {label!r} has no value" if label else "unit has no group"
                note = f"{how} of all units ({why})"
            filled[row, column] = value
            steps.append(Step("impute", indicators[column], units[row], None, value, note))


def _standardise(values: np.ndarray, empty: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Z-scores of the columns that have values, so that no unit of measure dominates the distances."""
    usable = values[:, ~empty]
    with np.errstate(all="ignore"):
        mean = np.nanmean(usable, axis=0)
        sd = np.nanstd(usable, axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    return (usable - mean) / sd, mean, sd


def _impute_knn(values: np.ndarray, empty: np.ndarray, neighbours: int) -> np.ndarray:
    from sklearn.impute import KNNImputer

    z, mean, sd = _standardise(values, empty)
    imputed = KNNImputer(n_neighbors=neighbours, keep_empty_features=True).fit_transform(z)
    out = values.copy()
    out[:, ~empty] = imputed * sd + mean
    return out


def _impute_regression(values: np.ndarray, empty: np.ndarray) -> np.ndarray:
    from sklearn.experimental import enable_iterative_imputer  # noqa: F401 - registers IterativeImputer
    from sklearn.impute import IterativeImputer

    z, mean, sd = _standardise(values, empty)
    imputer = IterativeImputer(max_iter=10, random_state=0, keep_empty_features=True)
    out = values.copy()
    out[:, ~empty] = imputer.fit_transform(z) * sd + mean
    return out
