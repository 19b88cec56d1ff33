"""The reference data the platform starts with: creative fields, regions, countries.

Seeded by a data migration and by ``manage.py sync_reference_data``; both only add
what is missing, so the Secretariat's edits in the admin are kept.
"""

import csv
import gettext
from dataclasses import dataclass
from pathlib import Path

import pycountry
from django.conf import settings

REGIONS_FILE = Path(settings.BASE_DIR) / "data" / "unesco_regions.csv"


@dataclass(frozen=True)
class Named:
    code: str
    name_en: str
    name_fr: str
    name_es: str


@dataclass(frozen=True)
class FieldSeed(Named):
    year_introduced: int
    colour: str


# Names as the network writes them in its three working languages. The colours
# keep at least 3:1 contrast against the map's land (#e4e0d6), its sea (#c4d9ea)
# and white (WCAG 1.4.11); the lowest is gastronomy's, 3.53:1 on the sea.
FIELDS = [
    FieldSeed(
        "crafts_folk_art",
        "Crafts and Folk Art",
        "Artisanat et arts populaires",
        "Artesanía y artes populares",
        2004,
        "#a6451b",
    ),
    FieldSeed("design", "Design", "Design", "Diseño", 2004, "#6a3d9a"),
    FieldSeed("film", "Film", "Cinéma", "Cine", 2004, "#1f5fa8"),
    FieldSeed("gastronomy", "Gastronomy", "Gastronomie", "Gastronomía", 2004, "#2e7d32"),
    FieldSeed("literature", "Literature", "Littérature", "Literatura", 2004, "#7a6000"),
    FieldSeed("media_arts", "Media Arts", "Arts numériques", "Artes digitales", 2004, "#c2185b"),
    FieldSeed("music", "Music", "Musique", "Música", 2004, "#b71c1c"),
    FieldSeed("architecture", "Architecture", "Architecture", "Arquitectura", 2025, "#37474f"),
]

REGIONS = [
    Named("africa", "Africa", "Afrique", "África"),
    Named("arab_states", "Arab States", "États arabes", "Estados Árabes"),
    Named("asia_pacific", "Asia and the Pacific", "Asie et Pacifique", "Asia y el Pacífico"),
    Named(
        "europe_north_america", "Europe and North America", "Europe et Amérique du Nord", "Europa y América del Norte"
    ),
    Named(
        "latin_america_caribbean",
        "Latin America and the Caribbean",
        "Amérique latine et Caraïbes",
        "América Latina y el Caribe",
    ),
]

# Where ISO's short name reads as an official title ("Russian Federation",
# "Palestine, State of"), the network's own usage is kept.
COUNTRY_NAME_OVERRIDES = {
    "RU": ("Russia", "Russie", "Rusia"),
    "PS": ("Palestine", "Palestine", "Palestina"),
    "CD": ("Democratic Republic of the Congo", "République démocratique du Congo", "República Democrática del Congo"),
    "CI": ("Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"),
    "MO": ("Macao", "Macao", "Macao"),
    "TN": ("Tunisia", "Tunisie", "Túnez"),
}


def country_seeds() -> list[tuple[str, str, str, str, str, str]]:
    """(iso2, iso3, name_en, name_fr, name_es, region_code) for every ISO 3166-1 entry."""
    with REGIONS_FILE.open(encoding="utf-8") as handle:
        regions = {row["iso2"]: row["region"] for row in csv.DictReader(handle)}
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in ("fr", "es")
    }
    seeds = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        names = COUNTRY_NAME_OVERRIDES.get(
            country.alpha_2, (name, translations["fr"].gettext(name), translations["es"].gettext(name))
        )
        seeds.append((country.alpha_2, country.alpha_3, *names, regions[country.alpha_2]))
    return seeds


def seed_reference_data(field_model, region_model, country_model) -> dict[str, int]:
    """Create the fields, regions and countries that are missing; return how many were added.

    Takes the model classes so that a migration can pass its historical models.
    """
    added = {"fields": 0, "regions": 0, "countries": 0}
    for position, seed in enumerate(FIELDS):
        _, created = field_model.objects.get_or_create(
            code=seed.code,
            defaults={
                "name_en": seed.name_en,
                "name_fr": seed.name_fr,
                "name_es": seed.name_es,
                "year_introduced": seed.year_introduced,
                "colour": seed.colour,
                "position": position,
            },
        )
        added["fields"] += created
    regions = {}
    for position, seed in enumerate(REGIONS):
        region, created = region_model.objects.get_or_create(
            code=seed.code,
            defaults={"name_en": seed.name_en, "name_fr": seed.name_fr, "name_es": seed.name_es, "position": position},
        )
        regions[seed.code] = region
        added["regions"] += created
    existing = set(country_model.objects.values_list("iso2", flat=True))
    new = [
        country_model(iso2=iso2, iso3=iso3, name_en=en, name_fr=fr, name_es=es, region=regions[region])
        for iso2, iso3, en, fr, es, region in country_seeds()
        if iso2 not in existing
    ]
    country_model.objects.bulk_create(new)
    added["countries"] = len(new)
    return added
