"""Bringing indicators to a common scale, with negative indicators flipped so that more is better."""

from __future__ import annotations

import numpy as np
from scipy import stats

from .framework import Framework
from .method import Method
from .steps import Step


def node_transform(
    values: np.ndarray, *, units: list[str], framework: Framework, indicators: list[str], steps: list[Step]
) -> np.ndarray:
    """Apply each indicator's own transform (log of GNI for the HDI, say); a non-positive value has no log."""
    out = values.astype(float, copy=True)
    for column, code in enumerate(indicators):
        if framework.node(code).transform != "log":
            continue
        col = out[:, column]
        bad = np.flatnonzero(~np.isnan(col) & (col <= 0))
        for row in bad:
            steps.append(Step("transform", code, units[row], float(col[row]), None, "no log of a value ≤ 0: missing"))
        with np.errstate(all="ignore"):
            out[:, column] = np.where(col > 0, np.log(np.where(col > 0, col, 1.0)), np.nan)
        steps.append(Step("transform", code, None, None, None, "natural log applied to the values and goalposts"))
    return out


def normalise(
    values: np.ndarray,
    *,
    units: list[str],
    framework: Framework,
    indicators: list[str],
    method: Method,
    steps: list[Step],
) -> np.ndarray:
    """Normalised indicators (units × indicators); the parameters used are recorded, one step per indicator."""
    choice, scale = method.normalisation, method.scale
    directions = np.array([framework.node(code).direction for code in indicators], dtype=float)
    if choice == "goalposts":
        return _goalposts(values, framework=framework, indicators=indicators, scale=scale, steps=steps)
    out = np.full_like(values, np.nan, dtype=float)
    reference_row = None
    if choice == "reference":
        if method.reference_unit not in units:
            raise ValueError(f"reference unit {method.reference_unit!r} is not among the units")
        reference_row = units.index(method.reference_unit)
    for column, code in enumerate(indicators):
        x = values[:, column]
        present = ~np.isnan(x)
        direction = directions[column]
        if not present.any():
            steps.append(Step("normalise", code, None, None, None, "no value: left missing"))
            continue
        if choice == "minmax":
            low, high = float(np.min(x[present])), float(np.max(x[present]))
            if high == low:
                steps.append(Step("normalise", code, None, None, None, f"constant ({low:g}): no spread, left missing"))
                continue
            share = (x - low) / (high - low)
            out[:, column] = (share if direction > 0 else 1 - share) * scale
            note = f"min-max: min {low:g}, max {high:g}, direction {int(direction)}, scale 0–{scale:g}"
        elif choice == "zscore":
            mean = float(np.mean(x[present]))
            sd = float(np.std(x[present], ddof=1)) if present.sum() > 1 else 0.0
            if sd == 0:
                steps.append(Step("normalise", code, None, None, None, f"constant ({mean:g}): no spread, left missing"))
                continue
            out[:, column] = method.zscore_mean + method.zscore_sd * direction * (x - mean) / sd
            note = (
                f"z-score: mean {mean:g}, standard deviation {sd:g}, direction {int(direction)},"
                f" rescaled to mean {method.zscore_mean:g} and sd {method.zscore_sd:g}"
            )
        elif choice == "rank":
            count = int(present.sum())
            ranks = stats.rankdata(direction * x[present], method="average")
            out[present, column] = (ranks - 1) / (count - 1) * scale if count > 1 else scale / 2
            note = f"percentile rank among {count} units (ties share their mean rank), direction {int(direction)}"
        else:  # reference
            reference = x[reference_row]
            if np.isnan(reference) or reference == 0:
                note = f"the reference unit {method.reference_unit!r} has no usable value: left missing"
                steps.append(Step("normalise", code, None, None, None, note))
                continue
            with np.errstate(all="ignore"):
                ratio = x / reference if direction > 0 else np.where(x > 0, reference / x, np.nan)
            out[:, column] = ratio * scale
            how = "value / reference" if direction > 0 else "reference / value (less is better)"
            note = f"distance to {method.reference_unit!r} ({reference:g}): {how} × {scale:g}"
        steps.append(Step("normalise", code, None, None, None, note))
    return out


def _goalposts(
    values: np.ndarray, *, framework: Framework, indicators: list[str], scale: float, steps: list[Step]
) -> np.ndarray:
    """Distance between the goalposts, capped to 0–1 (the HDR's dimension indices), × scale."""
    missing = [code for code in indicators if framework.node(code).goalposts is None]
    if missing:
        raise ValueError("goalposts normalisation needs goalposts for every indicator; missing: " + ", ".join(missing))
    out = np.empty_like(values, dtype=float)
    for column, code in enumerate(indicators):
        node = framework.node(code)
        low, high = node.goalposts
        if node.transform == "log":
            low, high = float(np.log(low)), float(np.log(high))
        share = np.clip((values[:, column] - low) / (high - low), 0.0, 1.0)
        out[:, column] = (share if node.direction > 0 else 1 - share) * scale
        shown = f"log goalposts {low:.6g}–{high:.6g}" if node.transform == "log" else f"goalposts {low:g}–{high:g}"
        note = f"{shown}, capped, direction {node.direction}, scale {scale:g}"
        steps.append(Step("normalise", code, None, None, None, note))
    return out
