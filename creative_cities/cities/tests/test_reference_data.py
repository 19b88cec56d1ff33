from creative_cities.cities.models import Country, CreativeField, Region
from creative_cities.cities.reference_data import seed_reference_data


def test_the_eight_creative_fields_are_seeded_with_three_names_and_a_year(db):
    fields = {f.code: f for f in CreativeField.objects.all()}
    assert set(fields) == {
        "crafts_folk_art",
        "design",
        "film",
        "gastronomy",
        "literature",
        "media_arts",
        "music",
        "architecture",
    }
    assert fields["architecture"].year_introduced == 2025
    assert fields["music"].year_introduced == 2004
    assert (fields["film"].name_en, fields["film"].name_fr, fields["film"].name_es) == ("Film", "Cinéma", "Cine")
    assert all(f.name_en and f.name_fr and f.name_es for f in fields.values())


def test_the_five_unesco_regions_are_seeded(db):
    assert list(Region.objects.values_list("code", flat=True)) == [
        "africa",
        "arab_states",
        "asia_pacific",
        "europe_north_america",
        "latin_america_caribbean",
    ]
    assert Region.objects.get(code="arab_states").name_fr == "États arabes"


def test_every_iso_country_is_seeded_in_a_region_with_names_from_the_library(db):
    assert Country.objects.count() == 249
    germany = Country.objects.get(iso2="DE")
    assert (germany.name_en, germany.name_fr, germany.name_es) == ("Germany", "Allemagne", "Alemania")
    assert Country.objects.get(iso2="SN").region.code == "africa"
    assert Country.objects.get(iso2="MA").region.code == "arab_states"
    assert Country.objects.get(iso2="TR").region.code == "europe_north_america"
    assert Country.objects.get(iso2="KZ").region.code == "asia_pacific"
    assert Country.objects.get(iso2="CU").region.code == "latin_america_caribbean"


def test_long_official_names_are_replaced_by_common_names(db):
    assert Country.objects.get(iso2="IR").name_en == "Iran"
    assert Country.objects.get(iso2="KR").name_fr == "Corée du Sud"
    assert Country.objects.get(iso2="RU").name_es == "Rusia"


def test_seeding_again_adds_nothing_and_keeps_the_secretariats_edits(db):
    CreativeField.objects.filter(code="music").update(name_fr="Musiques")
    added = seed_reference_data(CreativeField, Region, Country)
    assert added == {"fields": 0, "regions": 0, "countries": 0}
    assert CreativeField.objects.get(code="music").name_fr == "Musiques"


def test_translated_name_follows_the_active_language(db):
    from django.utils import translation

    field = CreativeField.objects.get(code="gastronomy")
    with translation.override("es"):
        assert field.name == "Gastronomía"
    with translation.override("fr"):
        assert str(field) == "Gastronomie"
