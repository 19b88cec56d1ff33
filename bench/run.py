#!/usr/bin/env python
"""Benchmark the public pages and the API on SQLite and PostgreSQL; write their section of docs/benchmarks.md.

    .venv/bin/python bench/run.py [--requests 200] [--database sqlite] ...   (or: make bench-pages)

Each database is measured in its own subprocess (this script with --worker), so that
settings read DATABASE_URL afresh: SQLite in a fresh file in a temporary directory,
PostgreSQL in a throwaway cluster started by scripts/with-postgres. Nothing touches
the development database; synthetic cities only ever go into these throwaway ones.
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
    bench_env,
    code_fingerprint,
    log,
    require_throwaway,
    run_worker,
)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page (default 200).")
    parser.add_argument(
        "--grown-requests", type=int, default=50, help="Timed requests per page after growth (default 50)."
    )
    parser.add_argument("--warmup", type=int, default=20, help="Untimed requests per page first (default 20).")
    parser.add_argument(
        "--budget", type=float, default=6, help="Seconds of timed requests per page, about (default 6)."
    )
    parser.add_argument("--grow-to", type=int, default=4000, help="Cities after growth (default 4000).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--save-json", type=Path, help="Also keep the raw results (with each page's SQL) here.")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--transfer", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def worker_main(args: argparse.Namespace) -> int:
    """Inside the subprocess: DATABASE_URL is set; measure and dump JSON."""
    require_throwaway("bench/run.py")  # the worker adds thousands of fake cities
    import django

    django.setup()
    from bench.worker import run

    result = run(
        database=args.worker,
        requests=args.requests,
        grown_requests=args.grown_requests,
        warmup=args.warmup,
        budget=args.budget,
        grow_to=args.grow_to,
        transfer=args.transfer,
        log=log,
    )
    args.json.write_text(json.dumps(result))
    return 0


def worker_arguments(args: argparse.Namespace, transfer: bool) -> list[str]:
    arguments = ["--requests", str(args.requests), "--grown-requests", str(args.grown_requests)]
    arguments += ["--warmup", str(args.warmup), "--budget", str(args.budget), "--grow-to", str(args.grow_to)]
    return arguments + (["--transfer"] if transfer else [])


def print_summary(results: list[dict], found: list[tuple]) -> None:
    for result in results:
        first, last = result["scales"][0], result["scales"][-1]
        log(f"\n{result['version']}: p50 / p95 ms and queries at {first['cities']} | {last['cities']} cities")
        for key, page in first["pages"].items():
            grown = last["pages"][key]
            log(
                f"  {page['label']:<30} {page['p50']:6.1f} / {page['p95']:6.1f} ms {page['queries']:3d} q"
                f" (cold {page['cold_ms']:5.1f} ms {page['queries_cold']:2d} q)"
                f"  | {grown['p50']:7.1f} / {grown['p95']:7.1f} ms {grown['queries']:3d} q"
            )
    transfer = next((r["transfer"] for r in results if "transfer" in r), None)
    if transfer:
        log("\nHome page transfer (gzip):")
        for asset in transfer:
            log(f"  {asset['url']:<55} {asset['transferred'] / 1024:7.1f} KB")
        log(f"  {'total':<55} {sum(a['transferred'] for a in transfer) / 1024:7.1f} KB")
    log("\nVerdict:")
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)

    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    databases = args.database or list(DATABASES)
    # The pages' {% static %} needs the manifest, and the transfer size needs the files.
    log("collectstatic")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=bench_env(),
        check=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="ccp-bench-") as tmp:
        for index, database in enumerate(databases):
            log(f"\n== {database} ==")
            try:
                arguments = worker_arguments(args, transfer=index == 0)
                results.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} benchmark failed (exit {failed.returncode}); report not written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
        log("\nWARNING: application files changed during the run; run the benchmark again.")
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    if args.save_json:
        args.save_json.write_text(json.dumps(results, indent=1))
    options = {
        "requests": args.requests,
        "grown_requests": args.grown_requests,
        "warmup": args.warmup,
        "budget": args.budget,
        "grow_to": args.grow_to,
    }
    found = report.write(args.output, info=info, results=results, options=options, duration=duration)
    print_summary(results, found)
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
