#!/usr/bin/env python
"""Benchmark the cooperation graph's figures at 10,000 links; write its section of docs/benchmarks.md.

    .venv/bin/python bench/graph.py [--edges 10000] [--runs 20] [--database sqlite] ...   (or: make bench-graph)

Two measures. In this process, without a database: the function the page and the API
call (cooperation.graph.compute, then the layout) on synthetic relations between the
405 real member cities (names and regions from data/). Then, on a throwaway database
(bench/graph_worker.py in a subprocess, as the other benchmarks do), the same
relations written as projects, accepted interests and adaptations, read back through
the selectors, cold and cached, and the page and the API requested.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The script's own directory would shadow top-level modules; the repository root is what we need.
sys.path[0] = str(ROOT)

from bench.common import (  # noqa: E402 - after the path fix above
    DATABASES,
    REPORT,
    code_fingerprint,
    log,
    percentile,
    require_throwaway,
    run_worker,
)

TARGET_S = 2.0
KINDS = (("project", 0.5), ("interest", 0.3), ("adaptation", 0.2))
FIRST_YEAR, LAST_YEAR = 2005, 2026


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edges", type=int, default=10_000, help="Links between cities (default 10,000).")
    parser.add_argument("--runs", type=int, default=20, help="Timed runs of each measure (default 20).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Database path on (repeatable; default sqlite)."
    )
    parser.add_argument("--no-database", action="store_true", help="Only the computation, no database path.")
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


def member_nodes() -> list[dict]:
    """The 405 member cities of data/members.csv with their UNESCO region: the real distribution."""
    with (ROOT / "data" / "unesco_regions.csv").open(encoding="utf-8") as handle:
        regions = {row["iso2"]: row["region"] for row in csv.DictReader(handle)}
    with (ROOT / "data" / "members.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "id": number,
            "slug": f"{_slug(row['city'])}-{number}",
            "name": row["city"],
            "country": row["iso2"],
            "region": regions[row["iso2"]],
            "field": row["field"],
        }
        for number, row in enumerate(rows, start=1)
    ]


def synthetic_relations(nodes: list[dict], edges: int, seed: int = 2004) -> list[tuple[int, int, str, int]]:
    """Relations ``(a, b, kind, year)`` making exactly ``edges`` links, seeded: the same every run.

    Shaped like a real network: a few very active cities (activity falls with rank),
    most partners in the same region (60 %), a quarter of the links with more than one
    relation, more links in recent years.
    """
    rng = random.Random(seed)
    ids = [node["id"] for node in nodes]
    rng.shuffle(ids)
    activity = {city: 1 / (rank + 1) ** 0.6 for rank, city in enumerate(ids)}
    region = {node["id"]: node["region"] for node in nodes}
    by_region: dict[str, list[int]] = {}
    for node in nodes:
        by_region.setdefault(node["region"], []).append(node["id"])
    population, weights = list(activity), list(activity.values())
    pairs: set[tuple[int, int]] = set()
    relations = []
    kinds, kind_weights = [k for k, _ in KINDS], [w for _, w in KINDS]
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    year_weights = [1 + (year - FIRST_YEAR) for year in years]
    while len(pairs) < edges:
        a = rng.choices(population, weights)[0]
        if rng.random() < 0.6:
            same = by_region[region[a]]
            b = rng.choices(same, [activity[c] for c in same])[0]
        else:
            b = rng.choices(population, weights)[0]
        pair = (min(a, b), max(a, b))
        if a == b or pair in pairs:
            continue
        pairs.add(pair)
        count = 1
        while rng.random() < 0.25:
            count += 1
        for _ in range(count):
            relations.append((*pair, rng.choices(kinds, kind_weights)[0], rng.choices(years, year_weights)[0]))
    return relations


def _timings(samples: list[float]) -> dict:
    return {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "max": max(samples), "runs": len(samples)}


def measure_computation(nodes: list[dict], relations: list, runs: int) -> dict:
    """The figures alone, the layout alone, and both (a cache miss less its queries); seconds."""
    from creative_cities.cooperation import graph, layout

    figures_s, layout_s, both_s, cpu_s = [], [], [], []
    figures = graph.compute(nodes, relations)  # warm-up: imports, igraph's first call
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.thread_time()
        figures = graph.compute(nodes, relations)
        middle = time.perf_counter()
        layout.network_layout(figures["cities"], figures["edges"])
        ended = time.perf_counter()
        figures_s.append(middle - started)
        layout_s.append(ended - middle)
        both_s.append(ended - started)
        cpu_s.append(time.thread_time() - cpu)
    network = figures["network"]
    return {
        "figures": _timings(figures_s),
        "layout": _timings(layout_s),
        "both": _timings(both_s),
        "cpu_both": _timings(cpu_s),
        "nodes": network["nodes"],
        "edges": network["edges"],
        "relations": network["relations"],
        "isolated": network["isolated"],
        "communities": network["communities"],
        "largest_component": network["largest_component"],
        "density": network["density"],
        "across": network["across_regions_share"],
    }


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/graph.py")  # the worker writes thousands of projects, calls and items
    import django

    django.setup()
    from bench.graph_worker import run

    result = run(database=args.worker, edges=args.edges, runs=args.runs, log=log)
    args.json.write_text(json.dumps(result))
    return 0


HOW = """\
## Cooperation graph

Written by `make bench-graph` (or `.venv/bin/python bench/graph.py`).

**How.** The graph's nodes are the 405 member cities of `data/members.csv` with their
real regions. Synthetic relations (seeded, the same every run) make exactly {edges:,}
links: activity falls with a city's rank (a few very active cities, many quiet ones),
60 % of partners are chosen in the same region, a quarter of the links carry more than
one relation (so {relations:,} relations), kinds are half projects, 30 % accepted
interests, 20 % adaptations, years 2005–2026 with more links in recent years.

*Computation*: the function the page, the exports and the API call
(`cooperation.graph.compute`: edges from relations, degree, weighted degree,
betweenness, components, Louvain communities and modularity, region shares, the year
series) and the picture's layout (`layout.network_layout`: Fruchterman-Reingold inside
each community and between communities, then discs moved apart), {runs} runs after one
warm-up, in this process, no database.

*Through the database* (SQLite in a fresh file, migrated and with the registry
imported): each relation written as its source row (a project of two cities, a call
and its accepted interest, or an item and its adaptation, with `bulk_create`), then
`selectors.graph_figures()` timed *cold* (cache and the process's memo emptied: the
sources' version, the five reading queries, the computation; then again with the
drawing's layout, which the page adds and the API and exports do not need) and
*cached* (the version query, then the figures from the process's memo), and the page and the API
requested through Django's test client with the figures cached (rendering the SVG of
every link and the tables). p50/p95 are nearest-rank percentiles of the wall time.

**Target** (cooperation issue): the graph's figures for 10,000 links in at most {target:.0f} s.
"""


def write_report(path: Path, *, info: dict, computation: dict, databases: list[dict], options: dict) -> list:
    from bench.common import write_section

    found = [
        (
            f"figures and layout computed p95 ≤ {TARGET_S:.0f} s at {computation['edges']:,} links",
            computation["both"]["p95"] <= TARGET_S,
            f"{computation['both']['p95']:.2f} s",
        )
    ]
    for result in databases:
        cold = result["cold"]["p95"]
        found.append(
            (
                f"figures from the database, cold, p95 ≤ {TARGET_S:.0f} s ({result['version']})",
                cold <= TARGET_S,
                f"{cold:.2f} s",
            )
        )
    lines = [HOW.format(target=TARGET_S, **options), "### Machine", ""]
    lines += ["| | |", "|---|---|", *[f"| {key} | {value} |" for key, value in info.items()], "", "### Verdict", ""]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    c = computation
    lines += [
        "",
        "### Computation",
        "",
        f"{c['nodes']} cities, {c['edges']:,} links, {c['relations']:,} relations: density {c['density']:.3f}, "
        f"{c['communities']} communities, largest component {c['largest_component']}, {c['isolated']} isolated, "
        f"{c['across']:.0%} of links across regions.",
        "",
        "| Measure | p50 | p95 | max |",
        "|---|---:|---:|---:|",
    ]
    for key, label in (
        ("figures", "figures (`graph.compute`)"),
        ("layout", "layout of the drawing"),
        ("both", "both (a cache miss without its queries)"),
        ("cpu_both", "both, CPU time"),
    ):
        t = c[key]
        lines.append(f"| {label} | {t['p50'] * 1000:.0f} ms | {t['p95'] * 1000:.0f} ms | {t['max'] * 1000:.0f} ms |")
    for r in databases:
        lines += [
            "",
            f"### Through the database: {r['version']}",
            "",
            f"{r['rows']:,} source rows written in {r['write_seconds']:.1f} s; {r['relations']:,} relations read back "
            f"as {r['edges']:,} links.",
            "",
            "| Measure | p50 | p95 | max | queries |",
            "|---|---:|---:|---:|---:|",
        ]
        for key, label in (
            ("read", "reading the relations (`relation_list`)"),
            ("cold", "figures, cold (version, reading queries, computation)"),
            ("cold_with_layout", "figures and the drawing's layout, cold (what the page's first request waits)"),
            ("cached", "figures, cached"),
            ("page", "the page `/cooperation/`, figures cached"),
            ("api", "the API `/cooperation/figures`, figures cached"),
            ("city_page", "a city's page, figures cached"),
        ):
            t = r[key]
            lines.append(
                f"| {label} | {t['p50'] * 1000:.1f} ms | {t['p95'] * 1000:.1f} ms | {t['max'] * 1000:.1f} ms "
                f"| {t.get('queries', '')} |"
            )
        lines += [
            "",
            f"The page weighs {r['page_bytes'] / 1024:.0f} KB ({r['page_gzip'] / 1024:.0f} KB gzipped), of which "
            f"the drawing {r['svg_bytes'] / 1024:.0f} KB: {r['edges']:,} links as {r.get('paths', 2)} paths, "
            f"{r['drawn']} cities.",
        ]
    write_section(path, "graph", "\n".join(lines))
    return found


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    nodes = member_nodes()
    relations = synthetic_relations(nodes, args.edges)
    log(f"computation: {len(nodes)} cities, {args.edges:,} links, {len(relations):,} relations, {args.runs} runs")
    computation = measure_computation(nodes, relations, args.runs)
    log(f"  figures and layout p95 {computation['both']['p95']:.3f} s")
    databases = []
    if not args.no_database:
        arguments = ["--edges", str(args.edges), "--runs", str(args.runs)]
        log("collectstatic")  # the page links its stylesheet through the manifest, as in production
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, check=True
        )
        with tempfile.TemporaryDirectory(prefix="ccp-bench-graph-") as tmp:
            for database in args.database or ["sqlite"]:
                log(f"\n== {database} ==")
                try:
                    databases.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
                except subprocess.CalledProcessError as failed:
                    log(f"\nERROR: the {database} graph benchmark failed ({failed}); report not written.")
                    return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Run time": f"{duration:.0f} s"})
    info["Date"] = date
    options = {"edges": args.edges, "relations": len(relations), "runs": args.runs}
    found = write_report(args.output, info=info, computation=computation, databases=databases, options=options)
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
