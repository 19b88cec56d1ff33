import pytest

# The matchmaking tests' builders of projects and organisations, and their lookups.
from creative_cities.matchmaking.tests.conftest import city, field, make_organisation, make_project  # noqa: F401


@pytest.fixture(autouse=True)
def no_embedding_model(settings):
    """No model by default: a test that compares texts chooses the toy one. No matchmaking index is kept."""
    from creative_cities.matchmaking import index

    settings.SEARCH_EMBEDDER = ""
    index._current = None
    yield
    index._current = None
