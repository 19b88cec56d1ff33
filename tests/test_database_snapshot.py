"""The snapshot that undoes the writes of live-server tests brings the registry back exactly."""

from django.db import connection

from creative_cities.cities.models import City, Country
from creative_cities.organisations.models import Organisation
from tests.database_snapshot import SNAPSHOTS, snapshot_restore


def _rows(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
        return cursor.fetchall()


def test_nothing_changed_means_nothing_restored(db):
    assert snapshot_restore() == {"default": []}


def test_added_changed_and_deleted_rows_are_undone(db, lyon):
    cities, countries = _rows(City._meta.db_table), _rows(Country._meta.db_table)
    City.objects.filter(pk=lyon.pk).update(name="Lugdunum", population=1)
    Country.objects.filter(iso2="AQ").delete()  # a country without members
    Organisation.objects.create(name="Atelier", slug="atelier", sector="business", country=lyon.country)

    changed = snapshot_restore()["default"]

    assert set(changed) >= {City._meta.db_table, Country._meta.db_table, Organisation._meta.db_table}
    assert _rows(City._meta.db_table) == cities
    assert _rows(Country._meta.db_table) == countries
    assert not Organisation.objects.exists()
    assert City.objects.get(pk=lyon.pk).name == "Lyon"


def test_the_full_text_index_is_restored_through_its_rowid(db):
    if connection.vendor != "sqlite":
        assert "search_document_lexical" in SNAPSHOTS["default"].empty + list(SNAPSHOTS["default"].copies)
        return
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_document_fts (rowid, title, body) VALUES (987654, 'x', 'y')")
    assert "search_document_fts" in snapshot_restore()["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_document_fts WHERE rowid = 987654")
        assert cursor.fetchone()[0] == 0
