"""Version tokens: a named set's token changes with its tables, and only then."""

import pytest
from django.db import connection
from django.utils import timezone

from creative_cities.board.models import Call
from creative_cities.cities.models import City
from creative_cities.core import versions
from creative_cities.projects.models import Project

pytestmark = pytest.mark.django_db


def test_saving_a_city_changes_the_registry_token_at_once(lyon):
    before = versions.version("registry")
    lyon.population = 600_000
    lyon.save()
    assert versions.version("registry") != before


def test_a_write_to_one_set_leaves_the_others_token_alone(lyon):
    registry, board = versions.versions(["registry", "board"])
    Call.objects.create(
        kind="need", slug="a-need", title="A need", description="d", city=lyon, deadline=timezone.localdate()
    )
    assert versions.versions(["registry", "board"]) == [registry, versions.version("board")]
    assert versions.version("board") != board


def test_a_token_is_kept_until_forgotten_when_rows_change_without_signals(lyon):
    before = versions.version("registry")
    # update() sends no signal: the cached token stands until someone says the set changed.
    City.objects.filter(pk=lyon.pk).update(updated_at=timezone.now())
    assert versions.version("registry") == before
    versions.changed("registry")
    assert versions.version("registry") != before


def test_many_to_many_links_change_the_token_of_their_model_set(lyon):
    from creative_cities.cities.models import CreativeField

    project = Project.objects.create(title="Reading cities", slug="reading-cities", summary="s", lead_city=lyon)
    before = versions.version("projects")
    project.fields.add(CreativeField.objects.get(code="literature"))
    assert versions.version("projects") != before


def test_several_tokens_are_read_together_in_one_query(django_assert_num_queries):
    versions.forget("registry", "projects", "board")
    with django_assert_num_queries(1):
        tokens = versions.versions(["registry", "projects", "board"])
    with django_assert_num_queries(0):
        assert versions.versions(["registry", "projects", "board"]) == tokens


def test_a_token_read_while_a_write_forgets_it_is_not_kept(monkeypatch, lyon):
    """The rows read may predate the write: the next reader must read again."""
    versions.forget("registry")
    real_cursor = connection.cursor

    class WriteMeanwhile:
        def __init__(self):
            self.cursor = real_cursor()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.cursor.close()

        def execute(self, sql, params=None):
            self.cursor.execute(sql, params)
            versions.forget("registry")  # another thread's write lands after our read

        def fetchone(self):
            return self.cursor.fetchone()

    monkeypatch.setattr(connection, "cursor", WriteMeanwhile)
    versions.version("registry")
    monkeypatch.undo()
    from django.core.cache import cache

    assert cache.get(versions.KEY_PREFIX + "registry") is None


def test_an_unknown_set_is_an_error():
    with pytest.raises(KeyError):
        versions.version("no-such-set")
