"""What the benchmarks share: throwaway databases in subprocesses, the code's fingerprint, the report file.

Each benchmark measures each database in its own subprocess, so that settings read
DATABASE_URL afresh: SQLite in a fresh file in a temporary directory, PostgreSQL in a
throwaway cluster started by scripts/with-postgres. Nothing touches the development
database. docs/benchmarks.md holds one section per benchmark, each rewritten by its own.
"""

import hashlib
import json
import math
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASES = ("sqlite", "postgresql")
REPORT = ROOT / "docs" / "benchmarks.md"
# Set by the parent for its workers: they write thousands of fake rows, never into a real database.
THROWAWAY = "CCP_BENCH_THROWAWAY_DB"

REPORT_HEADER = """\
# Benchmarks

Speed is measured here only, never asserted in the test suite. Each section is written
by its own benchmark (`make bench` runs them all) and says how it measured; a run
rewrites its section and leaves the others as they were.
"""


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    """A free TCP port, so that the benchmark's cluster never collides with CI's."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(**extra) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0", PYTHONUNBUFFERED="1", **extra)
    # Measure the default deployment: local-memory cache, the server-drawn map.
    for name in ("REDIS_URL", "MAP_TILE_URL", "DJANGO_ENV", "DIRECTORY_PAGE_SIZE"):
        env.pop(name, None)
    return env


def require_throwaway(script: str) -> None:
    if os.environ.get(THROWAWAY) != "1" or not os.environ.get("DATABASE_URL"):
        sys.exit(f"{script} --worker only runs on the throwaway database that {script} sets up.")


def run_worker(script: Path, database: str, arguments: list[str], tmp: Path) -> dict:
    """Run ``script --worker DATABASE --json FILE *arguments`` on a throwaway database; its JSON."""
    out = tmp / f"{script.stem}-{database}.json"
    command = [sys.executable, str(script), "--worker", database, "--json", str(out), *arguments]
    if database == "sqlite":
        env = bench_env(DATABASE_URL=f"sqlite:///{tmp / f'{script.stem}.sqlite3'}", **{THROWAWAY: "1"})
    else:
        # PG_PORT when given (machines shared by several runs give each its own), else any free port.
        env = bench_env(PG_PORT=os.environ.get("PG_PORT") or str(free_port()), **{THROWAWAY: "1"})
        env.pop("DATABASE_URL", None)
        command = [str(ROOT / "scripts" / "with-postgres"), *command]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def manage(*commands: list[str]) -> None:
    """Run manage.py commands in their own processes, as in production (migrations, the registry's import)."""
    for command in commands:
        arguments = [sys.executable, str(ROOT / "manage.py"), *command, "--verbosity", "0"]
        subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL)


def code_fingerprint() -> str:
    """Changes when any file of the application changes (others may edit while we measure)."""
    digest = hashlib.sha256()
    for top in ("config", "creative_cities", "templates", "static", "locale"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def write_section(path: Path, name: str, text: str, *, header: str = REPORT_HEADER) -> None:
    """Put ``text`` in the report as section ``name``, replacing that section only.

    A report that does not start with ``header``'s title is started afresh with it.
    """
    begin, end = f"<!-- section: {name} -->", f"<!-- end of section: {name} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    current = path.read_text() if path.exists() else ""
    if not current.startswith(header.splitlines()[0]):
        current = header
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    found = pattern.search(current)
    current = pattern.sub(lambda _: block, current) if found else f"{current.rstrip()}\n\n{block}\n"
    path.write_text(current if current.endswith("\n") else current + "\n")
