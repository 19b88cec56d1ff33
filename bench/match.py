#!/usr/bin/env python
"""Benchmark matchmaking (its speed, and whether it finds hidden partners); write its section of docs/benchmarks.md.

    .venv/bin/python bench/match.py [--organisations 10000] [--projects 10000] [--practices 10000]
                                    [--subjects 200] [--database sqlite] [--part timing|quality]
                                    [--k 10] ...   (or: make bench-match)

Each database is timed in its own subprocess (this script with --worker) on a
throwaway database, as bench/run.py does; see bench/match_worker.py for what is timed.
The quality part (bench/match_quality.py) runs once, on SQLite, in a world of its own.
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
WORD_EMBEDDER = "bench.match_quality.WordEmbedder"
PARTS = ("timing", "quality")
QUALITY_SEED = 2026


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--practices", type=int, default=10_000, help="Published practices (default 10,000).")
    parser.add_argument("--subjects", type=int, default=200, help="Projects timed (default 200).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--part", choices=PARTS, action="append", help="Only this part (default both).")
    parser.add_argument("--k", type=int, default=10, help="Hit rate at this rank (default 10).")
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--save-json", type=Path, help="Also keep the raw results here.")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--quality", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/match.py")  # the worker adds tens of thousands of rows
    import django

    django.setup()
    if args.quality:
        from bench.match_quality import run as quality

        args.json.write_text(json.dumps(quality(k=args.k, seed=QUALITY_SEED, log=log)))
        return 0
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


QUALITY = """\
### Finding hidden partners

Written by the same command (`--part quality` alone); the world and the rankings are
described in `bench/match_quality.py`. In short: on a throwaway SQLite database, the 405
member cities each get a hidden theme, drawn uniformly, that is none of the facts the
platform stores (not a creative field, an SDG, a language or a place). Cities publish
zero to six practices (a quarter none), whose fields and SDGs are drawn without regard to
the theme; {theme_share:.0%} of their words are words of their city's theme, the others common
words and words of their fields. A few visible projects, calls and expressions of interest
are drawn at random. Each city then gets one to three hidden
partners, {same_theme:.0%} of them among the cities of its theme and the rest from anyone; they are
written nowhere. Texts become vectors through a bag of words (each word a fixed random
direction), cheap and predictable. For each city with hidden partners, the other member
cities are ranked by the recommender and by two baselines: creative field alone (a field
the city works in beyond its own first, then its own field, ties at random) and a random
ranking. The hit rate@{k} is the share of a city's hidden partners among the first {k},
averaged over cities; *same field* and *same country* are the shares of the {k}
suggestions that are in the subject's own creative field and country.
"""


def quality_lines(quality: dict) -> list[str]:
    from bench.match_quality import SAME_THEME, THEME_SHARE

    k = quality["k"]
    lines = [QUALITY.format(k=k, theme_share=THEME_SHARE, same_theme=SAME_THEME)]
    lines += [
        f"{quality['cities']} cities, {quality['practices']} published practices, {quality['hidden_pairs']} hidden "
        f"partnerships; {quality['subjects']} cities ranked ({quality['version']}).",
        "",
        f"| Ranking (cities for a city) | hit rate@{k} | hidden partners found | same field | same country |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in quality["results"]:
        lines.append(
            f"| {r['label']} | {r['hit_rate']:.3f} | {r['found']} / {r['hidden']} ({r['found'] / r['hidden']:.1%}) "
            f"| {r['same_field']:.1%} | {r['same_country']:.1%} |"
        )
    return lines


def write_report(
    path: Path, *, info: dict, results: list[dict], quality: dict | None, options: dict, duration: float
) -> list[tuple]:
    found = verdicts(results)
    lines = [HOW.format(target=TARGET_MS, **options), "### Machine", ""]
    lines += ["| | |", "|---|---|", *[f"| {key} | {value} |" for key, value in info.items()]]
    lines += [f"| Database | {result['version']} |" for result in results]
    lines += [f"| Run time | {duration:.0f} s |", ""]
    if results:
        lines += ["### Verdict", ""]
        lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    else:
        lines += ["Speed was not measured in this run (`--part quality`)."]
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
    if quality:
        lines += ["", *quality_lines(quality)]
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
    parts = args.part or list(PARTS)
    results, quality = [], None
    arguments = [
        *("--organisations", str(args.organisations), "--projects", str(args.projects)),
        *("--practices", str(args.practices), "--subjects", str(args.subjects), "--k", str(args.k)),
    ]
    script = Path(__file__).resolve()
    with tempfile.TemporaryDirectory(prefix="ccp-bench-match-") as tmp:
        try:
            if "timing" in parts:
                # The workers' settings read the embedder from the environment: the synthetic one.
                os.environ["SEARCH_EMBEDDER"] = SYNTHETIC_EMBEDDER
                for database in args.database or list(DATABASES):
                    log(f"\n== {database} ==")
                    (Path(tmp) / database).mkdir()
                    results.append(run_worker(script, database, arguments, Path(tmp) / database))
            if "quality" in parts:
                log("\n== quality ==")
                os.environ["SEARCH_EMBEDDER"] = WORD_EMBEDDER
                (Path(tmp) / "quality").mkdir()
                quality = run_worker(script, "sqlite", [*arguments, "--quality"], Path(tmp) / "quality")
        except subprocess.CalledProcessError as failed:
            log(f"\nERROR: the matchmaking benchmark failed ({failed}); report not written.")
            return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    if args.save_json:
        args.save_json.write_text(json.dumps({"timing": results, "quality": quality}, indent=1))
    options = {
        "organisations": args.organisations,
        "projects": args.projects,
        "practices": args.practices,
        "subjects": args.subjects,
    }
    found = write_report(args.output, info=info, results=results, quality=quality, options=options, duration=duration)
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    if quality:
        for r in quality["results"]:
            log(f"  {r['label']}: hit rate@{quality['k']} {r['hit_rate']:.3f}, same field {r['same_field']:.1%}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
