"""The measuring half of the benchmark: runs inside Django, against one database.

bench/run.py starts it in a subprocess with DATABASE_URL set, so that settings are
read fresh for each database. It builds the registry, times the pages with the test
client (the full middleware stack, no network), grows the registry with synthetic
cities and times them again, then writes what it found as JSON.
"""

import gc
import sqlite3
import time
from dataclasses import asdict

from django.core.cache import cache
from django.db import close_old_connections, connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from .common import manage, percentile

# (key, label, path). The filtered directory uses every kind of filter at once.
PAGES = [
    ("home", "Home", "/en/"),
    ("directory", "Directory", "/en/cities/"),
    (
        "directory_filtered",
        "Directory, filtered",
        "/en/cities/?field=music&region=europe_north_america&q=a&sort=-year",
    ),
    ("city", "City page (Lyon)", "/en/cities/lyon/"),
    ("map", "Map", "/en/map/"),
    ("api_list", "API list", "/api/v1/cities"),
    ("api_list_filtered", "API list, music, 100 a page", "/api/v1/cities?field=music&page_size=100"),
]


# Slow pages get fewer requests, so that a run stays within minutes: warm-up stops
# after WARMUP_SECONDS, timing after the budget (but never below MIN_REQUESTS).
WARMUP_SECONDS = 1.5
MIN_REQUESTS = 10


def _get(client: Client, path: str):
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return response


def measure_page(client: Client, path: str, *, requests: int, warmup: int, budget: float) -> dict:
    """Server time of ``path`` over ``requests`` requests (fewer if ``budget`` seconds run out).

    After each request the connection is handled as the WSGI handler would
    (close_old_connections): kept for the next one, on both databases (CONN_MAX_AGE).
    Queries are counted on separate requests, so that the debug cursor does not inflate
    the times.
    """
    deadline = time.perf_counter() + WARMUP_SECONDS
    for _ in range(warmup):
        _get(client, path)
        close_old_connections()
        if time.perf_counter() > deadline:
            break
    times, cpu = [], []
    gc.collect()
    deadline = time.perf_counter() + budget
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = _get(client, path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        close_old_connections()
        if len(times) >= MIN_REQUESTS and time.perf_counter() > deadline:
            break
    counts, sql = set(), []
    for _ in range(3):
        with CaptureQueriesContext(connection) as captured:
            _get(client, path)
        close_old_connections()
        counts.add(len(captured.captured_queries))
        sql = [query["sql"] for query in captured.captured_queries]
    # The first request after a change of the registry finds the cache empty:
    # its queries and time are the page's worst case, reported beside the rest.
    cold_counts, cold_times = set(), []
    for _ in range(3):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            _get(client, path)
            cold_times.append((time.perf_counter() - start) * 1000)
        close_old_connections()
        cold_counts.add(len(captured.captured_queries))
    times.sort()
    cpu.sort()
    return {
        "n": len(times),
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": times[-1],
        "mean": sum(times) / len(times),
        "cpu_p50": percentile(cpu, 50),
        "queries": max(counts),
        "queries_vary": len(counts) > 1,
        "queries_cold": max(cold_counts),
        "cold_ms": sorted(cold_times)[1],
        "bytes": len(response.content),
        "sql": sql,
    }


def partnership_pages() -> list[tuple[str, str, str]]:
    """The pages of projects, the board and the cooperation graph, on the demo partnerships."""
    from django.db.models import Count

    from creative_cities.projects.models import Project

    project = Project.objects.annotate(partner_count=Count("partners")).order_by("-partner_count", "pk").first()
    return [
        ("projects", "Projects", "/en/projects/"),
        ("project", f"Project page ({project.partner_count} partners)", project.get_absolute_url()),
        ("board", "Needs and offers", "/en/board/"),
        ("cooperation", "Cooperation graph", "/en/cooperation/"),
        ("api_projects", "API projects", "/api/v1/projects"),
    ]


# Pages a signed-in person gets (Lyon's focal point): never from the response cache, whatever it holds.
SIGNED_IN_PAGES = [
    ("signed_in_projects", "Projects, signed in", "/en/projects/"),
    ("signed_in_city", "City page (Lyon), its focal point", "/en/cities/lyon/"),
]


def signed_in_client() -> Client:
    """A client signed in as a focal point of Lyon (made once, found again after growth)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from creative_cities.accounts.choices import RoleKind
    from creative_cities.accounts.services import role_grant
    from creative_cities.cities.models import City

    email = "bench.focal.lyon@example.org"
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(email=email, password=None, full_name="Bench Focal Point")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        role_grant(user=user, kind=RoleKind.FOCAL_POINT, city=City.objects.get(slug="lyon"), granted_by=None)
    client = Client()
    client.force_login(user)
    return client


def measure_all(*, requests: int, warmup: int, budget: float, log) -> dict:
    # The response cache would answer the anonymous requests after the first: the p95 target is for the render.
    with override_settings(RESPONSE_CACHE_SECONDS=0):
        anonymous, signed_in = Client(), signed_in_client()
        results = {}
        pages = [(anonymous, page) for page in [*PAGES, *partnership_pages()]]
        for client, (key, label, path) in [*pages, *((signed_in, page) for page in SIGNED_IN_PAGES)]:
            result = measure_page(client, path, requests=requests, warmup=warmup, budget=budget)
            results[key] = {"label": label, "path": path, **result}
            log(
                f"  {label:<34} p50 {result['p50']:7.2f} ms  p95 {result['p95']:7.2f} ms  "
                f"max {result['max']:7.2f} ms  {result['queries']:2d} queries  (n={result['n']})"
            )
    return results


def database_version() -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def live_objects() -> int:
    gc.collect()
    return len(gc.get_objects())


def run(
    *,
    database: str,
    requests: int,
    grown_requests: int,
    warmup: int,
    budget: float,
    grow_to: int,
    transfer: bool,
    log,
) -> dict:
    """Everything measured on one database, as a JSON-ready dict."""
    from creative_cities.cities.models import City

    from .generate import cities_grow
    from .transfer import page_transfer

    started = time.perf_counter()
    # In separate processes: migrate leaves ~800,000 live objects behind (the migration
    # graph and states), which would make every full garbage collection of this process
    # take over half a second; a server process never carries them.
    # The demo partnerships (organisations, projects, calls; no search indexing) give the
    # pages of projects, the board and the cooperation graph something to show.
    manage(["migrate", "--no-input"], ["import_members"], ["generate_partnership_demo", "--no-index"])
    real_cities = City.objects.count()
    setup = time.perf_counter() - started
    log(f"{database}: {database_version()}; {real_cities} cities imported in {setup:.1f} s")
    log(f"{database}: {live_objects()} live Python objects before timing")

    report = {"database": database, "version": database_version(), "setup_seconds": setup, "scales": []}
    report["scales"].append({"cities": real_cities, "pages": measure_all(**_opts(requests, warmup, budget), log=log)})
    if transfer:
        report["transfer"] = [asdict(asset) for asset in page_transfer("/en/")]

    started = time.perf_counter()
    added = cities_grow(total=grow_to)
    grown = City.objects.count()
    log(f"{database}: {added} synthetic cities added in {time.perf_counter() - started:.1f} s; now {grown}")
    log(f"{database}: {live_objects()} live Python objects before timing")
    report["scales"].append({"cities": grown, "pages": measure_all(**_opts(grown_requests, warmup, budget), log=log)})
    if transfer:
        report["transfer_grown"] = [asdict(asset) for asset in page_transfer("/en/")]
    return report


def _opts(requests: int, warmup: int, budget: float) -> dict:
    return {"requests": requests, "warmup": warmup, "budget": budget}
