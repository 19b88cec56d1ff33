"""The methodological choices of a composite index, with the JRC's usual choices as defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

IMPUTATIONS = ("none", "mean", "median", "group_mean", "group_median", "regression", "knn")
OUTLIERS = ("none", "winsorise", "log")
NORMALISATIONS = ("minmax", "zscore", "rank", "reference", "goalposts")
WEIGHTS = ("equal", "custom", "pca")
AGGREGATIONS = ("arithmetic", "geometric", "harmonic")


@dataclass(frozen=True)
class Method:
    """How to go from raw indicators to an index (see docs/composite-indices.md for each step).

    Outliers: an indicator whose |skewness| > ``skew_threshold`` and kurtosis > ``kurtosis_threshold``
    is winsorised one point at a time, up to ``max_winsorised`` points; if that does not bring it
    under the thresholds, the winsorisation is undone and the indicator is log-transformed instead.

    Normalisation puts indicators on ``scale`` (0–scale for minmax and rank, value/reference × scale,
    goalposts capped to 0–scale); z-scores are ``zscore_mean + zscore_sd × z``.

    Aggregation uses ``aggregation`` at every level, except the levels named in
    ``aggregation_by_level`` (level 2 aggregates indicators, the index has the highest level).
    A unit whose share of available children is below ``min_coverage`` gets no score for that node.
    Geometric and harmonic means need positive values: when a node's children include a value at
    or below zero, all its children are shifted by one constant (so that the smallest becomes
    ``mean_floor`` × scale), averaged, and shifted back.
    """

    imputation: str = "none"
    knn_neighbours: int = 5
    outliers: str = "winsorise"
    skew_threshold: float = 2.0
    kurtosis_threshold: float = 3.5
    max_winsorised: int = 5
    normalisation: str = "minmax"
    scale: float = 100.0
    reference_unit: str | None = None
    zscore_mean: float = 0.0
    zscore_sd: float = 1.0
    weights: str = "custom"
    aggregation: str = "arithmetic"
    aggregation_by_level: dict[int, str] | None = field(default=None, hash=False)
    min_coverage: float = 0.0
    mean_floor: float = 0.001

    def __post_init__(self):
        problems = []
        for name, value, allowed in (
            ("imputation", self.imputation, IMPUTATIONS),
            ("outliers", self.outliers, OUTLIERS),
            ("normalisation", self.normalisation, NORMALISATIONS),
            ("weights", self.weights, WEIGHTS),
            ("aggregation", self.aggregation, AGGREGATIONS),
        ):
            if value not in allowed:
                problems.append(f"{name}={value!r} is not one of {', '.join(allowed)}")
        for level, mean in (self.aggregation_by_level or {}).items():
            if mean not in AGGREGATIONS:
                problems.append(f"aggregation_by_level[{level}]={mean!r} is not one of {', '.join(AGGREGATIONS)}")
            if not isinstance(level, int) or level < 2:
                problems.append(f"aggregation_by_level has level {level!r}; aggregates start at level 2")
        if self.knn_neighbours < 1:
            problems.append("knn_neighbours must be at least 1")
        if self.max_winsorised < 0:
            problems.append("max_winsorised must be 0 or more")
        if self.scale <= 0:
            problems.append("scale must be positive")
        if self.zscore_sd <= 0:
            problems.append("zscore_sd must be positive")
        if not 0 <= self.min_coverage <= 1:
            problems.append("min_coverage must be between 0 and 1")
        if self.mean_floor <= 0:
            problems.append("mean_floor must be positive")
        if self.normalisation == "reference" and not self.reference_unit:
            problems.append("the reference normalisation needs reference_unit")
        if problems:
            raise ValueError("Invalid method: " + "; ".join(problems))

    def mean_at(self, level: int) -> str:
        """The mean used to compute the aggregates of ``level``."""
        return (self.aggregation_by_level or {}).get(level, self.aggregation)

    def replace(self, **changes) -> Method:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update(changes)
        return Method(**values)

    def to_dict(self) -> dict:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["aggregation_by_level"] = {str(k): v for k, v in (self.aggregation_by_level or {}).items()} or None
        return values


# The default of every function taking a method: the JRC's usual choices.
DEFAULT_METHOD = Method()
