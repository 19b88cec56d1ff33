"""“Since” is the year a city joined its current creative field, not its designation year.

Lyon, in the real registry (data/members.csv and data/field_changes.csv), was designated in
2008 in media arts and has been a city of literature since 2023.
"""

import csv
import io
import json

from django.urls import reverse
from django.utils import translation

from creative_cities.cities import selectors, services
from creative_cities.cities.models import City, CreativeField


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_lyon_joined_the_network_in_2008_and_literature_in_2023(lyon):
    city = selectors.city_get(slug="lyon")
    assert (city.designation_year, city.field_since) == (2008, 2023)
    row = next(row for row in selectors.city_map_rows(selectors.city_list(q="lyon")) if row["slug"] == "lyon")
    assert (row["year"], row["field_since"]) == (2008, 2023)


def test_a_city_that_never_changed_field_is_in_it_since_its_designation(dakar):
    assert selectors.city_get(slug="dakar").field_since == dakar.designation_year


def test_a_city_back_in_an_earlier_field_counts_from_its_return(db):
    city = City.objects.get(slug="dakar")
    media_arts, music = CreativeField.objects.get(code="media_arts"), CreativeField.objects.get(code="music")
    services.city_change_field(city=city, field=music, year=2020)
    services.city_change_field(city=city, field=media_arts, year=2024)
    assert selectors.city_get(slug="dakar").field_since == 2024


def test_the_city_page_says_since_when_lyon_is_a_city_of_literature(anonymous, lyon):
    html = anonymous.get(lyon.get_absolute_url()).content.decode()
    assert "Creative city of Literature since 2023" in html
    assert "Literature since 2008" not in html
    assert "member of the network since 2008" in html
    assert "creative city of Literature since 2023." in html  # the page's description
    assert "<dt>Designation year</dt><dd>2008</dd>" in html


def test_the_city_page_of_a_city_that_never_changed_field_says_since_once(anonymous, dakar):
    html = anonymous.get(dakar.get_absolute_url()).content.decode()
    assert f"Creative city of Media Arts since {dakar.designation_year}" in html
    assert "member of the network since" not in html


def test_map_tooltips_give_the_year_lyon_joined_literature(anonymous, lyon):
    html = anonymous.get(url("cities:city_map") + "?q=lyon").content.decode()
    assert 'aria-label="Lyon, France — Literature since 2023"' in html
    assert "Literature (2008)" not in html


def test_the_directory_shows_the_designation_year_and_since_when_the_field_is_held(anonymous, lyon):
    html = anonymous.get(url("cities:city_list") + "?q=lyon").content.decode()
    assert '<th scope="col">Designation year</th>' in html
    assert 'Literature <span class="muted">since 2023</span>' in html
    assert '<td class="num">2008</td>' in html


def test_the_country_page_shows_since_when_lyon_is_a_city_of_literature(anonymous, lyon):
    html = anonymous.get(url("cities:country_detail", iso2="fr")).content.decode()
    assert 'Literature <span class="muted">since 2023</span></td><td class="num">2008</td>' in html


def test_the_field_page_lists_lyon_among_the_cities_that_joined_literature_in_2023(anonymous, lyon):
    html = anonymous.get(url("cities:field_detail", code="literature")).content.decode()
    assert "France, since 2023" in html
    europe = html[html.index('id="region-europe_north_america"') :]
    europe = europe[: europe.index("</section>")]
    # In the order the cities joined the field: Lyon comes after those of 2008 to 2021.
    years = [int(part.split("<")[0]) for part in europe.split(", since ")[1:]]
    assert years == sorted(years)


def test_other_cities_of_the_field_give_the_year_they_joined_it(lyon):
    lyon_rows = [
        row
        for city in City.objects.filter(field__code="literature", country__region__code="europe_north_america")
        .exclude(slug="lyon")
        .select_related("country")[:1]
        for row in selectors.city_neighbours(city=city, limit=100)
        if row["slug"] == "lyon"
    ]
    assert [row["year"] for row in lyon_rows] == [2023]


def test_the_api_gives_the_designation_year_and_the_year_of_the_current_field(anonymous, lyon):
    detail = anonymous.get("/api/v1/cities/lyon").json()
    assert (detail["designation_year"], detail["field_since"]) == (2008, 2023)
    listed = anonymous.get("/api/v1/cities?q=lyon").json()["results"]
    assert [(c["designation_year"], c["field_since"]) for c in listed if c["slug"] == "lyon"] == [(2008, 2023)]


def test_the_downloads_carry_the_year_of_the_current_field_last(anonymous, lyon):
    response = anonymous.get(url("cities:city_export", fmt="csv") + "?q=lyon")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][-1] == "field_since"
    lyon_row = dict(zip(rows[0], next(row for row in rows[1:] if row[1] == "lyon"), strict=True))
    assert (lyon_row["designation_year"], lyon_row["field_since"]) == ("2008", "2023")
    data = json.loads(anonymous.get(url("cities:city_export", fmt="json") + "?q=lyon").content)
    assert [(c["designation_year"], c["field_since"]) for c in data["results"] if c["slug"] == "lyon"] == [(2008, 2023)]
