"""The city page's map opens on the city's region, drawn from the offline world map."""

import re

import pytest

from creative_cities.cities import selectors
from creative_cities.cities.presentation import MAP_HEIGHT, MAP_WIDTH, map_points, project, regional_view


def point(slug, latitude, longitude):
    (row,) = map_points([{"slug": slug, "latitude": latitude, "longitude": longitude}])
    return row


def view_box(html: str) -> tuple[float, ...]:
    return tuple(float(n) for n in re.search(r'class="map-svg"[^>]*viewBox="([^"]+)"', html).group(1).split())


def test_lyon_s_map_is_centred_on_lyon_with_its_neighbours(anonymous, lyon):
    html = anonymous.get(lyon.get_absolute_url()).content.decode()
    x, y, width, height = view_box(html)
    assert (width, height) == pytest.approx((MAP_WIDTH / 6, MAP_HEIGHT / 6), abs=0.01)
    lyon_x, lyon_y = project(lyon.latitude, lyon.longitude)
    assert (x + width / 2, y + height / 2) == pytest.approx((lyon_x, lyon_y), abs=0.1)
    assert 'class="city-map map-zoom-6"' in html
    assert 'aria-current="page" aria-label="Lyon, France — Literature since 2023"' in html
    assert '<text class="map-label"' in html and ">Lyon</text>" in html
    # Its neighbours are drawn, and only those: not the whole world's 405 markers.
    assert "Enghien-les-Bains, France" in html and "Dakar, Senegal" not in html
    nearby = int(re.search(r"Map of the region around Lyon, with (\d+) other creative cities nearby", html).group(1))
    assert 6 <= nearby < html.count('class="marker ') < 200


def test_every_member_s_view_holds_the_city_and_stays_inside_the_map(db):
    points = map_points(selectors.member_map_rows())
    for here in points:
        view = regional_view(here, points)
        x, y, width, height = (float(n) for n in view["view_box"].split())
        assert x >= 0 and x + width <= MAP_WIDTH + 0.01 and y >= 0 and y + height <= MAP_HEIGHT + 0.01
        assert x <= here["x"] <= x + width and y <= here["y"] <= y + height, here["slug"]
        assert len(view["nearby"]) >= 6 or width == MAP_WIDTH, here["slug"]


def test_an_isolated_city_gets_a_wider_view_until_it_has_neighbours():
    here = point("here", 0, 0)
    near = [point(f"near-{n}", 1, n) for n in range(3)]  # within 60 degrees
    far = [point(f"far-{n}", 0, 35 + n) for n in range(3)]  # only within 90 degrees
    view = regional_view(here, [here, *near, *far])
    assert view["zoom"] == 4 and len(view["nearby"]) == 6
    assert [p["slug"] for p in regional_view(here, [here, *near])["nearby"]] == [p["slug"] for p in near]


def test_a_city_by_the_date_line_gets_a_view_pushed_inside_the_map():
    here = point("suva", -18.1, 178.4)
    others = [point(f"o-{n}", -18, 170 - n) for n in range(6)]
    x, _y, width, _height = (float(n) for n in regional_view(here, [here, *others])["view_box"].split())
    assert x + width == pytest.approx(MAP_WIDTH) and x < here["x"] < x + width
