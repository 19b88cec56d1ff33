"""What the dashboards show, as rows: built from the cached computation, shared by pages, downloads and the API."""

from statistics import median

import pandas as pd
from django.db.models import Count
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from creative_cities.core import versions
from creative_cities.core.links import page_urls

from . import charts, computation, selectors
from .models import Framework, Value


def _round(value, digits=1):
    return None if value is None or pd.isna(value) else round(float(value), digits)


def city_info(slugs) -> dict[str, dict]:
    """Name, field, region and population of cities, by slug (every city's, cached per version of the registry)."""
    every = versions.cached(["registry"], "indicators-city-info", _every_city_info)
    return {slug: every[slug] for slug in slugs if slug in every}


def _every_city_info() -> dict[str, dict]:
    url = page_urls("cities:city_detail", "slug")
    rows = selectors.city_queryset().values(
        "slug",
        "name",
        "population",
        "field__code",
        "field__name_en",
        "field__name_fr",
        "field__name_es",
        "country__region__name_en",
        "country__region__name_fr",
        "country__region__name_es",
    )
    language = get_language() or "en"
    suffix = language[:2] if language[:2] in ("en", "fr", "es") else "en"
    return {
        row["slug"]: {
            "name": row["name"],
            "slug": row["slug"],
            "field": row[f"field__name_{suffix}"] or row["field__name_en"],
            "field_code": row["field__code"],
            "region": row[f"country__region__name_{suffix}"] or row["country__region__name_en"],
            "population": row["population"],
            "url": url(row["slug"]),
        }
        for row in rows
    }


def nodes(framework: Framework) -> list:
    """The framework's nodes in tree order, cached per version of the indicator tables."""
    return versions.cached(
        [selectors.VERSION_SET], f"indicators-nodes:{framework.pk}", lambda: selectors.node_list(framework=framework)
    )


def leaves(framework: Framework) -> list:
    return [node for node in nodes(framework) if node.is_leaf]


def years(framework: Framework) -> list[int]:
    """The years with values, latest first; cached per version of the data."""
    return versions.cached(
        computation.VERSIONS, f"indicators-years:{framework.pk}", lambda: selectors.value_years(framework=framework)
    )


def ranking_rows(*, framework: Framework, year: int, back: int = 0) -> list[dict]:
    """One row per city: index score and rank, rank interval, sub-index scores; best first. Cached."""
    key = f"indicators-ranking:{framework.pk}:{year}:{back}"
    return versions.cached(computation.VERSIONS, key, lambda: _ranking_rows(framework, year, back))


def _ranking_rows(framework: Framework, year: int, back: int) -> list[dict]:
    result = computation.index_result(framework=framework, year=year, years_back=back)
    if result is None:
        return []
    intervals = computation.rank_intervals(framework=framework, year=year, years_back=back)
    subs = subindex_codes(framework)
    info = city_info(result.cities)
    rows = []
    for slug in result.cities:
        score = result.scores.at[slug, result.root]
        rows.append(
            {
                **info.get(slug, {"name": slug, "slug": slug, "field": "", "region": "", "url": ""}),
                "score": _round(score),
                "rank": _round(result.ranks.at[slug, result.root], 0),
                "median_rank": intervals.median.get(slug) if intervals else None,
                "p05": intervals.p05.get(slug) if intervals else None,
                "p95": intervals.p95.get(slug) if intervals else None,
                "subs": [_round(result.scores.at[slug, code]) for code in subs],
            }
        )
    rows.sort(key=lambda row: (row["rank"] is None, row["rank"] or 0, row["name"]))
    return rows


def subindex_codes(framework: Framework) -> list[str]:
    """The root's children: the sub-indices (or dimensions) the index is made of."""
    every = nodes(framework)
    root = next((node for node in every if node.parent_id is None), None)
    return [node.code for node in every if root is not None and node.parent_id == root.pk]


def node_names(framework: Framework) -> dict[str, str]:
    return {node.code: node.name for node in nodes(framework)}


def quartiles(values: list[float]) -> dict:
    series = pd.Series([value for value in values if value is not None], dtype=float).dropna()
    if series.empty:
        return {"q1": None, "median": None, "q3": None, "count": 0}
    return {
        "q1": _round(series.quantile(0.25)),
        "median": _round(series.median()),
        "q3": _round(series.quantile(0.75)),
        "count": int(series.size),
    }


def distribution_rows(rows: list[dict], key: str) -> list[dict]:
    """Quartiles of the index score for each group (creative field or region)."""
    groups: dict[str, list[float]] = {}
    for row in rows:
        groups.setdefault(row.get(key) or "—", []).append(row["score"])
    return [{"label": label, **quartiles(values)} for label, values in sorted(groups.items())]


def coverage_rows(*, framework: Framework, year: int) -> list[dict]:
    """For each indicator, how many cities have a value for the year."""
    counts = dict(
        Value.objects.filter(node__framework=framework, year=year).values_list("node_id").annotate(n=Count("id"))
    )
    return [{"code": node.code, "name": node.name, "cities": counts.get(node.pk, 0)} for node in leaves(framework)]


def trend_rows(*, framework: Framework) -> list[dict]:
    """The network's median of each indicator in each year with values."""
    every_year = sorted(years(framework))
    by_node: dict[str, dict[int, list[float]]] = {}
    for code, year, value in Value.objects.filter(node__framework=framework).values_list("node__code", "year", "value"):
        by_node.setdefault(code, {}).setdefault(year, []).append(value)
    rows = []
    for node in leaves(framework):
        per_year = by_node.get(node.code, {})
        points = [(year, round(median(per_year[year]), 2)) for year in every_year if per_year.get(year)]
        rows.append({"code": node.code, "name": node.name, "points": points})
    return rows


def index_trend_row(*, framework: Framework, back: int = 0) -> dict | None:
    """The network's median of the index in each year with values (each year's index computed once, cached)."""
    points = []
    for year in sorted(years(framework)):
        result = computation.index_result(framework=framework, year=year, years_back=back)
        if result is not None:
            scores = result.scores[result.root].dropna()
            if len(scores):
                points.append((year, round(float(scores.median()), 2)))
    if not points:
        return None
    names = node_names(framework)
    root = next(iter(names), "")
    return {"code": root, "name": names.get(root, root), "points": points}


def statistics_rows(*, framework: Framework, year: int, back: int = 0) -> dict:
    """The engine's statistics, each node named by its code and name."""
    result = computation.index_result(framework=framework, year=year, years_back=back)
    if not result or not result.statistics:
        return {}
    names = node_names(framework)

    def named(values: dict) -> dict:
        return {(f"{code} {names[code]}" if code in names else code): value for code, value in values.items()}

    statistics = dict(result.statistics)
    statistics["cronbach_alpha"] = named(statistics.get("cronbach_alpha", {}))
    statistics["first_component"] = named(statistics.get("first_component", {}))
    return statistics


def sensitivity_rows(*, framework: Framework, year: int, back: int = 0) -> list[dict]:
    intervals = computation.rank_intervals(framework=framework, year=year, years_back=back)
    if not intervals:
        return []
    return [{"choice": choice, "s1": _round(s1, 3), "st": _round(st, 3)} for choice, s1, st in intervals.sensitivity]


def _chart_top(rows: list[dict]) -> int:
    """The worst rank the chart must reach: the last shown city's, or the end of an interval."""
    ranks = [value for row in rows for value in (row["rank"], row["p95"]) if value is not None]
    return max(2, int(max(ranks, default=2)))


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    return number_format(value, digits if digits else 0, use_l10n=True)


def ranking_table_html(rows: list[dict], framework: Framework) -> SafeString:
    """The ranking table's body: hundreds of rows, written here with every value escaped (faster than a template)."""
    url = page_urls("indicators:city_dashboard", "slug")
    query = f"?framework={framework.slug}"
    lines = []
    for row in rows:
        interval = f"{_cell(row['p05'], 0)}–{_cell(row['p95'], 0)}" if row["p05"] is not None else "—"
        subs = "".join(f'<td class="num">{_cell(value)}</td>' for value in row["subs"])
        lines.append(
            f'<tr><td class="num">{_cell(row["rank"], 0)}</td>'
            f'<th scope="row"><a href="{escape(url(row["slug"]) + query)}">{escape(row["name"])}</a></th>'
            f'<td class="num">{_cell(row["score"])}</td><td class="num">{_cell(row["median_rank"], 0)}</td>'
            f"<td>{interval}</td>{subs}</tr>"
        )
    return mark_safe("".join(lines))  # noqa: S308 - every value escaped or a formatted number


def network_context(*, framework: Framework, year: int, back: int = 0) -> dict:
    """Everything the network dashboard shows, computed once per version of the data and language."""
    key = f"indicators-network:{framework.pk}:{year}:{back}"
    return versions.cached(computation.VERSIONS, key, lambda: _network_context(framework, year, back))


def _network_context(framework: Framework, year: int, back: int) -> dict:
    rows = ranking_rows(framework=framework, year=year, back=back)
    names = node_names(framework)
    subs = subindex_codes(framework)
    sensitivity = sensitivity_rows(framework=framework, year=year, back=back)
    index_trend = index_trend_row(framework=framework, back=back)
    trends = ([index_trend] if index_trend else []) + trend_rows(framework=framework)
    for index, row in enumerate(trends):
        row["chart"] = charts.sparkline(row["points"], title=row["name"], chart_id=f"trend-{index}")
        row["points_text"] = "; ".join(
            f"{year}: {number_format(value, use_l10n=True)}" for year, value in row["points"]
        )
    by_field = distribution_rows(rows, "field")
    by_region = distribution_rows(rows, "region")
    return {
        "rows": rows,
        "ranking_html": ranking_table_html(rows, framework),
        "sub_names": [names.get(code, code) for code in subs],
        "interval_chart": charts.interval_chart(
            rows[:60],
            title=_("Rank of each city, with the interval of its ranks (5–95 %)"),
            desc=_("Dots are ranks, bars the interval of ranks under other choices of method."),
            chart_id="ranks",
            top=_chart_top(rows[:60]),
        )
        if rows
        else "",
        "by_field": by_field,
        "by_field_chart": charts.box_chart(
            by_field,
            title=_("Index score by creative field"),
            desc=_("Quartiles and median of each group."),
            chart_id="fields",
        )
        if rows
        else "",
        "by_region": by_region,
        "by_region_chart": charts.box_chart(
            by_region,
            title=_("Index score by region"),
            desc=_("Quartiles and median of each group."),
            chart_id="regions",
        )
        if rows
        else "",
        "statistics": statistics_rows(framework=framework, year=year, back=back),
        "sensitivity": sensitivity,
        "sensitivity_chart": charts.bars_chart(
            [(row["choice"], [row["s1"], row["st"]]) for row in sensitivity],
            title=_("Sensitivity of the ranks to each choice"),
            desc=_("First-order (S1) and total (ST) effect of each choice on the ranks."),
            chart_id="sensitivity",
            high=1.0,
        )
        if sensitivity
        else "",
        "coverage": coverage_rows(framework=framework, year=year),
        "trends": trends,
    }


def population_band(framework: Framework, population) -> list | None:
    for band in framework.population_bands or []:
        _label, low, high = band
        if population is not None and population >= (low or 0) and (high is None or population < high):
            return band
    return None


def city_context(*, framework: Framework, city, year: int | None, back: int = 0) -> dict:
    """Everything a city's dashboard shows for one framework: its values, and its part of the cached summary."""
    rows = Value.objects.filter(city=city, node__framework=framework).order_by("year")
    by_node: dict[int, list] = {}
    for node_id, value_year, value in rows.values_list("node_id", "year", "value"):
        by_node.setdefault(node_id, []).append((value_year, value))
    indicators = []
    for index, node in enumerate(leaves(framework)):
        points = by_node.get(node.pk, [])
        text = "; ".join(
            f"{point_year}: {number_format(round(value, 2), use_l10n=True)}" for point_year, value in points
        )
        indicators.append(
            {
                "node": node,
                "values_text": text or "—",
                "chart": charts.sparkline(points, title=node.name, chart_id=f"ind-{index}"),
            }
        )
    context = {"indicators": indicators, "scores": [], "comparison": [], "steps": [], "rank": None}
    if year is None:
        return context
    summary = city_summary(framework=framework, year=year, back=back)
    if summary is None or city.slug not in summary["scores"]:
        return context
    codes, names = summary["codes"], summary["names"]
    scores, ranks = summary["scores"][city.slug], summary["ranks"][city.slug]
    median_rank, p05, p95 = summary["intervals"].get(city.slug, (None, None, None))
    context["rank"] = {"rank": ranks[0], "of": summary["of"], "median": median_rank, "p05": p05, "p95": p95}
    context["scores"] = [
        {"code": code, "name": names[code], "score": scores[i], "rank": ranks[i]} for i, code in enumerate(codes)
    ]
    groups = [(_("Cities of the same creative field"), summary["by_field"].get(city.field.code))]
    band = population_band(framework, city.population)
    if band is not None:
        label = _("Cities of the same population band (%(band)s)") % {"band": band[0]}
        groups.append((label, summary["by_band"].get(band[0])))
    comparison = []
    for label, stats in groups:
        for i, code in enumerate(codes):
            comparison.append({"group": label, "label": names[code], "city": scores[i], **(stats[i] if stats else {})})
    context["comparison"] = comparison
    context["comparison_chart"] = charts.box_chart(
        comparison[: len(codes)],
        title=_("The city against the cities of its creative field"),
        desc=_("Boxes are the group's quartiles, ticks its median, dots the city's scores."),
        chart_id="comparison",
    )
    labels = step_labels()
    context["steps"] = [
        {"label": labels.get(step, step), "node": names.get(node, node), "before": before, "after": after, "note": note}
        for step, node, before, after, note in summary["steps"].get(city.slug, [])
    ]
    return context


def step_labels() -> dict[str, str]:
    """Readers' names of the engine's steps (its notes stay in English, as the engine writes them)."""
    return {
        "impute": _("Imputed"),
        "winsorise": _("Winsorised"),
        "log": _("Log-transformed"),
        "normalise": _("Normalised"),
        "coverage": _("Missing values left out"),
        "transform": _("Transformed"),
    }


def city_summary(*, framework: Framework, year: int, back: int = 0) -> dict | None:
    """Per city: scores and ranks of the index and sub-indices, rank interval, steps; the quartiles of each
    creative field and population band. Computed once per version of the data and language."""
    key = f"indicators-summary:{framework.pk}:{year}:{back}"
    return versions.cached(computation.VERSIONS, key, lambda: _city_summary(framework, year, back))


def _city_summary(framework: Framework, year: int, back: int) -> dict | None:
    result = computation.index_result(framework=framework, year=year, years_back=back)
    if result is None:
        return None
    intervals = computation.rank_intervals(framework=framework, year=year, years_back=back)
    codes = [result.root, *subindex_codes(framework)]
    scores = result.scores[codes]
    ranks = result.ranks[codes]
    info = city_info(result.cities)
    groups_field: dict[str, list[str]] = {}
    groups_band: dict[str, list[str]] = {}
    for slug in result.cities:
        row = info.get(slug)
        if row is None:
            continue
        groups_field.setdefault(row["field_code"], []).append(slug)
        band = population_band(framework, row["population"])
        if band is not None:
            groups_band.setdefault(band[0], []).append(slug)

    def stats(members):
        part = scores.loc[members]
        return [quartiles(list(part[code])) for code in codes]

    steps: dict[str, list] = {}
    for step, node, unit, before, after, note in result.steps:
        steps.setdefault(unit, []).append((step, node, _round(before, 3), _round(after, 3), note))
    return {
        "codes": codes,
        "names": node_names(framework),
        "of": len(result.scores),
        "scores": {
            slug: [_round(value) for value in row] for slug, row in zip(scores.index, scores.to_numpy(), strict=True)
        },
        "ranks": {
            slug: [_round(value, 0) for value in row] for slug, row in zip(ranks.index, ranks.to_numpy(), strict=True)
        },
        "intervals": {
            slug: (intervals.median.get(slug), intervals.p05.get(slug), intervals.p95.get(slug))
            for slug in result.cities
        }
        if intervals
        else {},
        "by_field": {code: stats(members) for code, members in groups_field.items()},
        "by_band": {label: stats(members) for label, members in groups_band.items()},
        "steps": steps,
    }
