"""SDG badges: the UN's colours for the 17 goals, a number that reads on each, and a name for screen readers."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from creative_cities.frameworks.models import SdgGoal
from creative_cities.frameworks.presentation import contrast_ratio, number_colour, sdg_badge_svg

# The colour codes the United Nations publishes for the goals (SDG communications
# guidelines), written out here independently of data/sdg_goals.csv.
UN_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}  # fmt: skip


def render(source: str, **context) -> str:
    return Template("{% load frameworks %}" + source).render(Context(context))


def test_the_17_goals_have_the_un_s_colours(db):
    assert {goal.number: goal.colour.upper() for goal in SdgGoal.objects.all()} == UN_COLOURS


@pytest.mark.parametrize("number", sorted(UN_COLOURS))
def test_each_badge_is_drawn_in_its_colour_with_a_number_that_reads_at_4_5_to_1(db, number):
    html = render("{% sdg_badge goal %}", goal=SdgGoal.objects.get(number=number))
    background = re.search(r'<rect [^>]*fill="(#[0-9A-Fa-f]{6})"', html).group(1)
    text = re.search(rf'<text [^>]*fill="(#[0-9a-f]{{6}})">{number}</text>', html).group(1)
    assert background.upper() == UN_COLOURS[number]
    assert contrast_ratio(text, background) >= 4.5, (number, text, background)


def test_white_is_kept_where_it_reads_and_black_used_on_light_colours():
    assert number_colour("#C5192D") == "#ffffff"  # quality education, as on the UN's icon
    assert number_colour("#FCC30B") == "#000000"  # affordable and clean energy: white reads at 1.7:1 only
    assert round(contrast_ratio("#ffffff", "#000000"), 1) == 21.0


def test_a_badge_alone_is_named_for_screen_readers(db):
    html = render("{% sdg_badge goal %}", goal=SdgGoal.objects.get(number=4))
    assert 'role="img" aria-label="SDG 4: Quality education"' in html
    assert "<title>SDG 4: Quality education</title>" in html


def test_a_badge_with_its_name_shows_the_name_and_hides_the_drawing(db):
    with translation.override("fr"):
        html = render("{% sdg_badge 11 with_name=True %}")
    assert 'aria-hidden="true"' in html and 'role="img"' not in html
    assert "Villes et communautés durables" in html
    assert '<span class="visually-hidden">' in html


def test_a_malformed_colour_is_drawn_grey_and_escaped():
    html = sdg_badge_svg(number=3, name="<b>Health</b>", colour='red" onload="x')
    assert "onload" not in html and "<b>" not in html
    assert 'fill="#595959"' in html


def test_pages_listing_goals_show_their_badges(anonymous, db):
    from creative_cities.cities.models import City
    from creative_cities.projects import services

    lyon = City.objects.get(slug="lyon")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(email="lead@example.org")
    project = services.project_create(by=user, data={"title": "Lire", "summary": "Lyon lit.", "lead_city": lyon})
    project.sdg_goals.add(*SdgGoal.objects.filter(number__in=[4, 11]))
    html = anonymous.get(project.get_absolute_url()).content.decode()
    assert html.count('class="sdg-badge"') == 2 and 'fill="#C5192D"' in html
