"""The measuring half of the relevance benchmark: runs inside Django, on its own SQLite file.

bench/search_relevance.py starts it in a subprocess. ``build`` imports the member
registry, creates and publishes every corpus item through the knowledge services and
indexes everything (items and member cities) through the search services, with the
real model. ``measure`` runs every query through ``selectors.search`` (what the search
page and the API call), in each mode and scope, and returns each query's first ten
hits as corpus ids; the parent computes the measures.
"""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

CORPUS_DIR = Path(settings.BASE_DIR) / "bench" / "relevance"
MODES = ("lexical", "semantic", "hybrid")
# "knowledge": the items only, as the search page's "Practices, policies, publications";
# "everything": items and member cities together, the search page's default.
SCOPES = {"knowledge": ["knowledge"], "everything": ["knowledge", "city"]}
K = 10


def load_items() -> list[dict]:
    items = []
    for path in sorted((CORPUS_DIR / "items").glob("*.json")):
        items.extend(json.loads(path.read_text(encoding="utf-8")))
    return items


def load_queries() -> list[dict]:
    queries = []
    for path in sorted((CORPUS_DIR / "queries").glob("*.json")):
        queries.extend(json.loads(path.read_text(encoding="utf-8")))
    return queries


def build(log) -> dict:
    """Registry, corpus and index in this (empty) database; how long each part took."""
    from creative_cities.cities.models import City
    from creative_cities.knowledge import services
    from creative_cities.search import services as search_services

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("import_members", verbosity=0)
    cities = {city.slug: city for city in City.objects.select_related("field")}
    items = load_items()
    ids = {}
    # Publishing queues an indexing task per item in the database; nobody runs them here:
    # one rebuild afterwards embeds in batches, as a first indexing does.
    for entry in items:
        city = cities[entry["city"]]
        item = services.item_create(
            by=None,
            owner_city=city,
            data={key: entry[key] for key in ("kind", "title", "summary", "body", "language")},
            relations={"fields": [city.field.pk]},
        )
        services.item_publish(item=item, by=None)
        ids[item.pk] = entry["id"]
    loaded = time.perf_counter()
    log(f"{len(items)} items created and published in {loaded - started:.0f} s; indexing with the model…")
    report = search_services.rebuild()
    indexed = time.perf_counter()
    log(f"indexed {report.documents} documents ({report.embedded} vectors) in {indexed - loaded:.0f} s")
    (Path(settings.DATABASES["default"]["NAME"]).with_suffix(".ids.json")).write_text(json.dumps(ids))
    return {"items": len(items), "documents": report.documents, "index_seconds": indexed - loaded}


def measure(log) -> dict:
    """Every query's first ten hits in each mode and scope, as corpus ids ("city:<id>" for a city)."""
    from creative_cities.search import selectors

    ids = {int(pk): corpus_id for pk, corpus_id in json.loads(
        Path(settings.DATABASES["default"]["NAME"]).with_suffix(".ids.json").read_text()
    ).items()}  # fmt: skip
    rankings: dict[str, dict] = {}
    started = time.perf_counter()
    for query in load_queries():
        for mode in MODES:
            for scope, kinds in SCOPES.items():
                found = selectors.search(query["text"], kinds=kinds, mode=mode, page_size=K)
                rankings[f"{query['id']}|{mode}|{scope}"] = {
                    "hits": [
                        ids.get(hit.object_id, f"item:{hit.object_id}") if hit.kind == "knowledge"
                        else f"{hit.kind}:{hit.object_id}"
                        for hit in found.hits
                    ],
                    "languages": [hit.language for hit in found.hits],
                    "total": found.total,
                    "close": getattr(found, "close_match", True),  # older versions: no such notice
                }  # fmt: skip
    log(f"{len(rankings)} searches in {time.perf_counter() - started:.1f} s")
    return {"rankings": rankings}
