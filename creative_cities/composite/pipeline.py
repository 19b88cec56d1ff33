"""From raw indicators to scores and ranks: imputation, treatment, normalisation, weights, aggregation."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .aggregate import Plan, aggregate_level, ranks
from .framework import Framework
from .impute import impute
from .method import DEFAULT_METHOD, Method
from .normalise import node_transform, normalise
from .steps import Step, json_number
from .treat import treat
from .weights import level_weights


@dataclass
class Result:
    """Everything ``compute`` produced: the data at each stage, the scores, the ranks, and the record.

    ``scores`` and ``ranks`` have one column per node (indicators first, then aggregates level by
    level up to the index); an indicator's score is its normalised value. Ranks: 1 = best, ties
    share the best rank. ``weights`` are the effective weights within each group of siblings.
    """

    imputed: pd.DataFrame
    treated: pd.DataFrame
    normalised: pd.DataFrame
    scores: pd.DataFrame
    ranks: pd.DataFrame
    weights: dict[str, float]
    steps: list[Step]
    method: Method = field(default_factory=Method)

    def to_dict(self) -> dict:
        """JSON-safe (NaN → None), for caches and APIs."""
        return {
            "method": self.method.to_dict(),
            "imputed": frame_to_dict(self.imputed),
            "treated": frame_to_dict(self.treated),
            "normalised": frame_to_dict(self.normalised),
            "scores": frame_to_dict(self.scores),
            "ranks": frame_to_dict(self.ranks, integers=True),
            "weights": {code: json_number(weight) for code, weight in self.weights.items()},
            "steps": [step.to_dict() for step in self.steps],
        }


def frame_to_dict(frame: pd.DataFrame, *, integers: bool = False) -> dict:
    """A DataFrame as {"index", "columns", "data"} (rows of values, None where missing)."""
    if all(pd.api.types.is_numeric_dtype(dtype) for dtype in frame.dtypes):
        rows = frame.to_numpy(dtype=float).tolist()
        convert = (lambda v: None if np.isnan(v) else int(v)) if integers else json_number
    else:
        rows = frame.astype(object).to_numpy().tolist()

        def convert(value):
            if isinstance(value, str) or value is None:
                return value
            return json_number(value)

    return {
        "index": [str(label) for label in frame.index],
        "columns": [str(label) for label in frame.columns],
        "data": [[convert(v) for v in row] for row in rows],
    }


def check_data(data: pd.DataFrame, framework: Framework) -> np.ndarray:
    """The indicator columns as floats, in the framework's order; every problem reported at once."""
    problems = []
    indicators = framework.indicators
    columns = [str(c) for c in data.columns]
    missing = [code for code in indicators if code not in columns]
    extra = [c for c in columns if c not in framework.indicators]
    if missing:
        problems.append("missing indicator columns: " + ", ".join(missing))
    if extra:
        problems.append("columns that are not indicators of the framework: " + ", ".join(extra))
    if len(set(columns)) != len(columns):
        problems.append("duplicate columns")
    if not data.index.is_unique:
        problems.append("duplicate units in the index: " + ", ".join(map(str, data.index[data.index.duplicated()])))
    if len(data.index) == 0:
        problems.append("no units")
    if problems:
        raise ValueError("Invalid data: " + "; ".join(problems))
    frame = data.copy()
    frame.columns = columns
    try:
        values = np.array(frame[indicators].apply(pd.to_numeric, errors="raise"), dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"Invalid data: indicator values must be numbers ({error})") from error
    values[np.isinf(values)] = np.nan
    return values


def group_labels(groups: pd.Series | None, units: pd.Index) -> np.ndarray | None:
    if groups is None:
        return None
    return groups.reindex(units).to_numpy(dtype=object)


def indicator_stages(
    raw: np.ndarray,
    *,
    units: list[str],
    framework: Framework,
    method: Method,
    groups: np.ndarray | None,
    steps: list[Step],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Imputed, treated and normalised indicator matrices (units × indicators)."""
    indicators = framework.indicators
    imputed = impute(raw, units=units, indicators=indicators, method=method, groups=groups, steps=steps)
    transformed = frozenset(code for code in indicators if framework.node(code).transform)
    treated = treat(imputed, units=units, indicators=indicators, method=method, steps=steps, skip=transformed)
    ready = node_transform(treated, units=units, framework=framework, indicators=indicators, steps=steps)
    normalised = normalise(ready, units=units, framework=framework, indicators=indicators, method=method, steps=steps)
    return imputed, treated, normalised


def aggregate_all(
    normalised: np.ndarray,
    *,
    units: list[str],
    framework: Framework,
    plan: Plan,
    method: Method,
    steps: list[Step] | None,
) -> tuple[np.ndarray, dict[str, float]]:
    """The units × nodes score matrix and the effective weights, level by level from the indicators up."""
    scores = np.full((normalised.shape[0], len(plan.codes)), np.nan)
    scores[:, : plan.indicators] = normalised
    weights: dict[str, float] = {framework.root: 1.0}
    floor = method.mean_floor * method.scale
    for level in plan.levels:
        w, notes = level_weights(framework, level, plan.codes, method.weights, scores)
        mean = method.mean_at(level.level)
        outcome = aggregate_level(scores, level, w, mean=mean, min_coverage=method.min_coverage, floor=floor)
        for child, weight in zip(level.children, w, strict=True):
            weights[plan.codes[child]] = float(weight)
        if steps is None:
            continue
        for position, parent_column in enumerate(level.parents):
            parent = plan.codes[parent_column]
            start, count = level.starts[position], level.counts[position]
            for child, weight in zip(level.children[start : start + count], w[start : start + count], strict=True):
                steps.append(Step("weight", plan.codes[child], None, None, float(weight), notes[position]))
            note = f"{mean} mean of {count} children"
            if outcome.shifts[position]:
                shift = float(outcome.shifts[position])
                note += f"; children shifted by +{shift:g} (a value ≤ 0) and the mean shifted back"
            steps.append(Step("aggregate", parent, None, None, None, note))
            short = np.flatnonzero(outcome.available[:, position] < count)
            for row in short:
                available = int(outcome.available[row, position])
                score = scores[row, parent_column]
                if np.isnan(score):
                    why = (
                        "no child has a value"
                        if available == 0
                        else f"below the minimum coverage {method.min_coverage:g}"
                    )
                    text = f"{available} of {count} children have a value: {why}, no score"
                else:
                    text = f"{available} of {count} children have a value: weights renormalised over them"
                steps.append(Step("coverage", parent, units[row], None, float(score), text))
    return scores, weights


def compute(
    data: pd.DataFrame, framework: Framework, method: Method = DEFAULT_METHOD, *, groups: pd.Series | None = None
) -> Result:
    """Build the composite index of ``data`` (rows = units, columns = the framework's indicators).

    ``groups`` (a Series indexed by unit) is needed by the group imputations.
    """
    raw = check_data(data, framework)
    unit_index = data.index
    units = [str(unit) for unit in unit_index]
    steps: list[Step] = []
    imputed, treated, normalised = indicator_stages(
        raw, units=units, framework=framework, method=method, groups=group_labels(groups, unit_index), steps=steps
    )
    plan = Plan.of(framework)
    scores, weights = aggregate_all(normalised, units=units, framework=framework, plan=plan, method=method, steps=steps)
    indicators = framework.indicators

    def frame(values: np.ndarray, columns: list[str]) -> pd.DataFrame:
        return pd.DataFrame(values, index=unit_index.copy(), columns=columns)

    return Result(
        imputed=frame(imputed, indicators),
        treated=frame(treated, indicators),
        normalised=frame(normalised, indicators),
        scores=frame(scores, plan.codes),
        ranks=frame(ranks(scores), plan.codes),
        weights={code: weights[code] for code in plan.codes},
        steps=steps,
        method=method,
    )
