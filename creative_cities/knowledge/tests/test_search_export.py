"""The search's CSV export holds the whole selection, not one page of it."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from creative_cities.knowledge import search_views
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.search import services

pytestmark = pytest.mark.django_db

MANY = 130  # more than a page of the search, and more than its largest page


@pytest.fixture
def many_items(settings, lyon):
    """MANY published practices about weaving, indexed with words only (no embedding model)."""
    settings.SEARCH_EMBEDDER = ""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    items = KnowledgeItem.objects.bulk_create(
        KnowledgeItem(
            kind="practice",
            status="published",
            slug=f"weaving-{number}",
            title=f"Weaving workshop number {number}",
            summary="Weavers teach their craft to the neighbourhood.",
            language="en",
            owner_city=lyon,
            published_at=start + timedelta(days=number),
        )
        for number in range(MANY)
    )
    services.index_objects("knowledge", [item.pk for item in items])
    return items


def _exported(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("query", ["weaving", ""])
def test_the_export_holds_every_item_of_the_selection(anonymous, many_items, query):
    rows = _exported(anonymous.get("/en/knowledge/export.csv", {"q": query, "within": "items", "mode": "lexical"}))
    assert len(rows) == MANY
    assert {row["title"] for row in rows} == {item.title for item in many_items}


def test_the_export_keeps_the_order_of_the_page(anonymous, many_items):
    rows = _exported(anonymous.get("/en/knowledge/export.csv", {"within": "items", "sort": "date"}))
    newest = [f"Weaving workshop number {number}" for number in (MANY - 1, MANY - 2)]
    assert [row["title"] for row in rows[:2]] == newest


def test_the_export_stops_at_its_limit(anonymous, many_items, monkeypatch):
    monkeypatch.setattr(search_views, "EXPORT_LIMIT", 100)
    rows = _exported(anonymous.get("/en/knowledge/export.csv", {"q": "weaving", "within": "items"}))
    assert len(rows) == 100
