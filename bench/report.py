"""The machine the benchmark ran on, and docs/benchmarks.md written from the results."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import django

from .common import write_section

P95_TARGET_MS = 30
QUERIES_TARGET = 10
TRANSFER_TARGET_KB = 200
KB = 1024
CODE_PATHS = ["config", "creative_cities", "templates", "static", "locale", "bench", "requirements"]

INTRODUCTION = """\
## Public pages and the API

Written by `make bench-pages` (or `.venv/bin/python bench/run.py`).

**How.** For each database (SQLite in WAL mode in a fresh file; PostgreSQL 15 in a
throwaway cluster started by `scripts/with-postgres`) a subprocess reads the settings
afresh with `DEBUG` off, has `manage.py` migrate and import the member registry
(`data/members.csv`) in processes of their own (so that the measuring process holds
no more than a server process would), and requests each page through Django's test client: the full middleware stack
(sessions, locale, CSRF, security headers, gzip when asked), but no network and no
WSGI server. After warm-up requests, each request's wall time is taken with
`time.perf_counter`; p50/p95 are nearest-rank percentiles. "CPU" is the benchmark
process's own CPU time per request (`time.process_time`): it moves little when other
programs load the machine, but leaves out the PostgreSQL server's work. Between
requests the connection is handled as the WSGI handler does: kept for the next request
(`DB_CONN_MAX_AGE`, 60 s, on both databases). Queries per request are counted with
`CaptureQueriesContext` on separate requests. The response cache, which answers anonymous
visitors with a page already rendered (see "Throughput" below), is turned off
(`RESPONSE_CACHE_SECONDS=0`): every request is rendered. Two pages are also requested
signed in, as a focal point of Lyon (a session in the database, saved at each request,
as for anyone signed in). The parts of a page that do not depend on
the visitor (filter lists, network summary, map markers) are cached per registry version
and language, so the timed requests find them cached; "cold" columns give the first
request after a change of the registry (cache cleared): its time and its queries. The
database also holds the demo partnerships (`generate_partnership_demo`: 300 organisations,
400 projects with their partners, 60 calls), which the pages of projects, the board and the
cooperation graph show; those pages came after the foundation and its targets. Then synthetic cities
(`bench/generate.py`, made through `city_create`, fixed seed) grow the registry about
tenfold and everything is measured again: the number of queries of a page must not
depend on the number of cities. The transfer size of the home page is the gzipped HTML
plus every asset it loads, as whitenoise serves them from `collectstatic`'s output
(response bodies only; 1 KB = 1,024 bytes). Cache: local memory; no tile server (the
server-drawn SVG map). The p95 target applies to the real registry; the grown column
shows the trend.

**Targets** (foundation issue): p95 at most 30 ms per page with the full registry; at
most 10 queries per page, constant as cities grow; the home page at most 200 KB
transferred in all (HTML, CSS, JavaScript, map data; compressed). Signed-in pages are
held to the time target (their session, person, roles and notifications add queries).
"""


PAGE_TABLE_CAPTION = (
    "Server time per request in ms (wall clock, and CPU) and SQL queries per request, with the real registry "
    "and after growth (number of cities in brackets). ⚠ marks a p95 over the target."
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))}, Linux {platform.release()}"
    except OSError:
        pass
    return platform.platform()


def _code_version() -> str:
    """The commit measured, and whether the working tree had changes to it."""
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h %s"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        # Only changes to what runs count: a documentation edit does not change the figures.
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", *CODE_PATHS],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit}" + (" (with uncommitted changes)" if changed else "")


def machine() -> dict:
    return {
        "Code": _code_version(),
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "RAM": _ram(),
        "OS": _os(),
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "Load average at start (1 min)": f"{os.getloadavg()[0]:.2f}",
        "Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# The targets were set for the foundation's pages; the pages that came with partnerships
# (projects, the board, the cooperation graph) are held to the same ones, reported apart.
FOUNDATION_PAGES = ("home", "directory", "directory_filtered", "city", "map", "api_list", "api_list_filtered")
# Signed-in pages are held to the time target only: their session (read, then saved at each
# request), their person and roles, and their notifications add queries a public page does not make.
PAGE_GROUPS = (
    ("foundation pages", lambda key: key in FOUNDATION_PAGES, True),
    (
        "pages of projects, the board and the graph",
        lambda key: key not in FOUNDATION_PAGES and not key.startswith("signed_in_"),
        True,
    ),
    ("pages signed in as Lyon's focal point", lambda key: key.startswith("signed_in_"), False),
)


def _only(pages: dict, wanted) -> dict:
    return {key: page for key, page in pages.items() if wanted(key)}


def verdicts(results: list[dict], transfer_total: int | None) -> list[tuple[str, bool, str]]:
    """(target, met, figure) for each target and group of pages."""
    out = []
    for group, wanted, judge_queries in PAGE_GROUPS:
        for result in results:
            pages = _only(result["scales"][0]["pages"], wanted)
            if not pages:
                continue
            worst = max(pages.values(), key=lambda page: page["p95"])
            over = [f"{p['label']} {p['p95']:.1f} ms" for p in pages.values() if p["p95"] > P95_TARGET_MS]
            figure = f"slowest: {worst['label']}, p95 {worst['p95']:.1f} ms"
            if over:
                figure = "over the target: " + "; ".join(over)
            out.append((f"{group}: p95 ≤ {P95_TARGET_MS} ms ({result['version']})", not over, figure))
        for result in results if judge_queries else ():
            scales = [_only(scale["pages"], wanted) for scale in result["scales"]]
            if not scales[0]:
                continue
            first, last = scales[0], scales[-1]
            most = max(max(max(p["queries"], p["queries_cold"]) for p in pages.values()) for pages in scales)
            changed = [
                f"{page['label']} {page['queries']}/{page['queries_cold']} → "
                f"{last[key]['queries']}/{last[key]['queries_cold']}"
                for key, page in first.items()
                if page["queries"] != last[key]["queries"]
                or page["queries_cold"] != last[key]["queries_cold"]
                or page["queries_vary"]
            ]
            figure = (
                f"at most {most} queries a page (cache empty or warm), the same at "
                f"{result['scales'][0]['cities']} and {result['scales'][-1]['cities']} cities"
            )
            if changed:
                figure = f"at most {most} queries; changed with growth: " + "; ".join(changed)
            target = f"{group}: ≤ {QUERIES_TARGET} queries, constant ({result['version']})"
            out.append((target, most <= QUERIES_TARGET and not changed, figure))
    if transfer_total is not None:
        kb = transfer_total / KB
        out.append((f"home page ≤ {TRANSFER_TARGET_KB} KB", kb <= TRANSFER_TARGET_KB, f"{kb:.1f} KB transferred"))
    return out


def _span(numbers: list[int]) -> str:
    low, high = min(numbers), max(numbers)
    return str(low) if low == high else f"{low}–{high}"


def _page_table(result: dict) -> list[str]:
    scales = result["scales"]
    columns = ("p50", "p95", "max", "CPU p50", "queries", "cold ms", "cold queries")
    head = " | ".join(f"{name} ({scale['cities']})" for scale in scales for name in columns)
    lines = [f"| Page | {head} |", "|---" + "|---:" * (len(columns) * len(scales)) + "|"]
    for key, page in scales[0]["pages"].items():
        cells = [f"{page['label']} `{page['path']}`"]
        for scale in scales:
            p = scale["pages"][key]
            mark = " ⚠" if p["p95"] > P95_TARGET_MS else ""
            cells += [f"{p['p50']:.1f}", f"{p['p95']:.1f}{mark}", f"{p['max']:.1f}", f"{p['cpu_p50']:.1f}"]
            cells += [str(p["queries"]), f"{p['cold_ms']:.1f}", str(p["queries_cold"])]
        lines.append("| " + " | ".join(cells) + " |")
    counts = ", ".join(f"{s['cities']} cities: {_span([p['n'] for p in s['pages'].values()])}" for s in scales)
    lines += ["", f"Timed requests per page ({counts}); setup (migrate + import) {result['setup_seconds']:.1f} s."]
    return lines


def _transfer_table(assets: list[dict]) -> list[str]:
    lines = ["| Resource | Kind | Size KB | Transferred KB |", "|---|---|---:|---:|"]
    for asset in assets:
        lines.append(
            f"| `{asset['url']}` | {asset['kind']} | {asset['raw'] / KB:.1f} | {asset['transferred'] / KB:.1f} |"
        )
    raw = sum(a["raw"] for a in assets) / KB
    sent = sum(a["transferred"] for a in assets) / KB
    lines.append(f"| **Total** | | **{raw:.1f}** | **{sent:.1f}** |")
    return lines


def write(path: Path, *, info: dict, results: list[dict], options: dict, duration: float) -> list[tuple]:
    """Write the report to ``path``; return the verdicts."""
    transfer = next((r["transfer"] for r in results if "transfer" in r), None)
    grown = next((r["transfer_grown"] for r in results if "transfer_grown" in r), None)
    total = sum(a["transferred"] for a in transfer) if transfer else None
    found = verdicts(results, total)
    lines = [INTRODUCTION, "### Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += [f"| Database | {r['version']} |" for r in results]
    lines += [
        f"| Options | {options['requests']} timed requests a page ({options['grown_requests']} after growth) "
        f"after up to {options['warmup']} warm-up ones; a page stops after about {options['budget']:.0f} s "
        f"(at least 10 requests); registry grown to {options['grow_to']} cities |",
        f"| Run time | {duration:.0f} s |",
        "",
        "### Verdict",
        "",
    ]
    lines += [f"- **{'met' if met else 'NOT MET'}**: {target}: {figure}" for target, met, figure in found]
    for result in results:
        lines += [
            "",
            f"### {result['version']}",
            "",
            PAGE_TABLE_CAPTION,
        ]
        lines += ["", *_page_table(result)]
    if transfer:
        lines += ["", "### Home page transfer (`/en/`, first visit, gzip)", "", *_transfer_table(transfer)]
        lines += ["", f"Target: at most {TRANSFER_TARGET_KB} KB in all."]
    if grown:
        html = grown[0]
        lines += [
            "",
            f"For scale: with the registry grown to {results[0]['scales'][-1]['cities']} cities the home page's "
            f"HTML alone is {html['raw'] / KB:.0f} KB ({html['transferred'] / KB:.0f} KB gzipped), "
            f"{sum(a['transferred'] for a in grown) / KB:.0f} KB in all.",
        ]
    write_section(path, "pages", "\n".join(lines))
    return found
