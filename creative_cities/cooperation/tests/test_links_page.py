"""The list of links: a hundred a page, the strongest first, found by a city's name."""

from django.urls import reverse

from creative_cities.cities.models import City


def test_the_list_of_links_comes_a_hundred_at_a_time_the_strongest_first(anonymous, crowd):
    first = anonymous.get(reverse("cooperation:link_list"))
    links = first.context["links"]
    assert len(links) == 100 and first.context["page"].paginator.count == 105
    assert ({links[0]["a"]["name"], links[0]["b"]["name"]}, links[0]["weight"]) == ({"Dakar", "Lyon"}, 3)
    assert links[0]["kinds_text"] == "Shared project ×2, Practice adaptation"
    assert all(link["weight"] == 1 for link in links[1:])
    html = first.content.decode()
    assert "105 links; here 1 to 100." in html and 'href="?page=2"' in html
    second = anonymous.get(reverse("cooperation:link_list"), {"page": 2, "year": 2030})
    assert len(second.context["links"]) == 5
    assert "105 links; here 101 to 105." in second.content.decode()
    assert 'href="/en/cooperation/cities/lyon/?year=2030"' in second.content.decode()  # the filters follow
    assert anonymous.get(reverse("cooperation:link_list"), {"page": 99}).context["page"].number == 2


def test_the_list_of_links_finds_a_citys_links_by_part_of_its_name_with_or_without_accents(anonymous, linked, crowd):
    response = anonymous.get(reverse("cooperation:link_list"), {"city": "seou"})
    assert [{link["a"]["name"], link["b"]["name"]} for link in response.context["links"]] == [{"Dakar", "Seoul"}]
    assert anonymous.get(reverse("cooperation:link_list"), {"city": "dákár"}).context["page"].paginator.count == 15
    empty = anonymous.get(reverse("cooperation:link_list"), {"city": "nowhere"})
    assert "No links with these filters." in empty.content.decode()


def test_the_list_of_links_escapes_the_names_it_writes(anonymous, linked):
    seoul = City.objects.get(slug="seoul")
    seoul.name = "Seoul <script>"
    seoul.save()
    html = anonymous.get(reverse("cooperation:link_list")).content.decode()
    assert "Seoul &lt;script&gt;" in html and "Seoul <script>" not in html
