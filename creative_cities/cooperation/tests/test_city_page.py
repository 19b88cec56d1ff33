"""One city's page: its partners drawn around it, its figures, and what links it to each partner."""

from django.urls import reverse


def test_a_city_page_draws_its_partners_and_links_to_the_project_call_and_practice_behind_them(anonymous, linked):
    response = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "dakar"}))
    html = response.content.decode()
    svg = html.split("<main", 1)[1].split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "Partners of Dakar" in svg and 'class="ek k-project' in svg and 'class="ek k-interest' in svg
    assert svg.count("</title></circle>") == 3  # Dakar and its two partners; nobody two steps away
    sources = [
        (s["kind"], s["title"], s["year"], [p["name"] for p in s["partners"]]) for s in response.context["sources"]
    ]
    assert sources == [
        ("adaptation", "Adapted", 2022, ["Lyon"]),
        ("interest", "Call", 2021, ["Seoul"]),
        ("project", "Project", 2020, ["Lyon"]),
    ]
    assert f'href="/en/projects/{linked["project"].slug}/"' in html
    assert f'href="/en/board/{linked["call"].slug}/"' in html
    assert f'href="/en/knowledge/{linked["adapted"].slug}/"' in html
    assert response.context["community"]["id"] == 1 and "community, with Dakar, Lyon and 1 other city" in html
    assert response.context["further"] == 0


def test_a_city_page_counts_the_cities_two_steps_away_and_filters_its_sources_by_year(anonymous, linked):
    response = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "seoul"}), {"year": 2021})
    assert response.context["further"] == 1  # Lyon, through Dakar
    assert [s["kind"] for s in response.context["sources"]] == ["interest"]
    filtered = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "lyon"}), {"kinds": "adaptation"})
    assert [s["kind"] for s in filtered.context["sources"]] == ["adaptation"]


def test_a_city_without_partners_has_its_page_without_a_picture_and_an_unknown_city_has_none(anonymous, linked):
    html = anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "puebla"})).content.decode()
    assert "No partners yet" in html and "<svg xmlns" not in html
    assert anonymous.get(reverse("cooperation:city_cooperation", kwargs={"slug": "atlantis"})).status_code == 404


def test_the_city_page_of_the_registry_links_to_its_cooperation(anonymous, linked):
    html = anonymous.get(reverse("cities:city_detail", kwargs={"slug": "dakar"})).content.decode()
    assert 'href="/en/cooperation/cities/dakar/"' in html
