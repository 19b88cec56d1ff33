#!/usr/bin/env python
"""Benchmark the indicator dashboards at network scale; write their section of docs/benchmarks.md.

    .venv/bin/python bench/indicator_dashboards.py [--runs 20] [--replications 500]   (or: make bench-dashboards)

A subprocess (this script with --worker) works on a fresh SQLite file in var/: it
migrates, imports the registry (405 cities) and adds 3 synthetic cities (408), then a
synthetic framework of 60 indicators (12 dimensions × 5, in 3 sub-indices) with values
for 3 years (about 5 % missing, seeded). Through Django's test client, with the
response cache off (every request rendered): the network dashboard, a city's dashboard
and the ranking's CSV, each *cold* (the cache emptied: the first request computes the
index and the Monte Carlo rank intervals) and *warm* (the computation cached).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from bench.common import REPORT, code_fingerprint, log, manage, percentile, require_throwaway, run_worker, write_section  # noqa: E402

CITIES, DIMENSIONS, PER_DIMENSION, SUBINDICES = 408, 12, 5, 3
YEARS = (2023, 2024, 2025)
TARGET_WARM_MS = 30.0  # the pages' p95 target (docs/benchmarks.md, "Pages and API")
TARGET_COLD_S = 30.0  # a first computation must not outlast a request's patience (gunicorn's timeout)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="Timed warm requests of each page (default 20).")
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--worker", choices=["sqlite"], help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def seed(log) -> dict:
    """The synthetic cities, framework and values; returns counts."""
    from django.db import transaction

    from creative_cities.cities.models import City
    from creative_cities.core import versions
    from creative_cities.indicators.models import Framework, Node, Value

    rng = random.Random(7)
    with transaction.atomic():
        model = City.objects.get(slug="lyon")
        for number in range(CITIES - City.objects.count()):
            City.objects.create(
                name=f"Bench city {number}",
                slug=f"bench-city-{number}",
                registry_name=f"Bench city {number}",
                country=model.country,
                field=model.field,
                designation_year=2020,
                latitude=45,
                longitude=4,
                population=rng.randint(50_000, 3_000_000),
            )
        framework = Framework.objects.create(
            slug="bench",
            name_en="Bench",
            name_fr="Bench",
            name_es="Bench",
            status="published",
            method={"outliers": "winsorise", "normalisation": "minmax", "aggregation": "arithmetic"},
        )
        names = {"name_en": "n", "name_fr": "n", "name_es": "n"}
        root = Node.objects.create(framework=framework, code="IDX", **names)
        leaves, dimension_of = [], {}
        for s in range(SUBINDICES):
            sub = Node.objects.create(framework=framework, code=f"S{s + 1}", parent=root, position=s, **names)
            for d in range(DIMENSIONS // SUBINDICES):
                number = s * (DIMENSIONS // SUBINDICES) + d + 1
                dimension = Node.objects.create(
                    framework=framework, code=f"D{number:02d}", parent=sub, position=d, **names
                )
                for i in range(PER_DIMENSION):
                    leaf = Node.objects.create(
                        framework=framework, code=f"D{number:02d}.{i + 1}", parent=dimension, position=i, **names
                    )
                    leaves.append(leaf)
                    dimension_of[leaf.pk] = number
        rows = []
        for city in City.objects.all():
            levels = {number: rng.gauss(0, 1) for number in range(1, DIMENSIONS + 1)}
            for leaf in leaves:
                for year in YEARS:
                    if rng.random() < 0.05:
                        continue
                    value = 10 ** (1 + 0.4 * levels[dimension_of[leaf.pk]] + rng.gauss(0, 0.3)) * (
                        1.02 ** (year - 2023)
                    )
                    rows.append(Value(node=leaf, city=city, year=year, value=round(value, 3), source="bench"))
        Value.objects.bulk_create(rows, batch_size=2000)
        versions.changed("indicators")
    return {"cities": City.objects.count(), "indicators": len(leaves), "values": len(rows)}


def _time(client, url: str) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries), len(body)


def run(runs: int) -> dict:
    from django.core.cache import cache
    from django.test import Client

    from creative_cities.cities.models import City

    counts = seed(log)
    log(f"seeded {counts}")
    client = Client()
    slugs = list(City.objects.order_by("slug").values_list("slug", flat=True))
    pages = {
        "network dashboard": lambda n: "/en/indicators/bench/",
        "city dashboard": lambda n: f"/en/indicators/cities/{slugs[n * 17 % len(slugs)]}/?framework=bench",
        "ranking CSV": lambda n: "/en/indicators/bench/ranking.csv",
    }
    results = {}
    for name, url in pages.items():
        cache.clear()
        cold, cold_queries, size = _time(client, url(0))
        samples, queries = [], 0
        for n in range(runs):
            elapsed, queries, size = _time(client, url(n + 1))
            samples.append(elapsed)
        results[name] = {
            "cold_s": cold,
            "cold_queries": cold_queries,
            "p50_ms": percentile(samples, 50) * 1000,
            "p95_ms": percentile(samples, 95) * 1000,
            "max_ms": max(samples) * 1000,
            "queries": queries,
            "bytes": size,
        }
        log(f"  {name}: cold {cold:.1f} s, warm p95 {results[name]['p95_ms']:.1f} ms")
    return {"counts": counts, "pages": results}


def worker_main(args) -> int:
    require_throwaway("bench/indicator_dashboards.py")
    manage(["migrate", "--noinput"], ["import_members"])
    import django

    django.setup()
    result = run(args.runs)
    args.json.write_text(json.dumps(result))
    return 0


HOW = """\
## Indicator dashboards

Written by `make bench-dashboards` (or `.venv/bin/python bench/indicator_dashboards.py`).

**How.** A fresh SQLite file in `var/`, migrated, with the registry imported and 3 synthetic
cities added (408 cities); a synthetic framework of 60 indicators (12 dimensions × 5, in 3
sub-indices; winsorisation, min-max, arithmetic means) with values for 2023–2025 (about 5 %
missing, seeded). Each page is requested through Django's test client with the response
cache off, first *cold* (the Django cache emptied: the request computes the index with the
engine and the rank intervals, 500 Monte Carlo replications with a fixed seed) then *warm*
(the computation cached under the version tokens of the indicator and registry tables);
a city's dashboard is asked for a different city at each request. p50/p95 are nearest-rank
percentiles of the wall time.

**Targets**: warm pages at the pages' target, p95 ≤ 30 ms; a cold page (the first request
after values change) within 30 s, gunicorn's request timeout.
"""


def write_report(path: Path, *, info: dict, result: dict, runs: int) -> list[tuple[str, bool, str]]:
    pages = result["pages"]
    found = []
    for name, figures in pages.items():
        found.append(
            (
                f"{name} warm p95 ≤ {TARGET_WARM_MS:.0f} ms",
                figures["p95_ms"] <= TARGET_WARM_MS,
                f"{figures['p95_ms']:.1f} ms",
            )
        )
        found.append(
            (f"{name} cold ≤ {TARGET_COLD_S:.0f} s", figures["cold_s"] <= TARGET_COLD_S, f"{figures['cold_s']:.1f} s")
        )
    lines = [HOW, "### Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += ["", "### Verdict", ""]
    lines += [f"- **{'met' if met else 'not met'}**: {target}: {figure}" for target, met, figure in found]
    counts = result["counts"]
    lines += [
        "",
        "### Figures",
        "",
        f"{counts['cities']} cities, {counts['indicators']} indicators, {counts['values']:,} values; "
        f"{runs} warm requests each.",
        "",
        "| Page | cold | cold queries | warm p50 | warm p95 | max | queries | size |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, f in pages.items():
        lines.append(
            f"| {name} | {f['cold_s']:.2f} s | {f['cold_queries']} | {f['p50_ms']:.1f} ms | {f['p95_ms']:.1f} ms | "
            f"{f['max_ms']:.1f} ms | {f['queries']} | {f['bytes'] / 1024:.0f} KB |"
        )
    write_section(path, "indicator-dashboards", "\n".join(lines))
    return found


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    log("collectstatic")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, check=True
    )
    folder = ROOT / "var" / "bench-indicators"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.sqlite3*"):
        old.unlink()
    os.environ["RESPONSE_CACHE_SECONDS"] = "0"
    result = run_worker(Path(__file__).resolve(), "sqlite", ["--runs", str(args.runs)], folder)
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update(
        {"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Run time": f"{duration:.0f} s", "Date": date}
    )
    for target, met, figure in write_report(args.output, info=info, result=result, runs=args.runs):
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
