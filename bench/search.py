#!/usr/bin/env python
"""Benchmark search (indexing, lexical, semantic and hybrid queries, memory); write its section of docs/benchmarks.md.

    .venv/bin/python bench/search.py [--sizes 1000,10000,50000] [--database sqlite] ...   (or: make bench-search)

Each database is measured in its own subprocess (this script with --worker) on a
throwaway database, as bench/run.py does; see bench/search_worker.py for what is measured.
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
)

LEXICAL_TARGET_MS = 20
HYBRID_TARGET_MS = 80


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000,50000", help="Published items at each step (default 1000,10000,50000)."
    )
    parser.add_argument("--queries", type=int, default=200, help="Queries timed per mode and size (default 200).")
    parser.add_argument("--model-items", type=int, default=60, help="Items indexed with the real model (default 60).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--save-json", type=Path, help="Also keep the raw results here.")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    return args


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/search.py")  # the worker adds tens of thousands of demo items
    import django

    django.setup()
    from bench.search_worker import run

    result = run(database=args.worker, sizes=args.sizes, queries=args.queries, model_items=args.model_items, log=log)
    args.json.write_text(json.dumps(result))
    return 0


MODES = [
    ("lexical", "lexical"),
    ("lexical_cold", "lexical, every word new"),
    ("semantic", "semantic"),
    ("hybrid", "hybrid"),
    ("hybrid_cold", "hybrid, every word new"),
    ("hybrid_repeated", "hybrid, query seen before"),
    ("browse", "no query (newest first)"),
]


def verdicts(results: list[dict]) -> list[tuple[str, bool, str]]:
    found = []
    for result in results:
        largest = result["sizes"][-1]
        timings, items = largest["timings"], largest["items"]
        for key, label, target in (
            ("lexical", "lexical", LEXICAL_TARGET_MS),
            ("lexical_cold", "lexical, every word new", LEXICAL_TARGET_MS),
            ("hybrid", "hybrid (the model embeds every query)", HYBRID_TARGET_MS),
            ("hybrid_cold", "hybrid, every word new too", HYBRID_TARGET_MS),
        ):
            p95 = timings[key]["p95"]
            found.append(
                (
                    f"{label} p95 ≤ {target} ms at {items:,} items ({result['version']})",
                    p95 <= target,
                    f"{p95:.1f} ms (CPU {timings[key]['cpu_p95']:.1f} ms)",
                )
            )
    return found


def growth(result: dict) -> list[str]:
    """How each mode's median grows from the smallest size to the largest."""
    first, last = result["sizes"][0], result["sizes"][-1]
    factor = last["items"] / first["items"]
    lines = []
    for key, label in MODES:
        before, after = first["timings"][key]["p50"], last["timings"][key]["p50"]
        lines.append(f"{label} ×{after / before:.1f}")
    head = f"From {first['items']:,} to {last['items']:,} items (×{factor:.0f}), the median grew: "
    return [head + ", ".join(lines) + "."]


def table(result: dict) -> list[str]:
    head = "| Items (documents) | " + " | ".join(f"{label} p50 / p95" for _, label in MODES) + " |"
    lines = [head, "|---" + "|---:" * len(MODES) + "|"]
    for size in result["sizes"]:
        cells = []
        for key, _ in MODES:
            figures = size["timings"][key]
            cells.append(f"{figures['p50']:.1f} / {figures['p95']:.1f} (CPU {figures['cpu_p95']:.1f})")
        lines.append(f"| {size['items']:,} ({size['documents']:,}) | " + " | ".join(cells) + " |")
    return lines


def index_table(result: dict) -> list[str]:
    model = result["model"]
    lines = [
        f"With the model ({model['model']}, {model['threads']} thread): {model['items']} items "
        f"({model['documents']} documents, {model['passages']} passages embedded) in {model['seconds']:.1f} s, "
        f"**{model['items_per_s']:.2f} items/s** ({model['passages_per_s']:.2f} passages/s), one item at a time "
        "as the task worker does after publication.",
        "",
        "| Items | Added and indexed | Indexing without the model | Arrays loaded | Arrays in memory"
        " | A search process (peak) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size in result["sizes"]:
        rate = size["indexed_items"] / size["index_seconds"] if size["index_seconds"] else 0
        probe = size["search_process"]["after_queries"]
        lines.append(
            f"| {size['items']:,} | {size['indexed_items']:,} items, {size['indexed_documents']:,} documents | "
            f"{size['index_seconds']:.1f} s, **{rate:.0f} items/s** (then tidied in {size['tidy_seconds']:.1f} s)"
            f" | {size['load_ms']:.0f} ms | "
            f"{size['arrays_mb']:.1f} MiB | {probe['rss']:.0f} MiB ({probe['peak']:.0f}) |"
        )
    return lines


HOW = """\
## Search

Written by `make bench-search` (or `.venv/bin/python bench/search.py`).

**How.** For each database (SQLite in a fresh file; PostgreSQL 15 in a throwaway cluster)
a subprocess imports the member registry, then grows the knowledge base with the demo
generator (`demo/knowledge`, seeded: the same items every run) until the number of
published items reaches each size, indexes what was added with the search services
(`services.index_objects`: 64 items per transaction, as `rebuild_search_index` does),
tidies the full-text index as that command ends (`lexical.tidy`: FTS5's 'optimize';
PostgreSQL's `VACUUM (ANALYZE)`, there of the whole database, which autovacuum would do
in time but on the other core while queries are timed), loads the index's arrays, and
times {queries} queries in each mode through `selectors.search`, which the search page
and the API call: lexical matching, the
semantic cut-off, fusion, facets over all matches, and the first page of 20 hits with
their snippets (not the HTML around them). The 405 cities are indexed too, as in
production. Queries: the 50 questions of the relevance corpus (8 languages), then
phrases of one to four words from the items' titles (11 languages), a third of them with
the last word unfinished. p50/p95 are nearest-rank percentiles of the wall time; CPU is
the measuring thread's own time (`time.thread_time`), which other programs on the machine
do not inflate (it leaves out the PostgreSQL server's work).

- *lexical*: after one untimed pass over the queries, as in a server that has already
  served these words (each word's matches are cached until the index changes);
- *lexical, every word new*: the word cache emptied before each query, as just after an
  index change;
- *semantic* and *hybrid*: the model embeds every query (its cache emptied before each),
  the words' matches cached as for *lexical*;
- *hybrid, every word new*: both caches emptied before each query (the worst case);
- *hybrid, query seen before*: the query's vector remembered, as for the next page or a
  facet click;
- *no query*: everything, newest first, with facets.

**Vectors.** The model embeds about five passages a second on one core, so the first
{model_items} items are indexed with it for real (the indexing throughput with the model
below); every later document gets the vector of one of those, chosen by a hash of its
text, plus a little noise. Semantic search costs the same whatever the vectors say (a
product with every vector, then a cut-off); the values only decide how many documents
pass the cut-off, and real vectors keep that realistic. Queries are always embedded by
the real model.

**Targets** (knowledge-base issue): at 50,000 items, hybrid p95 at most {hybrid} ms and
lexical p95 at most {lexical} ms.

**Memory** is that of a fresh process that loads the index and answers 40 searches (a
web worker's share; the measuring process also made the demo items). It includes Django,
the model (about 30 MB, loaded at the first query) and the arrays.

**Where the time goes** (profiled at 50,000 items on SQLite, CPU per query). Embedding
the query: about 20 ms whatever the size (one core; remembered for repeated queries).
The semantic product: about 0.15 ms per 1,000 documents (9 ms at 62,000: 95 MB of
vectors read once; numpy on one thread, see `SEARCH_BLAS_THREADS`). Facet counts: under
1 ms for rare words, up to 5 ms when tens of thousands of documents match. The page of
hits (three queries, snippets): about 5 ms, whatever the size. Lexical matching, each
word's matches cached: about 1 ms; a word not yet asked since the index last changed:
1 to 8 ms on SQLite, by how many documents have it (more on PostgreSQL, whose server
time the CPU column leaves out). So lexical and hybrid searches grow with the size
mostly through the semantic product and the facet counts, linearly and slowly; the
model's fixed cost dominates hybrid search at every size measured here.
"""


def write_report(path: Path, *, info: dict, results: list[dict], options: dict, duration: float) -> list[tuple]:
    from bench.common import write_section

    found = verdicts(results)
    lines = [HOW.format(hybrid=HYBRID_TARGET_MS, lexical=LEXICAL_TARGET_MS, **options), "### Machine", ""]
    lines += ["| | |", "|---|---|", *[f"| {key} | {value} |" for key, value in info.items()]]
    lines += [f"| Database | {result['version']} |" for result in results]
    lines += [f"| Run time | {duration:.0f} s |", "", "### Verdict", ""]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    for result in results:
        lines += ["", f"### {result['version']}", "", "Query time in ms, p50 / p95 (CPU p95):", "", *table(result)]
        lines += ["", *growth(result), "", "Indexing and memory:", "", *index_table(result)]
    write_section(path, "search", "\n".join(lines))
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
    arguments = ["--sizes", ",".join(map(str, args.sizes)), "--queries", str(args.queries)]
    arguments += ["--model-items", str(args.model_items)]
    with tempfile.TemporaryDirectory(prefix="ccp-bench-search-") as tmp:
        for database in args.database or list(DATABASES):
            log(f"\n== {database} ==")
            try:
                results.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} search benchmark failed ({failed}); report not written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    if args.save_json:
        args.save_json.write_text(json.dumps(results, indent=1))
    options = {"queries": args.queries, "model_items": args.model_items}
    found = write_report(args.output, info=info, results=results, options=options, duration=duration)
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
