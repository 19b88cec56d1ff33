"""Taming outliers: winsorisation, with a log transform when winsorising is not enough."""

from __future__ import annotations

import numpy as np

from .method import Method
from .steps import Step

# Values that include zero are shifted before the log so that they span 1 to LOG_SPAN in units of the offset.
LOG_SPAN = 100.0


def shape(values: np.ndarray) -> tuple[float, float]:
    """Sample skewness and excess kurtosis, bias-corrected (as spreadsheets' SKEW and KURT compute them).

    Written out rather than taken from scipy.stats, whose per-call overhead dominated treatment time.
    """
    n = len(values)
    if n < 4 or np.ptp(values) == 0:
        return 0.0, 0.0
    deviations = values - values.mean()
    squares = deviations * deviations
    m2, m3, m4 = squares.mean(), (squares * deviations).mean(), (squares * squares).mean()
    skew = m3 / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2)
    excess = m4 / m2**2 - 3
    kurtosis = ((n + 1) * excess + 6) * (n - 1) / ((n - 2) * (n - 3))
    return float(skew), float(kurtosis)


def fails(skew: float, kurtosis: float, method: Method) -> bool:
    return abs(skew) > method.skew_threshold and kurtosis > method.kurtosis_threshold


def treat(
    values: np.ndarray,
    *,
    units: list[str],
    indicators: list[str],
    method: Method,
    steps: list[Step],
    skip: frozenset[str] = frozenset(),
) -> np.ndarray:
    """A copy of ``values`` with each indicator that fails the skewness and kurtosis test treated.

    Indicators in ``skip`` (those with a transform of their own, which already deals with their
    skew) are left as they are.
    """
    treated = values.astype(float, copy=True)
    if method.outliers == "none":
        return treated
    for column, code in enumerate(indicators):
        if code in skip:
            continue
        present = np.flatnonzero(~np.isnan(treated[:, column]))
        x = treated[present, column]
        skew, kurtosis = shape(x)
        if not fails(skew, kurtosis, method):
            continue
        if method.outliers == "winsorise":
            winsorised, points, after = _winsorise(x, method)
            if not fails(*after, method):
                treated[present, column] = winsorised
                for position, side, rank in points:
                    steps.append(
                        Step(
                            "winsorise",
                            code,
                            units[present[position]],
                            float(x[position]),
                            float(winsorised[position]),
                            f"{side} value {rank} of {len(points)} winsorised; skewness {skew:.2f} → {after[0]:.2f},"
                            f" kurtosis {kurtosis:.2f} → {after[1]:.2f}",
                        )
                    )
                continue
            why = (
                f"winsorising {len(points)} points left skewness {after[0]:.2f} and kurtosis {after[1]:.2f}"
                f" over the thresholds; winsorisation undone"
            )
        else:
            why = "treated by log as chosen"
        logged = log_transform(x, skew)
        treated[present, column] = logged
        new_skew, new_kurtosis = shape(logged)
        steps.append(
            Step(
                "log",
                code,
                None,
                None,
                None,
                f"skewness {skew:.2f}, kurtosis {kurtosis:.2f}: {why}; log transform applied"
                f" (skewness {new_skew:.2f}, kurtosis {new_kurtosis:.2f} after)",
            )
        )
    return treated


def _winsorise(x: np.ndarray, method: Method) -> tuple[np.ndarray, list[tuple[int, str, int]], tuple[float, float]]:
    """Winsorise one point at a time, on the side the skew points to, until the test passes or the cap.

    Winsorising the k highest points sets them to the (k+1)-th highest value (the same for the lowest).
    Returns the values, the points treated (position, side, order) and the final skewness and kurtosis.
    """
    order = np.argsort(x, kind="stable")
    n = len(x)
    high = low = 0
    current = x.copy()
    skew, kurtosis = shape(current)
    while fails(skew, kurtosis, method) and high + low < method.max_winsorised and high + low + 2 < n:
        if skew > 0:
            high += 1
        else:
            low += 1
        current = x.copy()
        if high:
            current[order[n - high :]] = x[order[n - high - 1]]
        if low:
            current[order[:low]] = x[order[low]]
        skew, kurtosis = shape(current)
    points = [(int(order[n - k]), "highest", k) for k in range(1, high + 1)]
    points += [(int(order[k - 1]), "lowest", k) for k in range(1, low + 1)]
    return current, points, (skew, kurtosis)


def log_transform(x: np.ndarray, skew: float) -> np.ndarray:
    """Natural log of the values, the order kept.

    Positive values are logged as they are (the log of a ratio scale, whatever its unit). Values
    that include zero or less are first shifted so that the smallest becomes 1/99 of the range
    (the log(x + 1) of counts, without depending on the unit). A negative skew is mirrored:
    −log(max − x + 1/99 of the range).
    """
    low, high = np.min(x), np.max(x)
    if high == low:
        return x.copy()
    offset = (high - low) / (LOG_SPAN - 1)
    if skew < 0:
        return -np.log(high - x + offset)
    if low > 0:
        return np.log(x)
    return np.log(x - low + offset)
