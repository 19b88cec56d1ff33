"""The Secretariat's admin writes through the services, so the history stays right."""

from django.utils import timezone

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City, CreativeField


def city_form_data(city, **changes):
    data = {
        "name": city.name,
        "slug": city.slug,
        "registry_name": city.registry_name,
        "country": city.country_id,
        "field": city.field_id,
        "designation_year": city.designation_year,
        "status": city.status,
        "left_on": "",
        "latitude": city.latitude,
        "longitude": city.longitude,
        "population": city.population or "",
        "website": "",
        "description_en": "",
        "description_fr": "",
        "description_es": "",
        "field_periods-TOTAL_FORMS": 0,
        "field_periods-INITIAL_FORMS": 0,
        "contacts-TOTAL_FORMS": 0,
        "contacts-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


def test_changing_a_field_in_the_admin_closes_the_old_period(secretariat, lyon):
    design = CreativeField.objects.get(code="design")
    response = secretariat.post(f"/en/admin/cities/city/{lyon.pk}/change/", city_form_data(lyon, field=design.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    periods = list(lyon.field_periods.values_list("field__code", "end_year"))
    year = timezone.now().year
    assert periods[-2:] == [("literature", year), ("design", None)]
    assert City.objects.get(pk=lyon.pk).field == design


def test_marking_a_city_as_left_in_the_admin_closes_its_field(secretariat, lyon):
    response = secretariat.post(
        f"/en/admin/cities/city/{lyon.pk}/change/",
        city_form_data(lyon, status=CityStatus.LEFT, left_on="2026-06-30"),
    )
    assert response.status_code == 302
    lyon.refresh_from_db()
    assert lyon.status == CityStatus.LEFT
    assert lyon.field_periods.get(end_year__isnull=False, field__code="literature").end_year == 2026


def test_a_city_added_in_the_admin_gets_its_first_field_period(secretariat, lyon):
    data = city_form_data(lyon, name="Nouvelle", slug="nouvelle", registry_name="Nouvelle", designation_year=2025)
    response = secretariat.post("/en/admin/cities/city/add/", data)
    assert response.status_code == 302
    city = City.objects.get(slug="nouvelle")
    assert list(city.field_periods.values_list("field__code", "start_year", "end_year")) == [("literature", 2025, None)]
    assert "nouvelle" in city.search_text and "france" in city.search_text


def test_renaming_a_country_in_the_admin_updates_the_search(secretariat, db):
    from creative_cities.cities.models import Country
    from creative_cities.cities.selectors import city_list

    country = Country.objects.get(iso2="SN")
    data = {
        "iso2": "SN",
        "iso3": "SEN",
        "name_en": "Senegal",
        "name_fr": "Sénégal",
        "name_es": "Senegal",
        "region": country.region_id,
    }
    data["name_fr"] = "Sénégal (Teranga)"
    assert secretariat.post(f"/en/admin/cities/country/{country.pk}/change/", data).status_code == 302
    assert [c.name for c in city_list(q="teranga")] == ["Dakar"]
