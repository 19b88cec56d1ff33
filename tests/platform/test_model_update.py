"""model_update changes what differs, checks it, and writes only that."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from creative_cities.cities.models import City, Country
from creative_cities.core.services import model_changes, model_update


def _updates(queries) -> list[str]:
    return [query["sql"] for query in queries if query["sql"].startswith("UPDATE")]


def test_only_the_fields_that_differ_are_changed_and_written(lyon):
    data = {"website": "https://www.lyon.example", "name": lyon.name, "population": 1}
    with CaptureQueriesContext(connection) as queries:
        changed = model_update(instance=lyon, data=data, fields=["website", "name"], clean=None)
    assert changed == ["website"]
    [update] = _updates(queries.captured_queries)
    assert '"website"' in update and '"updated_at"' in update
    assert '"name"' not in update and '"population"' not in update
    saved = City.objects.get(pk=lyon.pk)
    assert (saved.website, saved.population) == ("https://www.lyon.example", lyon.population)


def test_nothing_is_checked_or_written_when_nothing_differs(lyon):
    def refuse(instance):
        raise AssertionError("checked although nothing changed")

    with CaptureQueriesContext(connection) as queries:
        assert model_update(instance=lyon, data={"name": lyon.name}, fields=["name"], clean=refuse) == []
    assert queries.captured_queries == []


def test_a_change_the_check_refuses_is_not_written(lyon):
    with pytest.raises(ValidationError):
        model_update(instance=lyon, data={"website": "not an address"}, fields=["website"])
    assert City.objects.get(pk=lyon.pk).website != "not an address"


def test_touch_records_a_change_of_what_the_fields_do_not_hold(lyon):
    before = City.objects.get(pk=lyon.pk).updated_at
    assert model_update(instance=lyon, data={}, fields=["name"], touch=True) == []
    assert City.objects.get(pk=lyon.pk).updated_at > before


def test_related_objects_are_compared_by_key_without_being_fetched(lyon):
    city = City.objects.get(pk=lyon.pk)  # its country not loaded
    other = Country.objects.exclude(pk=city.country_id).first()
    with CaptureQueriesContext(connection) as queries:
        assert model_changes(instance=city, data={"country": lyon.country}, fields=["country"]) == []
        assert model_changes(instance=city, data={"country": other}, fields=["country"]) == ["country"]
    assert queries.captured_queries == []
