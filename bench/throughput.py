#!/usr/bin/env python
"""Throughput of public pages against static files of the same bytes, on SQLite and PostgreSQL.

    .venv/bin/python bench/throughput.py [--duration 8] [--database sqlite]   (or: make bench-throughput)

For each database, a subprocess (this script with --worker) sets up a throwaway
database (the member registry and the demo partnerships), copies each page's bytes
into a static folder, and starts the platform as scripts/run serves it: gunicorn,
2 workers of 4 threads, whitenoise for static files. A load generator on loopback
(wrk, or a Python client when wrk is missing) then asks each page and its static
copy in turn, 8 requests at a time, as an anonymous visitor; and one page as a
signed-in visitor, whom the response cache never serves. Writes the "throughput"
section of docs/benchmarks.md.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The script's own directory would shadow top-level modules; the repository root is what we need.
sys.path[0] = str(ROOT)

from bench.common import (  # noqa: E402 - after the path fix above
    DATABASES,
    REPORT,
    code_fingerprint,
    free_port,
    log,
    percentile,
    require_throwaway,
    run_worker,
    write_section,
)

# (key, label, path, static file name): the anonymous pages judged against the target.
PAGES = [
    ("directory", "Directory", "/en/cities/", "directory.html"),
    ("home", "Home", "/en/", "home.html"),
    ("city", "City page (Lyon)", "/en/cities/lyon/", "city.html"),
    ("api_list", "API list, 100 a page", "/api/v1/cities?page_size=100", "api-cities.json"),
]
SIGNED_IN = ("city_signed_in", "City page (Lyon), its focal point signed in", "/en/cities/lyon/", "city.html")
CONCURRENCY = 8
ROUNDS = 4  # turns of page, then static copy
RATIO_TARGET = 0.5
WORKERS, THREADS = 2, 4  # as scripts/run
WRK = shutil.which("wrk")
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, "non_2xx": %d, "p50_us": %d, "p95_us": %d}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95)))
end
"""


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=8, help="Seconds of load per URL (default 8).")
    parser.add_argument("--warmup", type=float, default=2, help="Seconds of untimed load per URL first (default 2).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--python-client", action="store_true", help="Use the Python client even if wrk is there.")
    parser.add_argument("--output", type=Path, default=REPORT, help="Report to write (default docs/benchmarks.md).")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# --- the load generators ---------------------------------------------------------------------------


def load_wrk(url: str, *, seconds: float, headers: dict, tmp: Path) -> dict:
    script = tmp / "report.lua"
    script.write_text(WRK_SCRIPT)
    command = [WRK, "-t2", f"-c{CONCURRENCY}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    found = json.loads(output.strip().splitlines()[-1])
    return {
        "requests_per_second": found["requests"] / found["seconds"],
        "p50_ms": found["p50_us"] / 1000,
        "p95_ms": found["p95_us"] / 1000,
        "requests": found["requests"],
        "errors": found["errors"] + found["non_2xx"],
    }


def load_python(url: str, *, seconds: float, headers: dict, tmp: Path) -> dict:
    """A fallback: CONCURRENCY threads, each with a kept-alive connection (slower than wrk, and it shares the GIL)."""
    host, port = url.split("/")[2].split(":")
    path = "/" + url.split("/", 3)[3]
    deadline = time.perf_counter() + seconds
    times, errors, lock = [], [0], threading.Lock()

    def work():
        connection = HTTPConnection(host, int(port), timeout=10)
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except OSError:
                failed += 1
                connection = HTTPConnection(host, int(port), timeout=10)
            mine.append(time.perf_counter() - start)
        with lock:
            times.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests_per_second": len(times) / elapsed,
        "p50_ms": percentile(times, 50) * 1000,
        "p95_ms": percentile(times, 95) * 1000,
        "requests": len(times),
        "errors": errors[0],
    }


def _combined(slices: list[dict]) -> dict:
    """Several timed slices as one: requests over time, and the median of their percentiles."""
    seconds = sum(found["requests"] / found["requests_per_second"] for found in slices)
    middle = len(slices) // 2
    return {
        "requests_per_second": sum(found["requests"] for found in slices) / seconds,
        "p50_ms": sorted(found["p50_ms"] for found in slices)[middle],
        "p95_ms": sorted(found["p95_ms"] for found in slices)[middle],
        "requests": sum(found["requests"] for found in slices),
        "errors": sum(found["errors"] for found in slices),
    }


# --- inside the worker -----------------------------------------------------------------------------


def _manage(*command: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command, "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _session_of_lyon_focal_point() -> str:
    """A signed-in session (its cookie value) of a focal point of Lyon, stored in the database for gunicorn."""
    from bench.worker import signed_in_client

    return signed_in_client().cookies["sessionid"].value


def _static_copies(static_root: Path) -> dict:
    """Each page's bytes, as an anonymous visitor gets them, written under STATIC_ROOT/bench/."""
    from django.db import connections
    from django.test import Client

    folder = static_root / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    client, sizes = Client(), {}
    for key, _label, path, name in PAGES:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        (folder / name).write_bytes(response.content)
        sizes[key] = len(response.content)
    connections.close_all()
    return sizes


def _start_server(port: int, env: dict, log_file: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    command += ["--threads", str(THREADS), "--access-logfile", "-", "--error-logfile", "-"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log_file.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _fetch(port, "/healthz", {})[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    _stop_server(server)
    raise RuntimeError(f"gunicorn did not answer in 60 s; see {log_file}")


def _stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _fetch(port: int, path: str, headers: dict) -> tuple[int, dict, bytes]:
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def _database_version() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/throughput.py")
    tmp = args.json.parent
    static_root = tmp / f"static-{args.worker}"
    env = dict(os.environ, STATIC_ROOT=str(static_root))
    os.environ["STATIC_ROOT"] = str(static_root)
    started = time.perf_counter()
    for command in (["migrate", "--no-input"], ["import_members"], ["generate_partnership_demo", "--no-index"]):
        _manage(*command, env=env)
    _manage("collectstatic", "--noinput", env=env)
    import django

    django.setup()
    version = _database_version()
    sizes = _static_copies(static_root)
    session = _session_of_lyon_focal_point()
    from django.db import connections

    connections.close_all()
    log(f"{args.worker}: {version}; set up in {time.perf_counter() - started:.1f} s")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    load = load_python if args.python_client or not WRK else load_wrk
    server = _start_server(port, env, tmp / f"gunicorn-{args.worker}.log")
    rows = []
    try:
        for key, label, path, name in [*PAGES, SIGNED_IN]:
            headers = {"Cookie": f"sessionid={session}"} if key == SIGNED_IN[0] else {}
            copy = f"/static/bench/{name}"
            status, _headers, body = _fetch(port, path, headers)
            static_status, _headers, static_body = _fetch(port, copy, {})
            if status != 200 or static_status != 200:
                raise RuntimeError(f"{path} answered {status}, its static copy {static_status}")
            row = {"key": key, "label": label, "path": path, "bytes": len(body), "static_bytes": len(static_body)}
            targets = {"dynamic": (base + path, headers), "static": (base + copy, {})}
            for url, kind_headers in targets.values():
                load(url, seconds=args.warmup, headers=kind_headers, tmp=tmp)
            # In turns, so that both columns meet the same ups and downs of a shared machine.
            slices = {kind: [] for kind in targets}
            for _turn in range(ROUNDS):
                for kind, (url, kind_headers) in targets.items():
                    slices[kind].append(load(url, seconds=args.duration / ROUNDS, headers=kind_headers, tmp=tmp))
            row.update({kind: _combined(found) for kind, found in slices.items()})
            # Once warm, every answer to an anonymous visitor should come from the response cache.
            row["cached"] = all(_fetch(port, path, headers)[1].get("X-Cache") == "hit" for _ in range(4))
            row["ratio"] = row["dynamic"]["requests_per_second"] / row["static"]["requests_per_second"]
            rows.append(row)
            page, static = row["dynamic"], row["static"]
            log(
                f"  {label:<45} {page['requests_per_second']:7.0f} req/s p95 {page['p95_ms']:6.1f} ms"
                f" | static {static['requests_per_second']:7.0f} req/s p95 {static['p95_ms']:6.1f} ms"
                f" | ratio {row['ratio']:.2f}{' (response cache)' if row['cached'] else ''}"
            )
    finally:
        _stop_server(server)
    result = {
        "database": args.worker,
        "version": version,
        "client": "wrk" if load is load_wrk else "python",
        "rows": rows,
        "sizes": sizes,
    }
    args.json.write_text(json.dumps(result))
    return 0


# --- the report ------------------------------------------------------------------------------------

INTRODUCTION = f"""\
## Throughput against the static floor

Written by `make bench-throughput` (or `.venv/bin/python bench/throughput.py`).

**How.** For each database (SQLite in a fresh file; PostgreSQL 15 in a throwaway
cluster), a subprocess migrates, imports the member registry and loads the demo
partnerships, collects the static files into a temporary `STATIC_ROOT`, and writes there,
under `bench/`, the bytes each page gives an anonymous visitor. It then starts the
platform as `scripts/run` serves it: gunicorn with {WORKERS} workers of {THREADS} threads,
whitenoise serving the static files, local-memory cache, access log on. From the same
server, a load generator on loopback keeps {CONCURRENCY} requests in flight (`wrk -t2 -c{CONCURRENCY}`,
no compression asked) for each page and its static copy, after a warm-up of each, in
{ROUNDS} alternating turns (page, copy, page, copy…) so that both meet the same load from
other programs; p95 is the median of the turns'. The ratio is the page's requests per
second over its static copy's; the target is at least {RATIO_TARGET} for the four anonymous
pages. Anonymous visitors are answered by the
response cache (`core/response_cache.py`) once a page has been rendered; the signed-in
page, for contrast, is rendered at every request (a session cookie of a focal point of
Lyon). The load generator runs on the same two cores as the server, and takes its
share of them in both columns.
"""


def verdicts(results: list[dict]) -> list[tuple[str, bool, str]]:
    out = []
    for result in results:
        judged = [row for row in result["rows"] if row["key"] != SIGNED_IN[0]]
        low = [f"{row['label']} {row['ratio']:.2f}" for row in judged if row["ratio"] < RATIO_TARGET]
        worst = min(judged, key=lambda row: row["ratio"])
        figure = f"lowest: {worst['label']}, {worst['ratio']:.2f}" if not low else "below: " + "; ".join(low)
        out.append((f"anonymous pages ≥ {RATIO_TARGET} × the static floor ({result['version']})", not low, figure))
    return out


def _table(result: dict) -> list[str]:
    lines = [
        "| Page | Bytes | Page req/s | Page p95 ms | Static req/s | Static p95 ms | Ratio | Errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        page, static = row["dynamic"], row["static"]
        mark = "" if row["key"] == SIGNED_IN[0] or row["ratio"] >= RATIO_TARGET else " ⚠"
        lines.append(
            f"| {row['label']} `{row['path']}` | {row['bytes']:,} | {page['requests_per_second']:,.0f} | "
            f"{page['p95_ms']:.1f} | {static['requests_per_second']:,.0f} | {static['p95_ms']:.1f} | "
            f"{row['ratio']:.2f}{mark} | {page['errors'] + static['errors']} |"
        )
    return lines


def write_report(path: Path, *, info: dict, results: list[dict], options: dict, duration: float) -> list[tuple]:
    found = verdicts(results)
    lines = [INTRODUCTION, "### Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += [f"| Database | {result['version']} |" for result in results]
    lines += [
        f"| Load generator | {results[0]['client']}, {CONCURRENCY} connections; {options['duration']:.0f} s per URL "
        f"in {ROUNDS} turns, after {options['warmup']:.0f} s of warm-up |",
        f"| Run time | {duration:.0f} s |",
        "",
        "### Verdict",
        "",
    ]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    for result in results:
        lines += ["", f"### {result['version']}", "", *_table(result)]
    lines += [
        "",
        "A static copy has the page's bytes (the page's own size may differ by a few bytes from the",
        "copy's when it names the server's address). ⚠ marks a ratio under the target.",
    ]
    write_section(path, "throughput", "\n".join(lines))
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
    arguments = ["--duration", str(args.duration), "--warmup", str(args.warmup)]
    arguments += ["--python-client"] if args.python_client else []
    with tempfile.TemporaryDirectory(prefix="ccp-throughput-") as tmp:
        for database in args.database or list(DATABASES):
            log(f"\n== {database} ==")
            try:
                results.append(run_worker(Path(__file__).resolve(), database, arguments, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} benchmark failed (exit {failed.returncode}); report not written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}", "Date": date})
    options = {"duration": args.duration, "warmup": args.warmup}
    found = write_report(args.output, info=info, results=results, options=options, duration=duration)
    log("\nVerdict:")
    for target, met, figure in found:
        log(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
