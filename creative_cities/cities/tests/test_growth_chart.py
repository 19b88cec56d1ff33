"""The growth chart's geometry: a true time axis, and labels that never overlap, on a desktop or a phone."""

from itertools import pairwise

import pytest
from django.urls import reverse

from creative_cities.cities import selectors
from creative_cities.cities.presentation import NARROW, WIDE, bar_chart, growth_chart, text_width

LAYOUTS = [WIDE, NARROW]


def rows_for(years: list[int]) -> list[tuple[int, int, int]]:
    """Rows as the year tally gives them: three cities joining each listed year."""
    return [(year, 3, 3 * (index + 1)) for index, year in enumerate(years)]


def centre(bar) -> float:
    return bar.x + bar.width / 2


def extent(mark, font) -> tuple[float, float]:
    half = text_width(mark.label, font) / 2
    if mark.anchor == "end":
        return mark.x - 2 * half, mark.x
    return mark.x - half, mark.x + half


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_a_year_without_designations_leaves_a_gap_as_wide_as_a_year(layout):
    chart = bar_chart(rows_for([2004, 2005, 2006, 2008]), layout=layout)
    bars = {bar.label: bar for bar in chart["bars"]}
    year = centre(bars["2005"]) - centre(bars["2004"])
    assert centre(bars["2006"]) - centre(bars["2005"]) == pytest.approx(year, abs=0.2)
    assert centre(bars["2008"]) - centre(bars["2006"]) == pytest.approx(2 * year, abs=0.2)


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_bars_are_as_tall_as_their_totals(layout):
    chart = bar_chart([(2004, 10, 10), (2010, 30, 40)], layout=layout)
    small, tall = chart["bars"]
    assert small.height * 4 == pytest.approx(tall.height, abs=0.3)
    assert small.y + small.height == tall.y + tall.height == chart["baseline"]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("years", [[2025], [2021, 2023], list(range(2004, 2026)), [1960, 1999, 2024]])
def test_year_labels_never_touch_and_stay_inside_the_chart(layout, years):
    chart = bar_chart(rows_for(years), layout=layout)
    spans = [extent(tick, chart["font"]) for tick in chart["ticks"]]
    assert spans, "at least one year is labelled"
    for (_left, right), (left, _right) in pairwise(spans):
        assert left - right >= 4
    assert spans[0][0] >= 0 and spans[-1][1] <= chart["width"]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_figures_above_the_bars_never_touch_and_the_latest_total_is_always_written(layout):
    rows = [(year, 20, 20 * (index + 1)) for index, year in enumerate(range(2004, 2026))]
    chart = bar_chart(rows, layout=layout)
    values = chart["values"]
    assert values[-1].label == str(rows[-1][2])
    spans = [extent(value, chart["value_font"]) for value in values]
    for (_left, right), (left, _right) in pairwise(spans):
        assert left > right
    assert spans[-1][1] <= chart["width"]


def test_the_narrow_drawing_labels_fewer_years_in_larger_text_than_the_wide_one(db):
    rows = selectors.network_summary()["years"]
    wide, narrow = growth_chart(rows)["drawings"]
    assert (wide["layout"], narrow["layout"]) == ("wide", "narrow")
    assert narrow["font"] > wide["font"]
    assert 2 <= len(narrow["ticks"]) < len(wide["ticks"])
    # The years of the network's chart, 2004 to today: every fifth year on a phone.
    assert all(int(tick.label) % 5 == 0 for tick in narrow["ticks"])


def test_a_single_year_gets_one_narrow_bar_in_the_middle():
    chart = bar_chart([(2025, 5, 5)], layout=WIDE)
    (bar,) = chart["bars"]
    assert bar.width <= 40
    assert centre(bar) == pytest.approx((chart["left"] + chart["right"]) / 2, abs=0.2)
    assert [tick.label for tick in chart["ticks"]] == ["2025"]


def test_grid_lines_are_round_numbers_up_to_the_top():
    chart = bar_chart([(2004, 30, 30), (2024, 378, 408)], layout=WIDE)
    assert [line.label for line in chart["grid"]] == ["100", "200", "300", "400"]
    assert all(line.y > 0 for line in chart["grid"])


def test_no_rows_draw_no_bars():
    chart = bar_chart([], layout=WIDE)
    assert chart["bars"] == [] and chart["ticks"] == [] and chart["values"] == []


def test_the_home_page_draws_both_charts_and_the_table(anonymous):
    html = anonymous.get(reverse("cities:home")).content.decode()
    assert 'class="time-chart time-chart-wide"' in html and 'class="time-chart time-chart-narrow"' in html
    assert 'id="growth-wide-title"' in html and 'id="growth-narrow-title"' in html
    assert '<th scope="row">2004</th>' in html
