"""How much the ranks depend on the choices made: Monte Carlo uncertainty and Sobol sensitivity.

Each model evaluation draws one option for every discrete choice (imputation, outliers,
normalisation, aggregation) and one perturbation of the weights of each level, builds the index
and ranks the units. The draws come from SALib's Saltelli/Sobol design over the unit hypercube
(one dimension per choice; a dimension is cut into as many equal bins as the choice has options),
so the same evaluations give the rank intervals and the first-order (S1) and total (ST) Sobol
indices of each choice, computed on the mean absolute shift of the ranks from the nominal ones
(as COINr does).

What a discrete choice determines (the imputed, treated and normalised indicators) is computed
once per combination of options and cached; an evaluation is then only the weighted aggregation,
a few numpy matrix products per level.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .aggregate import Plan, aggregate_level, rank_min_descending
from .framework import Framework
from .impute import impute
from .method import AGGREGATIONS, DEFAULT_METHOD, IMPUTATIONS, NORMALISATIONS, OUTLIERS, Method
from .normalise import node_transform, normalise
from .pipeline import aggregate_all, check_data, compute, frame_to_dict, group_labels
from .treat import treat

# Each level's weight factor picks one of this many perturbations drawn beforehand.
WEIGHT_DRAWS = 256
RANK_COLUMNS = ["nominal_rank", "median_rank", "rank_p05", "rank_p95", "rank_mean"]


@dataclass(frozen=True)
class UncertaintyChoices:
    """The options the Monte Carlo draws from; a tuple of one option holds that choice fixed.

    ``weight_noise``: each weight is multiplied by a factor drawn from U(1 − noise, 1 + noise),
    then the weights of each group of siblings are renormalised to sum to 1 (0 = weights fixed).
    """

    weight_noise: float = 0.25
    normalisations: tuple[str, ...] = ("minmax", "zscore", "rank")
    aggregations: tuple[str, ...] = ("arithmetic", "geometric")
    imputations: tuple[str, ...] = ("none", "mean", "knn")
    outliers: tuple[str, ...] = ("winsorise", "none")

    def __post_init__(self):
        problems = []
        for name, options, allowed in (
            ("normalisations", self.normalisations, NORMALISATIONS),
            ("aggregations", self.aggregations, AGGREGATIONS),
            ("imputations", self.imputations, IMPUTATIONS),
            ("outliers", self.outliers, OUTLIERS),
        ):
            if not options:
                problems.append(f"{name} needs at least one option")
            unknown = [option for option in options if option not in allowed]
            if unknown:
                problems.append(f"{name} has unknown options {unknown}")
        if not 0 <= self.weight_noise < 1:
            problems.append("weight_noise must be at least 0 and below 1")
        if problems:
            raise ValueError("Invalid uncertainty choices: " + "; ".join(problems))

    def discrete(self) -> list[tuple[str, tuple[str, ...]]]:
        """(choice, options) in the order the method applies them."""
        return [
            ("imputation", tuple(self.imputations)),
            ("outliers", tuple(self.outliers)),
            ("normalisation", tuple(self.normalisations)),
            ("aggregation", tuple(self.aggregations)),
        ]


@dataclass
class Uncertainty:
    """``ranks``: per unit, the nominal rank and the median, 5th and 95th percentiles and mean of
    the ranks over the evaluations. ``sensitivity``: per choice, S1 and ST with their 95 %
    confidence half-widths, and the number of options (a choice held fixed has 0 by construction).
    ``node_ranks``: the same table for every aggregate, when asked for."""

    ranks: pd.DataFrame
    sensitivity: pd.DataFrame
    replications: int
    base_samples: int
    factors: list[str]
    samples: np.ndarray = field(repr=False)
    node_ranks: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def nominal_rank(self) -> pd.Series:
        return self.ranks["nominal_rank"]

    @property
    def median_rank(self) -> pd.Series:
        return self.ranks["median_rank"]

    @property
    def rank_p05(self) -> pd.Series:
        return self.ranks["rank_p05"]

    @property
    def rank_p95(self) -> pd.Series:
        return self.ranks["rank_p95"]

    @property
    def rank_mean(self) -> pd.Series:
        return self.ranks["rank_mean"]

    def to_dict(self) -> dict:
        """JSON-safe (NaN → None), without the raw samples."""
        return {
            "replications": self.replications,
            "base_samples": self.base_samples,
            "factors": list(self.factors),
            "ranks": frame_to_dict(self.ranks),
            "sensitivity": frame_to_dict(self.sensitivity),
            "node_ranks": {code: frame_to_dict(frame) for code, frame in self.node_ranks.items()},
        }


def base_samples(dimensions: int, replications: int) -> int:
    """The smallest power of two N with N × (D + 2) ≥ replications (Sobol designs want powers of two)."""
    return max(4, 2 ** math.ceil(math.log2(max(1, replications) / (dimensions + 2))))


def uncertainty(
    data: pd.DataFrame,
    framework: Framework,
    method: Method = DEFAULT_METHOD,
    *,
    choices: UncertaintyChoices = UncertaintyChoices(),
    replications: int = 1000,
    seed: int = 0,
    groups: pd.Series | None = None,
    every_aggregate: bool = False,
) -> Uncertainty:
    """Monte Carlo of ``choices`` around ``method``; about ``replications`` evaluations of the index.

    The drawn aggregation replaces ``method.aggregation``; levels named in
    ``method.aggregation_by_level`` keep their mean. Deterministic for a given ``seed``.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    raw = check_data(data, framework)
    units = [str(unit) for unit in data.index]
    labels = group_labels(groups, data.index)
    plan = Plan.of(framework)
    nominal = compute(data, framework, method, groups=groups)
    aggregates = framework.aggregates if every_aggregate else [framework.root]
    nominal_ranks = nominal.ranks[aggregates].to_numpy(dtype=float)

    discrete = [(name, options) for name, options in choices.discrete() if len(options) > 1]
    weight_levels = [
        position for position, level in enumerate(plan.levels) if choices.weight_noise > 0 and (level.counts > 1).any()
    ]
    factors = [name for name, _ in discrete] + [f"weights_level_{plan.levels[p].level}" for p in weight_levels]
    rng = np.random.default_rng(seed)
    multipliers = {
        p: rng.uniform(1 - choices.weight_noise, 1 + choices.weight_noise, (WEIGHT_DRAWS, len(plan.levels[p].children)))
        for p in weight_levels
    }

    if factors:
        n = base_samples(len(factors), replications)
        problem = {"num_vars": len(factors), "names": factors, "bounds": [[0.0, 1.0]] * len(factors)}
        design = sobol_sample.sample(problem, n, calc_second_order=False, scramble=True, seed=seed)
    else:
        n, problem, design = 1, None, np.zeros((1, 0))

    model = _Model(raw, units, labels, framework, plan, method)
    fixed = {name: options[0] for name, options in choices.discrete()}
    samples = np.full((len(design), len(units), len(aggregates)), np.nan, dtype=np.float32)
    columns = [plan.column[code] for code in aggregates]
    for row, point in enumerate(design):
        drawn = dict(fixed)
        for position, (name, options) in enumerate(discrete):
            drawn[name] = options[min(int(point[position] * len(options)), len(options) - 1)]
        draws = {
            p: min(int(point[len(discrete) + i] * WEIGHT_DRAWS), WEIGHT_DRAWS - 1) for i, p in enumerate(weight_levels)
        }
        scores = model.evaluate(drawn, {p: multipliers[p][draw] for p, draw in draws.items()})
        for k, column in enumerate(columns):
            x = scores[:, column]
            present = ~np.isnan(x)
            samples[row, present, k] = rank_min_descending(x[present])

    with np.errstate(all="ignore"):
        shifts = np.nanmean(np.abs(samples[:, :, 0] - nominal_ranks[None, :, 0]), axis=1)
    shifts = np.nan_to_num(shifts)
    sensitivity = _sensitivity(problem, shifts, factors, choices, seed, sobol_analyze)
    tables = {code: _rank_table(samples[:, :, k], nominal_ranks[:, k], data.index) for k, code in enumerate(aggregates)}
    return Uncertainty(
        ranks=tables[framework.root],
        sensitivity=sensitivity,
        replications=len(design),
        base_samples=n,
        factors=factors,
        samples=samples[:, :, aggregates.index(framework.root)],
        node_ranks=tables if every_aggregate else {},
    )


class _Model:
    """The index as a function of the drawn options, with everything a discrete option fixes cached."""

    def __init__(self, raw, units, labels, framework: Framework, plan: Plan, method: Method):
        self.raw, self.units, self.labels = raw, units, labels
        self.framework, self.plan, self.method = framework, plan, method
        self._imputed: dict = {}
        self._treated: dict = {}
        self._normalised: dict = {}
        self._weights: dict = {}
        self.floor = method.mean_floor * method.scale

    def normalised(self, imputation: str, outliers: str, normalisation: str) -> np.ndarray:
        key = (imputation, outliers, normalisation)
        if key not in self._normalised:
            method = self.method.replace(imputation=imputation, outliers=outliers, normalisation=normalisation)
            indicators, scratch = self.framework.indicators, []
            if imputation not in self._imputed:
                self._imputed[imputation] = impute(
                    self.raw, units=self.units, indicators=indicators, method=method, groups=self.labels, steps=scratch
                )
            if key[:2] not in self._treated:
                transformed = frozenset(code for code in indicators if self.framework.node(code).transform)
                treated = treat(
                    self._imputed[imputation],
                    units=self.units,
                    indicators=indicators,
                    method=method,
                    steps=scratch,
                    skip=transformed,
                )
                self._treated[key[:2]] = node_transform(
                    treated, units=self.units, framework=self.framework, indicators=indicators, steps=scratch
                )
            self._normalised[key] = normalise(
                self._treated[key[:2]],
                units=self.units,
                framework=self.framework,
                indicators=indicators,
                method=method,
                steps=scratch,
            )
        return self._normalised[key]

    def base_weights(self, drawn: dict) -> list[np.ndarray]:
        """The method's weights per level (PCA weights depend on the data, hence on the options)."""
        key = (drawn["imputation"], drawn["outliers"], drawn["normalisation"], drawn["aggregation"])
        if self.method.weights != "pca":
            key = ()
        if key not in self._weights:
            method = self.method.replace(aggregation=drawn["aggregation"])
            normalised = self.normalised(drawn["imputation"], drawn["outliers"], drawn["normalisation"])
            _, weights = aggregate_all(
                normalised, units=self.units, framework=self.framework, plan=self.plan, method=method, steps=None
            )
            self._weights[key] = [
                np.array([weights[self.plan.codes[child]] for child in level.children]) for level in self.plan.levels
            ]
        return self._weights[key]

    def evaluate(self, drawn: dict, multipliers: dict[int, np.ndarray]) -> np.ndarray:
        """The units × nodes scores for one evaluation."""
        normalised = self.normalised(drawn["imputation"], drawn["outliers"], drawn["normalisation"])
        base = self.base_weights(drawn)
        scores = np.empty((normalised.shape[0], len(self.plan.codes)))
        scores[:, : self.plan.indicators] = normalised
        method = self.method.replace(aggregation=drawn["aggregation"])
        for position, level in enumerate(self.plan.levels):
            weights = base[position]
            if position in multipliers:
                weights = weights * multipliers[position]
                weights = weights / (weights @ level.membership)[level.owner]
            aggregate_level(
                scores,
                level,
                weights,
                mean=method.mean_at(level.level),
                min_coverage=method.min_coverage,
                floor=self.floor,
            )
        return scores


def _rank_table(samples: np.ndarray, nominal: np.ndarray, index: pd.Index) -> pd.DataFrame:
    with np.errstate(all="ignore"):
        present = ~np.isnan(samples).all(axis=0)
        table = np.full((samples.shape[1], 5), np.nan)
        table[:, 0] = nominal
        if present.any():
            kept = samples[:, present].astype(float)
            table[present, 1] = np.nanmedian(kept, axis=0)
            table[present, 2] = np.nanpercentile(kept, 5, axis=0)
            table[present, 3] = np.nanpercentile(kept, 95, axis=0)
            table[present, 4] = np.nanmean(kept, axis=0)
    return pd.DataFrame(table, index=index.copy(), columns=RANK_COLUMNS)


def _sensitivity(problem, shifts, factors, choices: UncertaintyChoices, seed: int, analyze) -> pd.DataFrame:
    """S1 and ST per factor; the choices held fixed are listed with zeros."""
    rows = {}
    if factors and np.var(shifts) > 0:
        found = analyze.analyze(problem, shifts, calc_second_order=False, num_resamples=100, conf_level=0.95, seed=seed)
        for position, name in enumerate(factors):
            rows[name] = [found[key][position] for key in ("S1", "S1_conf", "ST", "ST_conf")]
    else:
        rows = {name: [0.0, 0.0, 0.0, 0.0] for name in factors}
    options = {name: len(values) for name, values in choices.discrete()}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["S1", "S1_conf", "ST", "ST_conf"])
    table["options"] = [options.get(name, WEIGHT_DRAWS) for name in table.index]
    for name, count in options.items():
        if count == 1:
            table.loc[name] = [0.0, 0.0, 0.0, 0.0, 1]
    if not any(name.startswith("weights") for name in table.index):
        table.loc["weights"] = [0.0, 0.0, 0.0, 0.0, 1]
    table["options"] = table["options"].astype(int)
    order = [name for name in options if name in table.index]
    return table.loc[order + sorted(name for name in table.index if name not in options)]
