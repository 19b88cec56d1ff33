"""The database half of the graph benchmark: runs inside Django, against one throwaway database.

bench/graph.py starts it in a subprocess with DATABASE_URL set. It migrates and
imports the registry, writes the synthetic relations as the rows they come from
(a project of two cities, a call with its accepted interest, an item and its
adaptation), then times the selectors cold and cached, the page and the API.
"""

import gzip
import sys
import time
from datetime import UTC, date, datetime

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .common import manage, percentile

BATCH = 1000


def database_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def _timings(samples: list[float], queries: int | None = None) -> dict:
    found = {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "max": max(samples)}
    if queries is not None:
        found["queries"] = queries
    return found


def write_rows(relations: list, cities: dict[int, int]) -> int:
    """Each relation as the rows it comes from; ``cities`` maps the synthetic ids to real ones. Rows written."""
    from creative_cities.board.models import Call, Interest
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.projects.models import Project, ProjectPartner

    projects, partners, calls, interests, originals, adaptations = [], [], [], [], [], []
    for number, (a, b, kind, year) in enumerate(relations):
        first, second = cities[a], cities[b]
        at = datetime(year, 6, 1, 12, tzinfo=UTC)
        if kind == "project":
            project = Project(slug=f"bench-{number}", title="Bench", summary="x", lead_city_id=first, status="active")
            project.start_on = date(year, 1, 1)
            projects.append(project)
            partners.append((len(projects) - 1, second, date(year, 3, 1)))
        elif kind == "interest":
            calls.append(
                Call(
                    kind="need",
                    slug=f"bench-{number}",
                    title="Bench",
                    description="x",
                    city_id=first,
                    deadline=date(year, 12, 31),
                )
            )
            interests.append((len(calls) - 1, second, at))
        else:
            originals.append(
                KnowledgeItem(
                    kind="practice",
                    slug=f"bench-original-{number}",
                    title="Bench",
                    summary="x",
                    language="en",
                    status="published",
                    published_at=at,
                    owner_city_id=first,
                )
            )
            adaptations.append((len(originals) - 1, second, at, number))
    with transaction.atomic():
        projects = Project.objects.bulk_create(projects, batch_size=BATCH)
        ProjectPartner.objects.bulk_create(
            [ProjectPartner(project=projects[i], city_id=c, joined_on=on) for i, c, on in partners], batch_size=BATCH
        )
        calls = Call.objects.bulk_create(calls, batch_size=BATCH)
        Interest.objects.bulk_create(
            [
                Interest(call=calls[i], city_id=c, message="x", status="accepted", decided_at=at)
                for i, c, at in interests
            ],
            batch_size=BATCH,
        )
        originals = KnowledgeItem.objects.bulk_create(originals, batch_size=BATCH)
        KnowledgeItem.objects.bulk_create(
            [
                KnowledgeItem(
                    kind="practice",
                    slug=f"bench-adapted-{n}",
                    title="Bench",
                    summary="x",
                    language="en",
                    status="published",
                    published_at=at,
                    owner_city_id=c,
                    adapted_from=originals[i],
                )
                for i, c, at, n in adaptations
            ],
            batch_size=BATCH,
        )
    return len(projects) + len(partners) + len(calls) + len(interests) + len(originals) + len(adaptations)


def _timed(call, runs: int, *, before=None) -> tuple[list[float], int]:
    samples, queries = [], 0
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured.captured_queries)
    return samples, queries


def run(*, database: str, edges: int, runs: int, log) -> dict:
    from bench.graph import member_nodes, synthetic_relations
    from creative_cities.cities.models import City
    from creative_cities.cooperation import selectors

    started = time.perf_counter()
    manage(["migrate", "--no-input"], ["import_members"])
    version = database_version()
    log(f"{database}: {version}; registry imported in {time.perf_counter() - started:.1f} s")
    nodes = member_nodes()
    relations = synthetic_relations(nodes, edges)
    # The synthetic cities are the registry's rows in the same order (data/members.csv).
    real = dict(City.objects.values_list("registry_name", "pk"))
    cities = {node["id"]: real[node["name"]] for node in nodes if node["name"] in real}
    if len(cities) != len(nodes):
        sys.exit("The registry's names differ from data/members.csv: import_members did not run as expected.")
    written = time.perf_counter()
    rows = write_rows(relations, cities)
    write_seconds = time.perf_counter() - written
    log(f"{database}: {rows:,} rows written in {write_seconds:.1f} s")

    read, read_queries = _timed(lambda: selectors.relation_list(), max(5, runs // 4))
    cold_runs = max(5, runs // 2)

    def forget():
        cache.clear()
        selectors.memo_clear()

    cold, cold_queries = _timed(lambda: selectors.graph_figures(), cold_runs, before=forget)
    layout, _queries = _timed(lambda: selectors.graph_layout(selectors.graph_figures()), cold_runs, before=forget)
    log(f"{database}: cold figures p95 {percentile(cold, 95):.2f} s")
    figures = selectors.graph_figures()
    cached, cached_queries = _timed(lambda: selectors.graph_figures(), runs)

    client = Client()
    hub = max(figures["cities"], key=lambda c: c["degree"])["slug"]
    pages = {
        "page": "/en/cooperation/",
        "api": "/api/v1/cooperation/figures",
        "city_page": f"/en/cooperation/cities/{hub}/",
    }
    measured = {}
    for key, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm-up
        samples, queries = _timed(lambda url=url: client.get(url), runs)
        measured[key] = _timings(samples, queries)
    html = client.get(pages["page"]).content
    svg = html[html.index(b"<svg") : html.index(b"</svg>") + 6]
    return {
        "database": database,
        "version": version,
        "rows": rows,
        "write_seconds": write_seconds,
        "relations": len(relations),
        "edges": figures["network"]["edges"],
        "read": _timings(read, read_queries),
        "cold": _timings(cold, cold_queries),
        "cached": _timings(cached, cached_queries),
        "cold_with_layout": _timings(layout),
        **measured,
        "page_bytes": len(html),
        "page_gzip": len(gzip.compress(html)),
        "svg_bytes": len(svg),
        "drawn": svg.count(b"</title></circle>"),
        "paths": svg.count(b"<path"),
    }
