"""How relations become links: which sources count, once each, dated by the right year."""

from datetime import date

from creative_cities.cities.models import City
from creative_cities.cooperation import selectors


def links(**filters) -> dict:
    """{(slug, slug): (weight, kinds, first year)} of the current graph."""
    figures = selectors.graph_figures(**filters)
    return {
        tuple(sorted((e["a_slug"], e["b_slug"]))): (e["weight"], e["kinds"], e["first_year"]) for e in figures["edges"]
    }


def test_a_project_links_every_pair_of_its_cities_dated_by_the_later_arrival(make):
    seoul_org = make.organisation("seoul", country="KR")
    make.project(
        "lyon", start_on=date(2020, 3, 1), partners=[("dakar", date(2021, 6, 1)), (seoul_org, date(2022, 1, 1))]
    )
    assert links() == {
        ("dakar", "lyon"): (1, {"project": 1}, 2021),
        ("lyon", "seoul"): (1, {"project": 1}, 2022),
        ("dakar", "seoul"): (1, {"project": 1}, 2022),
    }


def test_a_project_led_by_an_organisation_links_its_member_city(make):
    make.project(lead_organisation=make.organisation("lyon"), partners=[("dakar", date(2024, 1, 1))])
    assert links() == {("dakar", "lyon"): (1, {"project": 1}, 2024)}


def test_a_city_present_itself_and_through_an_organisation_counts_once(make):
    make.project("lyon", start_on=date(2020, 1, 1), partners=[(make.organisation("lyon"), date(2019, 1, 1))])
    make.project("dakar", start_on=date(2020, 1, 1), partners=[("bologna", date(2021, 1, 1))])
    project = make.project("seoul", start_on=date(2022, 1, 1), partners=[("kanazawa", date(2022, 2, 1))])
    make.partner(project, make.organisation("kanazawa", country="JP"), date(2023, 1, 1))
    assert links() == {
        ("bologna", "dakar"): (1, {"project": 1}, 2021),
        ("kanazawa", "seoul"): (1, {"project": 1}, 2022),
    }


def test_ideas_and_cancelled_projects_link_no_one_but_seeking_ones_do(make):
    make.project("lyon", status="idea", partners=[("dakar", date(2024, 1, 1))])
    make.project("lyon", status="cancelled", partners=[("seoul", date(2024, 1, 1))])
    make.project("lyon", status="seeking", partners=[("puebla", date(2024, 1, 1))])
    make.project("lyon", status="completed", partners=[("sharjah", date(2024, 1, 1))])
    assert set(links()) == {("lyon", "puebla"), ("lyon", "sharjah")}


def test_an_organisation_outside_the_network_links_no_one(make):
    make.project("lyon", partners=[(make.organisation(None), date(2024, 1, 1))])
    assert links() == {}


def test_an_accepted_interest_is_counted_once_not_again_as_the_partnership_it_made(make):
    project = make.project("lyon", start_on=date(2022, 1, 1), partners=[("bologna", date(2022, 2, 1))])
    partnership = make.partner(project, "dakar", date(2023, 5, 1))
    make.interest("lyon", "dakar", decided=date(2023, 5, 1), project=project, partner=partnership)
    assert links() == {
        ("dakar", "lyon"): (1, {"interest": 1}, 2023),
        ("bologna", "lyon"): (1, {"project": 1}, 2022),
        ("bologna", "dakar"): (1, {"project": 1}, 2023),
    }


def test_interests_waiting_declined_or_withdrawn_link_no_one(make):
    make.interest("lyon", "dakar", status="pending")
    make.interest("lyon", "seoul", status="declined")
    make.interest("lyon", "puebla", status="withdrawn")
    assert links() == {}


def test_an_interest_between_organisations_links_their_member_cities_dated_by_its_acceptance(make):
    make.interest(make.organisation("lyon"), make.organisation("dakar", country="SN"), decided=date(2025, 2, 3))
    assert links() == {("dakar", "lyon"): (1, {"interest": 1}, 2025)}


def test_an_adaptation_links_the_two_cities_once_published(make):
    make.adaptation("kanazawa", "lyon", published=date(2024, 3, 1))
    make.adaptation("dakar", "lyon", status="draft")
    make.adaptation("seoul", "seoul")
    make.adaptation("puebla", None)
    assert links() == {("kanazawa", "lyon"): (1, {"adaptation": 1}, 2024)}


def test_several_relations_make_one_link_with_a_weight_and_its_kinds(make):
    make.project("lyon", start_on=date(2019, 1, 1), partners=[("dakar", date(2019, 4, 1))])
    make.project("dakar", start_on=date(2021, 1, 1), partners=[("lyon", date(2021, 1, 1))])
    make.adaptation("dakar", "lyon", published=date(2018, 9, 1))
    assert links() == {("dakar", "lyon"): (3, {"project": 2, "adaptation": 1}, 2018)}


def test_former_members_are_no_nodes_and_their_links_are_left_out(make):
    make.project("lyon", partners=[("dakar", date(2024, 1, 1)), ("seoul", date(2024, 1, 1))])
    City.objects.filter(slug="dakar").update(status="left", left_on=date(2025, 1, 1))
    figures = selectors.graph_figures()
    assert set(links()) == {("lyon", "seoul")}
    assert "dakar" not in {city["slug"] for city in figures["cities"]}
    assert figures["network"]["nodes"] == City.objects.filter(status="member").count()


def test_the_year_filter_keeps_links_formed_up_to_that_year_with_their_weight_then(make):
    make.project("lyon", start_on=date(2019, 1, 1), partners=[("dakar", date(2019, 4, 1))])
    make.adaptation("dakar", "lyon", published=date(2022, 9, 1))
    make.adaptation("seoul", "lyon", published=date(2023, 9, 1))
    assert links(year=2022) == {("dakar", "lyon"): (2, {"project": 1, "adaptation": 1}, 2019)}
    assert links(year=2018) == {}


def test_the_kinds_filter_keeps_those_kinds_only(make):
    make.project("lyon", start_on=date(2019, 1, 1), partners=[("dakar", date(2019, 4, 1))])
    make.adaptation("dakar", "lyon", published=date(2022, 9, 1))
    make.interest("seoul", "lyon", decided=date(2021, 1, 1))
    assert links(kinds=["adaptation", "interest"]) == {
        ("dakar", "lyon"): (1, {"adaptation": 1}, 2022),
        ("lyon", "seoul"): (1, {"interest": 1}, 2021),
    }


def test_the_figures_are_read_from_the_cache_until_a_source_changes(make, django_assert_num_queries):
    make.project("lyon", partners=[("dakar", date(2024, 1, 1))])
    first = selectors.graph_figures()
    with django_assert_num_queries(0):  # the sources' version is cached as well
        assert selectors.graph_figures() == first
    make.adaptation("seoul", "lyon")
    assert selectors.graph_figures()["network"]["edges"] == 2
