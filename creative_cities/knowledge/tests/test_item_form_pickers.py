"""The item form's long choices (cities, SDG targets, the practice adapted) are pickers: grouped, and checked."""

import re

from creative_cities.frameworks.models import SdgTarget
from creative_cities.knowledge.tests.test_workflow import FORM


def test_the_cities_are_grouped_by_country_and_described_by_country_and_field(focal_point_lyon, lyon):
    html = focal_point_lyon.get("/en/knowledge/new/").content.decode()
    cities = html[html.index('name="cities"') : html.index("</select>", html.index('name="cities"'))]
    france = cities[cities.index(f'<optgroup label="{lyon.country.name}">') :]
    assert re.search(
        rf'<option value="{lyon.pk}" selected data-hint="{lyon.country.name} · {lyon.field.name}">Lyon</option>',
        france[: france.index("</optgroup>")],
    )


def test_the_sdg_targets_are_grouped_by_goal_in_the_goals_order(focal_point_lyon):
    html = focal_point_lyon.get("/en/knowledge/new/").content.decode()
    targets = html[html.index('name="sdg_targets"') : html.index("</select>", html.index('name="sdg_targets"'))]
    groups = re.findall(r'<optgroup label="(\d+)\. ', targets)
    assert groups == sorted(groups, key=int) and len(groups) == 17


def test_a_city_outside_the_list_is_refused_and_the_chosen_ones_are_kept(focal_point_lyon, lyon, dakar):
    target = SdgTarget.objects.get(code="4.7")
    data = {**FORM, "cities": [lyon.pk, 999999], "sdg_targets": [target.pk]}
    response = focal_point_lyon.post("/en/knowledge/new/", data)
    assert response.status_code == 200
    assert "cities" in response.context["form"].errors
    html = response.content.decode()
    assert re.search(rf'<option value="{lyon.pk}" selected', html)
    assert re.search(rf'<option value="{target.pk}" selected', html)
