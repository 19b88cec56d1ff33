"""Phrase banks for the demo content generator, and the facts that do not depend on language.

Each language has a module (``en``, ``fr``, ``es``, ``pt``, ``it``, ``de``, ``ar``,
``zh_hans``, ``ko``) with a ``BANK`` of the same shape. The lists of concepts per
creative field and the themes are parallel across languages, so one plan renders
as the same item in any of them: that is how demo translations are made. The
English, French and Spanish sentence lists are parallel too (a translation of
an item reads as a translation, sentence by sentence).
"""

from importlib import import_module

# Language → module; the order is the default order of the language mix.
LANGUAGE_MODULES = {
    "en": "en",
    "fr": "fr",
    "es": "es",
    "pt": "pt",
    "ar": "ar",
    "zh-hans": "zh_hans",
    "it": "it",
    "de": "de",
    "ko": "ko",
}
# How often each language is written in by default (relative weights).
DEFAULT_WEIGHTS = {"en": 34, "fr": 21, "es": 20, "pt": 7, "ar": 4, "zh-hans": 4, "it": 4, "de": 3, "ko": 3}
# Languages items are translated into.
TRANSLATION_LANGUAGES = ("en", "fr", "es")

FIELDS = ("architecture", "crafts_folk_art", "design", "film", "gastronomy", "literature", "media_arts", "music")
THEMES = (
    "youth", "heritage", "inclusion", "digital", "tourism", "climate", "education", "women", "markets", "residencies",
)  # fmt: skip

# The themes each concept of a field fits, parallel to ``BANK["fields"][code]["concepts"]``.
CONCEPT_THEMES = {
    "architecture": [
        ("heritage", "education", "tourism"),  # inventory of modern heritage buildings
        ("tourism", "education", "inclusion"),  # guided architecture walks
        ("climate", "residencies", "markets"),  # reuse of empty buildings
        ("inclusion", "youth", "climate"),  # public spaces designed with residents
        ("heritage", "education", "women"),  # school of traditional building techniques
    ],
    "crafts_folk_art": [
        ("women", "markets", "tourism"),  # market for women artisans
        ("youth", "education", "heritage"),  # apprenticeships
        ("residencies", "heritage", "tourism"),  # residency in historic workshops
        ("digital", "markets", "women"),  # online shop
        ("heritage", "education", "tourism"),  # living museum of techniques
    ],
    "design": [
        ("climate", "markets", "residencies"),  # design district in former docks
        ("tourism", "youth", "markets"),  # design biennial
        ("inclusion", "climate", "women"),  # social design lab
        ("climate", "markets", "education"),  # circular design
        ("youth", "education", "digital"),  # design in schools
    ],
    "film": [
        ("education", "youth", "markets"),  # training of film technicians
        ("inclusion", "tourism", "climate"),  # open-air cinema
        ("heritage", "digital", "education"),  # archive digitisation
        ("residencies", "women", "youth"),  # screenwriting residency
        ("education", "youth", "inclusion"),  # film education in schools
    ],
    "gastronomy": [
        ("education", "climate", "youth"),  # school canteens with local produce
        ("markets", "tourism", "women"),  # covered market of small producers
        ("youth", "education", "inclusion"),  # cooking school for young people
        ("heritage", "women", "digital"),  # inventory of traditional recipes
        ("climate", "tourism", "markets"),  # zero-waste food festival
    ],
    "literature": [
        ("residencies", "education", "digital"),  # literary translation residency
        ("inclusion", "education", "youth"),  # neighbourhood libraries
        ("tourism", "youth", "markets"),  # book festival
        ("inclusion", "women", "education"),  # writing workshops in prisons and hospitals
        ("digital", "heritage", "education"),  # digital library of local authors
    ],
    "media_arts": [
        ("inclusion", "digital", "education"),  # media-arts lab for seniors
        ("tourism", "climate", "digital"),  # light festival
        ("youth", "digital", "women"),  # creative coding school
        ("residencies", "digital", "markets"),  # residency in a tech hub
        ("heritage", "digital", "inclusion"),  # digital archive of the city's memory
    ],
    "music": [
        ("youth", "tourism", "inclusion"),  # street music festival
        ("education", "youth", "inclusion"),  # community music school
        ("heritage", "digital", "education"),  # traditional music archive
        ("residencies", "markets", "women"),  # music export and residencies
        ("markets", "youth", "climate"),  # network of small live music venues
    ],
}

THEME_OBJECTIVES = {
    "youth": ("access", "creative_hubs", "cultural_goods"),
    "heritage": ("local_development", "cultural_goods"),
    "inclusion": ("access", "partnerships"),
    "digital": ("creative_hubs", "cultural_goods"),
    "tourism": ("local_development", "partnerships"),
    "climate": ("local_development", "partnerships"),
    "education": ("access", "creative_hubs"),
    "women": ("access", "creative_hubs"),
    "markets": ("cultural_goods", "partnerships"),
    "residencies": ("cooperation", "creative_hubs"),
}
THEME_TARGETS = {
    "youth": ("4.4", "8.6"),
    "heritage": ("11.4",),
    "inclusion": ("10.2", "11.7"),
    "digital": ("9.c", "16.10"),
    "tourism": ("8.9", "12.b"),
    "climate": ("13.3", "12.5", "11.6"),
    "education": ("4.7", "4.4"),
    "women": ("5.5", "8.5"),
    "markets": ("8.3", "12.b"),
    "residencies": ("17.17", "4.7"),
}
KIND_AREAS = {
    "practice": ("sharing", "pilot_projects", "exchanges"),
    "policy": ("urban_policies", "pilot_projects"),
    "publication": ("research", "communication", "sharing"),
}

# Figure key → (lowest, highest, unit). Labels are in each language's bank.
FIGURES = {
    "visitors": (1500, 120000, ""),
    "participants": (80, 6000, ""),
    "young_participants": (50, 3000, ""),
    "workshops": (12, 600, ""),
    "artists": (10, 400, ""),
    "jobs": (5, 300, ""),
    "businesses": (8, 250, ""),
    "schools": (3, 120, ""),
    "teachers": (20, 900, ""),
    "items": (100, 5000, ""),
    "online_visits": (5000, 900000, ""),
    "residencies": (4, 60, ""),
    "partner_cities": (2, 25, ""),
    "neighbourhoods": (3, 40, ""),
    "women_share": (30, 70, "%"),
    "satisfaction": (72, 97, "%"),
    "co2_reduction": (8, 45, "%"),
    "sales_increase": (10, 60, "%"),
}
THEME_FIGURES = {
    "youth": ("young_participants", "workshops", "artists", "satisfaction"),
    "heritage": ("items", "visitors", "participants", "workshops"),
    "inclusion": ("participants", "neighbourhoods", "satisfaction", "women_share"),
    "digital": ("online_visits", "items", "artists", "workshops"),
    "tourism": ("visitors", "businesses", "jobs", "satisfaction"),
    "climate": ("co2_reduction", "participants", "businesses", "visitors"),
    "education": ("schools", "teachers", "young_participants", "workshops"),
    "women": ("women_share", "artists", "businesses", "jobs"),
    "markets": ("businesses", "sales_increase", "jobs", "visitors"),
    "residencies": ("residencies", "partner_cities", "artists", "participants"),
}

# Countries (ISO 3166-1 alpha-2) whose cities write in a language besides English.
LANGUAGE_COUNTRIES = {
    "fr": {"FR", "BE", "CH", "CA", "SN", "MA", "TN", "BF", "BJ", "TG", "CD", "CG", "CI", "HT", "GN", "CM", "MU", "LB"},
    "es": {"ES", "MX", "CO", "AR", "CL", "PE", "EC", "CU", "UY", "PY", "VE", "BO", "DO", "PA", "CR", "NI"},
    "pt": {"BR", "PT", "AO", "CV", "GW"},
    "ar": {"AE", "SA", "QA", "EG", "MA", "TN", "JO", "LB", "IQ", "PS", "BH"},
    "zh-hans": {"CN"},
    "it": {"IT"},
    "de": {"DE", "AT", "CH"},
    "ko": {"KR"},
}
# Languages whose texts read badly with a Latin city name: only cities named in ``local_names`` write in them.
NEEDS_LOCAL_NAME = {"ar", "zh-hans", "ko"}

EURO = {"AT", "BE", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LV", "NL", "PT", "SI", "SK"}
# Currency and a rough number of units per US dollar, to keep budgets plausible.
CURRENCIES = {
    "GB": ("GBP", 0.8), "US": ("USD", 1), "CA": ("CAD", 1.4), "AU": ("AUD", 1.5), "NZ": ("NZD", 1.7),
    "BR": ("BRL", 5), "MX": ("MXN", 18), "CO": ("COP", 4000), "AR": ("ARS", 900), "CL": ("CLP", 900),
    "CN": ("CNY", 7), "KR": ("KRW", 1350), "JP": ("JPY", 150), "IN": ("INR", 83), "CH": ("CHF", 0.9),
    "SE": ("SEK", 10), "NO": ("NOK", 10), "DK": ("DKK", 7), "PL": ("PLN", 4), "TR": ("TRY", 32),
    "MA": ("MAD", 10), "AE": ("AED", 3.7), "SA": ("SAR", 3.75), "TH": ("THB", 35), "ZA": ("ZAR", 18),
}  # fmt: skip


def bank(language: str) -> dict:
    """The phrase bank of a language (``KeyError`` for one without a bank)."""
    return import_module(f"{__name__}.{LANGUAGE_MODULES[language]}").BANK


def currency_for(iso2: str) -> tuple[str, float]:
    if iso2 in EURO:
        return "EUR", 0.9
    return CURRENCIES.get(iso2, ("USD", 1))
