"""Index computation: a framework's nodes and values given to the composite engine, results cached.

The engine (``creative_cities.composite``) is pure Python; this module builds its
``Framework`` from the nodes, the data matrix (cities × indicator codes) for a year, and
the groups for group imputation, then keeps what the pages show in the Django cache
under the version tokens of the indicator and registry tables: a page computes once per
change of the data, and every later visit reads the cache.
"""

import dataclasses
import math
from dataclasses import dataclass, field

import pandas as pd
from django.core.cache import cache

from creative_cities.core import versions

from . import selectors
from .models import Framework, Value

VERSIONS = [selectors.VERSION_SET, "registry"]
# Enough replications for ranks' intervals to settle on a page; computed once per version of the data.
PAGE_REPLICATIONS = 500
SEED = 0
CACHE_SECONDS = 24 * 3600


class ComputationError(ValueError):
    """The framework cannot be computed: its structure or method is refused by the engine."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class IndexResult:
    """What the dashboards show of one computation, in plain data (cities by slug)."""

    framework_id: int
    year: int
    root: str
    codes: list[str]
    scores: pd.DataFrame
    ranks: pd.DataFrame
    raw: pd.DataFrame
    steps: list[tuple] = field(default_factory=list)
    weights: dict = field(default_factory=dict)
    statistics: dict = field(default_factory=dict)

    @property
    def cities(self) -> list[str]:
        return list(self.scores.index)


def engine_framework(framework: Framework):
    """The engine's Framework for these nodes; ComputationError with every problem the engine finds."""
    from creative_cities.composite import Framework as EngineFramework
    from creative_cities.composite import Node as EngineNode

    nodes = selectors.node_list(framework=framework)
    by_id = {node.pk: node.code for node in nodes}
    try:
        return EngineFramework(
            [
                EngineNode(
                    code=node.code,
                    name=node.name_en,
                    parent=by_id.get(node.parent_id),
                    weight=node.weight,
                    direction=node.direction,
                    goalposts=(node.goalpost_low, node.goalpost_high)
                    if node.goalpost_low is not None and node.goalpost_high is not None
                    else None,
                    unit=node.unit,
                    transform=node.transform,
                )
                for node in nodes
            ]
        )
    except ValueError as error:
        raise ComputationError(_problem_list(error)) from error


def _problem_list(error: ValueError) -> list[str]:
    problems = getattr(error, "problems", None)
    if problems:
        return [str(problem) for problem in problems]
    items = [line[2:].strip() for line in str(error).splitlines() if line.startswith("- ")]
    return items or [str(error)]


def engine_method(framework: Framework):
    """The engine's Method from the framework's stored choices (unknown keys ignored)."""
    from creative_cities.composite import Method

    known = {item.name for item in dataclasses.fields(Method)}
    choices = {key: value for key, value in (framework.method or {}).items() if key in known}
    if choices.get("aggregation_by_level"):
        choices["aggregation_by_level"] = {int(key): value for key, value in choices["aggregation_by_level"].items()}
    try:
        return Method(**choices)
    except (TypeError, ValueError) as error:
        raise ComputationError(_problem_list(error)) from error


def data_matrix(*, framework: Framework, year: int, years_back: int = 0) -> pd.DataFrame:
    """Cities (by slug) × indicator codes: each city's value of the year, or its latest within ``years_back``."""
    leaves = [node.code for node in selectors.leaf_list(framework=framework)]
    rows = (
        Value.objects.filter(node__framework=framework, year__lte=year, year__gte=year - years_back)
        .order_by("year")
        .values_list("city__slug", "node__code", "value")
    )
    cells: dict[str, dict[str, float]] = {}
    for slug, code, value in rows:
        cells.setdefault(slug, {})[code] = value  # later years overwrite earlier ones
    frame = pd.DataFrame.from_dict(cells, orient="index", dtype=float).reindex(columns=leaves)
    return frame.sort_index()


def city_groups(slugs, by: str = "field") -> pd.Series:
    """Each city's creative field (``field``) or UNESCO region (``region``), by slug."""
    column = "field__code" if by == "field" else "country__region__code"
    pairs = dict(selectors.city_queryset().filter(slug__in=list(slugs)).values_list("slug", column))
    return pd.Series({slug: pairs.get(slug, "") for slug in slugs}, dtype=object)


def _group_by(framework: Framework) -> str:
    """Which groups group imputation uses: the cities' creative field (default) or region (``method["groups"]``)."""
    return "region" if (framework.method or {}).get("groups") == "region" else "field"


def _build(framework: Framework, year: int, years_back: int) -> IndexResult | None:
    from creative_cities.composite import compute

    engine = engine_framework(framework)
    method = engine_method(framework)
    data = data_matrix(framework=framework, year=year, years_back=years_back)
    data = data.dropna(how="all")
    if data.empty:
        return None
    groups = city_groups(data.index, _group_by(framework)) if method.imputation.startswith("group") else None
    try:
        result = compute(data, engine, method, groups=groups)
    except ValueError as error:
        raise ComputationError(_problem_list(error)) from error
    codes = [node.code for node in selectors.node_list(framework=framework)]
    steps = [
        (step.step, step.node, step.unit, step.before, step.after, step.note)
        for step in result.steps
        if step.unit is not None
    ]
    return IndexResult(
        framework_id=framework.pk,
        year=year,
        root=engine.root,
        codes=codes,
        scores=result.scores,
        ranks=result.ranks,
        raw=data,
        steps=steps,
        weights=dict(result.weights),
        statistics=_statistics(result, engine),
    )


def _statistics(result, engine) -> dict:
    """Cronbach's alpha of each aggregate, the warnings, and the share of the first principal component."""
    try:
        from creative_cities.composite import analyse
    except ImportError:
        return {}
    try:
        stats = analyse(result, engine)
    except ValueError:
        return {}
    first = {}
    indicators = (stats.pca or {}).get("indicators")
    if indicators and len(indicators.get("explained_variance_ratio", [])):
        first["indicators"] = _finite(indicators["explained_variance_ratio"][0])
    for code, entry in ((stats.pca or {}).get("nodes") or {}).items():
        if entry and len(entry.get("explained_variance_ratio", [])):
            first[code] = _finite(entry["explained_variance_ratio"][0])
    return {
        "cronbach_alpha": {str(code): _finite(alpha) for code, alpha in (stats.cronbach_alpha or {}).items()},
        "flags": [str(flag) for flag in stats.flags or []],
        "first_component": first,
    }


def _key(kind: str, framework: Framework, year: int, years_back: int) -> str:
    tokens = ":".join(versions.versions(VERSIONS))
    return f"indicators:{kind}:{framework.pk}:{year}:{years_back}:{tokens}"


def index_result(*, framework: Framework, year: int, years_back: int = 0) -> IndexResult | None:
    """The framework's index for a year (None without values), computed once per version of the data."""
    key = _key("result", framework, year, years_back)
    found = cache.get(key)
    if found is None:
        found = {"result": _build(framework, year, years_back)}
        cache.set(key, found, CACHE_SECONDS)
    return found["result"]


@dataclass
class RankIntervals:
    nominal: dict
    median: dict
    p05: dict
    p95: dict
    sensitivity: list[tuple[str, float, float]]
    replications: int


def rank_intervals(*, framework: Framework, year: int, years_back: int = 0) -> RankIntervals | None:
    """The Monte Carlo ranks of the cities (fixed seed), and the sensitivity of ranks to each choice; cached."""
    key = _key("uncertainty", framework, year, years_back)
    found = cache.get(key)
    if found is None:
        found = {"intervals": _uncertainty(framework, year, years_back)}
        cache.set(key, found, CACHE_SECONDS)
    return found["intervals"]


def _uncertainty(framework: Framework, year: int, years_back: int) -> RankIntervals | None:
    try:
        from creative_cities.composite import uncertainty
    except ImportError:
        return None
    engine = engine_framework(framework)
    method = engine_method(framework)
    data = data_matrix(framework=framework, year=year, years_back=years_back).dropna(how="all")
    if len(data) < 3:
        return None
    groups = city_groups(data.index, _group_by(framework)) if method.imputation.startswith("group") else None
    try:
        outcome = uncertainty(data, engine, method, replications=PAGE_REPLICATIONS, seed=SEED, groups=groups)
    except ValueError:
        return None
    sensitivity = []
    frame = getattr(outcome, "sensitivity", None)
    if frame is not None and len(frame):
        for choice, row in frame.iterrows():
            sensitivity.append((str(choice), _finite(row.get("S1")), _finite(row.get("ST"))))
    return RankIntervals(
        nominal=_series(outcome.nominal_rank),
        median=_series(outcome.median_rank),
        p05=_series(outcome.rank_p05),
        p95=_series(outcome.rank_p95),
        sensitivity=sensitivity,
        replications=PAGE_REPLICATIONS,
    )


def _series(values) -> dict:
    return {str(key): _finite(value) for key, value in pd.Series(values).items()}


def _finite(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def framework_check(framework: Framework) -> list[str]:
    """Every problem the engine finds in the framework's structure and method (empty: it can be computed)."""
    problems = []
    try:
        engine_framework(framework)
    except ComputationError as error:
        problems += error.problems
    try:
        engine_method(framework)
    except ComputationError as error:
        problems += error.problems
    return problems
