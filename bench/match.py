#!/usr/bin/env python
"""Benchmark matchmaking (recommendations for projects); write its section of docs/benchmarks.md.

    .venv/bin/python bench/match.py [--organisations 10000] [--projects 10000] [--practices 10000]
                                    [--subjects 200] [--database sqlite] ...   (or: make bench-match)

Each database is measured in its own subprocess (this script with --worker) on a
throwaway database, as bench/run.py does; see bench/match_worker.py for what is measured.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The script's own directory would shadow top-level modules; the repository root is what we need.
sys.path[0] = str(ROOT)

from bench.common import (  # noqa: E402 - after the path fix above
    DATABASES,
    REPORT,
    code_fingerprint,
    log,
    require_throwaway,
    run_worker,
    write_section,
)

TARGET_MS = 100
SYNTHETIC_EMBEDDER = "bench.match_worker.SyntheticEmbedder"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--practices", type=int, default=10_000, help="Published practices (default 10,000).")
    parser.add_argument("--subjects", type=int, default=200, help="Projects timed (default 200).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--save-json", type=Path, help="Also keep the raw results here.")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/match.py")  # the worker adds tens of thousands of rows
    import django

    django.setup()
    from bench.match_worker import run

    result = run(
        database=args.worker,
        organisations=args.organisations,
        projects=args.projects,
        practices=args.practices,
        subjects=args.subjects,
        log=log,
    )
    args.json.write_text(json.dumps(result))
    return 0


HOW = """\
## Matchmaking

Written by `make bench-match` (or `.venv/bin/python bench/match.py`).

**How.** For each database (SQLite in a fresh file; PostgreSQL 15 in a throwaway cluster)
a subprocess imports the member registry (405 cities), then adds in bulk, seeded:
{organisations:,} organisations (70% in a member city), {projects:,} projects (85% led by a
city, two creative fields and three SDGs each, one to three partner cities and up to two
partner organisations) and published practices from the knowledge base's demo generator
(`demo/knowledge`, every item made a practice), until there are {practices:,}. Every city,
organisation, project and practice then gets a search document with a random unit vector of
384 dimensions (a synthetic embedder: the cost of a recommendation depends on the number and
dimension of the vectors, not their values; projects have their vector, so nothing is
embedded while timing, as in production once the task worker has indexed them).

The first recommendation builds the matchmaking index (the candidates' arrays and the
cooperation graph, read from the database, and the search index's arrays): its time is
given apart, as a process pays it once, and again after the facts change. Then
{subjects} projects drawn at random are each asked for recommendations three ways, after
20 untimed warm-up calls: through `matchmaking.selectors.recommend` (fetching the project
by its slug included), through the API (`GET /api/v1/matchmaking/projects/{{slug}}`, Django's
test client, the full middleware stack), and through the page. Each gives the 10 best
cities, organisations and practices with their reasons. p50/p95 are nearest-rank
percentiles of the wall time; CPU is the measuring thread's own time.

**Target** (matchmaking issue): recommendations p95 at most {target} ms for a project, with
405 cities and 10,000 organisations, projects and practices.
"""


def verdicts(results: list[dict]) -> list[tuple[str, bool, str]]:
    found = []
    for result in results:
        for key, label in (("selector", "selector"), ("api", "API")):
            figures = result[key]
            found.append(
                (
                    f"{label} p95 ≤ {TARGET_MS} ms ({result['version']})",
                    figures["p95"] <= TARGET_MS,
                    f"{figures['p95']:.1f} ms (CPU {figures['cpu_p95']:.1f} ms)",
                )
            )
    return found


def write_report(path: Path, *, info: dict, results: list[dict], options: dict, duration: float) -> list[tuple]:
    found = verdicts(results)
    lines = [HOW.format(target=TARGET_MS, **options), "### Machine", ""]
    lines += ["| | |", "|---|---|", *[f"| {key} | {value} |" for key, value in info.items()]]
    lines += [f"| Database | {result['version']} |" for result in results]
    lines += [f"| Run time | {duration:.0f} s |", "", "### Verdict", ""]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    for result in results:
        counts = result["counts"]
        lines += [
            "",
            f"### {result['version']}",
            "",
            f"{result['candidates']:,} candidates ({counts['cities']} cities, {counts['organisations']:,} "
            f"organisations, {counts['practices']:,} practices); {counts['projects']:,} projects with "
            f"{counts['partnerships']:,} partnerships; {counts['documents']:,} search documents.",
            "",
            f"Index built in {result['build_ms']:.0f} ms (CPU {result['build_cpu_ms']:.0f} ms); its arrays take "
            f"{result['arrays_mb']:.1f} MiB; the process held {result['memory']['rss']:.0f} MiB at the end.",
            "",
            f"| {result['subjects']} projects | p50 | p95 | max | CPU p50 | CPU p95 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for key, label in (("selector", "selectors.recommend"), ("api", "API"), ("page", "page")):
            f = result[key]
            lines.append(
                f"| {label} | {f['p50']:.1f} | {f['p95']:.1f} | {f['max']:.1f} | {f['cpu_p50']:.1f} | "
                f"{f['cpu_p95']:.1f} |"
            )
    write_section(path, "matchmaking", "\n".join(lines))
    return found


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    results = []
    arguments = [
        *("--organisations", str(args.organisations), "--projects", str(args.projects)),
        *("--practices", str(args.practices), "--subjects", str(args.subjects)),
    ]
    # The workers' settings read the embedder from the environment: the synthetic one.
    os.environ["SEARCH_EMBEDDER"] = SYNTHETIC_EMBEDDER
    with tempfile.TemporaryDirectory(prefix="ccp-bench-match-") as tmp:
        for database in args.database or list(DATABASES):
            log(f"\n== {database} ==")
            try:
                results.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} matchmaking benchmark failed ({failed}); report not written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    if args.save_json:
        args.save_json.write_text(json.dumps(results, indent=1))
    options = {
        "organisations": args.organisations,
        "projects": args.projects,
        "practices": args.practices,
        "subjects": args.subjects,
    }
    found = write_report(args.output, info=info, results=results, options=options, duration=duration)
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
