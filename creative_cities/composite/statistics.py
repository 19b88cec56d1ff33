"""Statistical coherence of an index: correlations, Cronbach's alpha, principal components, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd

from .framework import Framework
from .pipeline import Result, frame_to_dict
from .steps import json_number
from .weights import first_component

# The Handbook's and COINr's usual warning thresholds.
ALPHA_MIN = 0.7
FIRST_COMPONENT_MIN = 0.5
COLLINEAR_ABOVE = 0.92


@dataclass
class Statistics:
    """``correlations``: "indicators" (Pearson, indicators × indicators), "within" (each node with its
    parent and its other ancestors, one row per node), "across_levels" (Spearman between the scores
    of the aggregates and the index). ``cronbach_alpha``: per aggregate, over its children.
    ``pca``: "indicators" (all indicators) and "nodes" (per aggregate with two children or more),
    each with the explained variance ratio of every component and the first component's loadings.
    ``flags``: readable warnings."""

    correlations: dict[str, pd.DataFrame]
    cronbach_alpha: dict[str, float]
    pca: dict[str, dict]
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "correlations": {name: frame_to_dict(frame) for name, frame in self.correlations.items()},
            "cronbach_alpha": {code: json_number(alpha) for code, alpha in self.cronbach_alpha.items()},
            "pca": {
                "indicators": _pca_to_dict(self.pca["indicators"]),
                "nodes": {code: _pca_to_dict(entry) for code, entry in self.pca["nodes"].items()},
            },
            "flags": list(self.flags),
        }


def _pca_to_dict(entry: dict | None) -> dict | None:
    if entry is None:
        return None
    return {
        "explained_variance_ratio": [json_number(v) for v in entry["explained_variance_ratio"]],
        "loadings": {code: json_number(v) for code, v in entry["loadings"].items()},
        "units": entry["units"],
    }


def cronbach_alpha(values: np.ndarray) -> float:
    """Cronbach's alpha of the columns over the complete rows; NaN under two columns or rows."""
    complete = values[~np.isnan(values).any(axis=1)]
    items = complete.shape[1]
    if items < 2 or complete.shape[0] < 2:
        return float("nan")
    total_variance = complete.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        return float("nan")
    return float(items / (items - 1) * (1 - complete.var(axis=0, ddof=1).sum() / total_variance))


def principal_components(frame: pd.DataFrame) -> dict | None:
    """Explained variance ratios and first-component loadings (correlations of each column with it)."""
    found = first_component(frame.to_numpy(dtype=float))
    if found is None:
        return None
    ratios, first = found
    loadings = first * np.sqrt(ratios[0] * frame.shape[1])
    return {
        "explained_variance_ratio": ratios.tolist(),
        "loadings": dict(zip(frame.columns, loadings.tolist(), strict=True)),
        "units": int((~frame.isna().any(axis=1)).sum()),
    }


def analyse(result: Result, framework: Framework) -> Statistics:
    """Correlations, Cronbach's alpha, principal components and warnings for ``result``."""
    scores = result.scores
    indicators = result.normalised.corr(method="pearson")
    within = _within(scores, framework)
    aggregates = framework.aggregates
    across = scores[aggregates].corr(method="spearman")
    alphas, pcas = {}, {}
    for code in aggregates:
        kids = framework.children(code)
        alphas[code] = cronbach_alpha(scores[kids].to_numpy(dtype=float)) if len(kids) > 1 else float("nan")
        if len(kids) > 1:
            pcas[code] = principal_components(scores[kids])
    pca = {"indicators": principal_components(result.normalised), "nodes": pcas}
    flags = _flags(framework, indicators, within, scores, alphas, pcas)
    return Statistics(
        correlations={"indicators": indicators, "within": within, "across_levels": across},
        cronbach_alpha=alphas,
        pca=pca,
        flags=flags,
    )


def _within(scores: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Each node's Pearson correlation with its parent and with its ancestor at every higher level."""
    top = len(framework.levels)
    every = scores.corr(method="pearson")
    rows = []
    for code in [*framework.indicators, *framework.aggregates]:
        if code == framework.root:
            continue
        row = {"node": code, "level": framework.level_of(code), "parent": framework.parent(code)}
        row["r_parent"] = every.loc[code, row["parent"]]
        for ancestor in framework.ancestors(code):
            row[f"r_level_{framework.level_of(ancestor)}"] = every.loc[code, ancestor]
        rows.append(row)
    columns = ["level", "parent", "r_parent", *[f"r_level_{k}" for k in range(2, top + 1)]]
    return pd.DataFrame(rows).set_index("node").reindex(columns=columns)


def _flags(
    framework: Framework,
    indicators: pd.DataFrame,
    within: pd.DataFrame,
    scores: pd.DataFrame,
    alphas: dict[str, float],
    pcas: dict[str, dict | None],
) -> list[str]:
    flags = []
    for code in framework.aggregates:
        kids = framework.children(code)
        pairs = scores[kids].corr(method="pearson")
        for a, b in combinations(kids, 2):
            r = pairs.loc[a, b]
            if r < 0:
                flags.append(f"{a} and {b} correlate negatively within {code} (r = {r:.2f})")
        for kid in kids:
            r = within.loc[kid, "r_parent"]
            if r < 0:
                flags.append(f"{kid} correlates negatively with its parent {code} (r = {r:.2f})")
        alpha = alphas[code]
        if not np.isnan(alpha) and alpha < ALPHA_MIN:
            flags.append(
                f"Cronbach's alpha of {code} is {alpha:.2f} (< {ALPHA_MIN}): its children may not measure one thing"
            )
        pca = pcas.get(code)
        if pca is not None and pca["explained_variance_ratio"][0] < FIRST_COMPONENT_MIN:
            share = pca["explained_variance_ratio"][0]
            flags.append(
                f"the first principal component of {code} explains {share:.0%} of its children's variance"
                f" (< {FIRST_COMPONENT_MIN:.0%}): they may not measure one thing"
            )
    matrix, codes = indicators.to_numpy(), list(indicators.columns)
    for i, j in zip(*np.nonzero(np.triu(np.nan_to_num(matrix) > COLLINEAR_ABOVE, k=1)), strict=True):
        a, b, r = codes[i], codes[j], matrix[i, j]
        flags.append(f"{a} and {b} are collinear (r = {r:.2f} > {COLLINEAR_ABOVE}): one may be redundant")
    return flags
