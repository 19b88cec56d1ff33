#!/usr/bin/env python
"""Compare lexical engines: the database's own full-text search (FTS5, PostgreSQL) and tantivy.

    .venv/bin/python bench/lexical_engines.py [--sizes 1000,50000] [--database sqlite] ...   (or: make bench-engines)
    .venv/bin/python bench/lexical_engines.py --relevance [--corpus bench/relevance]

The first form measures speed, index size and memory on each database in its own
subprocess (this script with --worker) on a throwaway database, as bench/search.py does
(see bench/lexical_engines_worker.py), and writes the "figures" section of
docs/lexical-engine.md. The second needs no database: it ranks the relevance corpus
(items and queries as bench/search_relevance.py reads them) with FTS5 in memory and with
tantivy in a temporary directory, any word matching (OR), and prints nDCG@10 per query
language; it writes the "relevance" section of the same document.
"""

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The script's own directory would shadow top-level modules; the repository root is what we need.
sys.path[0] = str(ROOT)

from bench.common import DATABASES, code_fingerprint, log, require_throwaway, run_worker  # noqa: E402

DOCUMENT = ROOT / "docs" / "lexical-engine.md"
CORPUS = ROOT / "bench" / "relevance"
K = 10


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,50000", help="Published items at each step (default 1000,50000).")
    parser.add_argument("--queries", type=int, default=200, help="Queries timed per engine and size (default 200).")
    parser.add_argument(
        "--database", choices=DATABASES, action="append", help="Only this database (repeatable; default both)."
    )
    parser.add_argument("--relevance", action="store_true", help="Measure relevance on the corpus instead.")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="The relevance corpus (default bench/relevance).")
    parser.add_argument("--output", type=Path, default=DOCUMENT, help="Document to write (docs/lexical-engine.md).")
    parser.add_argument("--save-json", type=Path, help="Also keep the raw results here.")
    parser.add_argument("--from-json", type=Path, help="Write the figures of results kept by --save-json; no run.")
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tantivy-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    return args


def write_section(path: Path, name: str, text: str) -> None:
    """Replace the text between ``<!-- section: name -->`` and its end mark; append it when absent."""
    begin, end = f"<!-- section: {name} -->", f"<!-- end of section: {name} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    current = path.read_text() if path.exists() else ""
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    current = pattern.sub(lambda _: block, current) if pattern.search(current) else f"{current.rstrip()}\n\n{block}\n"
    path.write_text(current.lstrip())


# -- speed, size, memory (the databases) -------------------------------------------------


def worker_main(args: argparse.Namespace) -> int:
    require_throwaway("bench/lexical_engines.py")  # the worker adds tens of thousands of demo items
    import django

    django.setup()
    from bench.lexical_engines_worker import run

    result = run(database=args.worker, sizes=args.sizes, queries=args.queries, tantivy_dir=args.tantivy_dir, log=log)
    args.json.write_text(json.dumps(result))
    return 0


ENGINES = [
    ("database", "(a) the database's engine alone: any word, best 20"),
    ("tantivy", "(b) tantivy alone: any word, best 20"),
    ("tantivy_count", "(b) tantivy, best 20 and the number of matches"),
    ("platform", "(c) `selectors.search`, lexical, words cached"),
    ("platform_cold", "(c) `selectors.search`, lexical, every word new"),
    ("platform_or", "(c) `selectors.search`, any word, words cached"),
    ("platform_or_cold", "(c) `selectors.search`, any word, every word new"),
    ("platform_database", "(e) `selectors.search` with the database's best 1,000, then all ids"),
    ("platform_tantivy", "(d) `selectors.search` with tantivy's matches (all)"),
    ("platform_tantivy_1000", "(d) `selectors.search` with tantivy's best 1,000"),
]
PROFILES = [
    ("platform", "(c) words cached"),
    ("platform_cold", "(c) every word new"),
    ("platform_or", "(c) any word, words cached"),
    ("platform_or_cold", "(c) any word, every word new"),
    ("platform_database", "(e) the database's best 1,000, then all ids"),
    ("platform_tantivy", "(d) tantivy's matches"),
]


def mib(value: float) -> str:
    return f"{value / 2**20:.1f} MiB"


def speed_table(result: dict) -> list[str]:
    sizes = result["sizes"]
    head = "| Engine | " + " | ".join(f"{size['items']:,} items ({size['documents']:,} documents)" for size in sizes)
    lines = [head + " |", "|---" + "|---:" * len(sizes) + "|"]
    for key, label in ENGINES:
        cells = []
        for size in sizes:
            f = size["timings"][key]
            cells.append(f"{f['p50']:.1f} / {f['p95']:.1f} (CPU {f['cpu_p95']:.1f}); {f['matches']:,.0f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def profile_table(result: dict) -> list[str]:
    size = result["sizes"][-1]
    lines = [
        f"Mean ms per query at {size['items']:,} items, by part of `selectors.search` (wall time):",
        "",
        "| Search | Matching | Facets | Page of hits (3 queries) | Snippets | The rest | Total |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in PROFILES:
        p = size["profiles"][key]
        parts = [p[name] for name in ("matching", "facets", "page", "snippets", "rest", "total")]
        lines.append(f"| {label} | " + " | ".join(f"{value:.1f}" for value in parts) + " |")
    return lines


def index_table(result: dict) -> list[str]:
    lines = [
        "| Items (documents) | Platform's services (documents and lexical index) | Lexical index alone, rebuilt"
        " | tantivy, built | Lexical index on disk | tantivy on disk | Documents' table |"
        " One document re-indexed: services / tantivy (p50) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in result["sizes"]:
        b, u = size["bytes"], size["updates"]
        lines.append(
            f"| {size['items']:,} ({size['documents']:,}) | {size['platform_index_seconds']:.1f} s"
            f" ({size['indexed_items']:,} items) | {size['database_lexical_seconds']:.1f} s"
            f" | {size['tantivy_seconds']:.1f} s | {mib(b['lexical'])} | {mib(b['tantivy'])} | {mib(b['documents'])}"
            f" | {u['platform_p50']:.0f} ms / {u['tantivy_p50']:.0f} ms |"
        )
    return lines


def memory_table(result: dict) -> list[str]:
    lines = [
        "| Items | Django alone | Platform (arrays, word cache) | tantivy alone | Platform with tantivy's matches |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size in result["sizes"]:
        m = size["memory"]
        lines.append(
            f"| {size['items']:,} | {m['platform']['django']['rss']:.0f} MiB"
            f" | {m['platform']['after_queries']['rss']:.0f} MiB | {m['tantivy']['after_queries']['rss']:.0f} MiB"
            f" | {m['platform_tantivy']['after_queries']['rss']:.0f} MiB |"
        )
    return lines


def write_figures(path: Path, *, info: dict, results: list[dict], duration: float) -> None:
    lines = [
        "## Figures",
        "",
        "Written by `make bench-engines` (`bench/lexical_engines.py`); the method is above.",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in info.items()],
        *[f"| Database | {result['version']} |" for result in results],
        f"| Run time | {duration:.0f} s |",
    ]
    for result in results:
        lines += ["", f"### {result['version']}", "", "Query time in ms, p50 / p95 (CPU p95); median matches, over"]
        lines += [f"{result['queries']} queries:", "", *speed_table(result), "", *profile_table(result)]
        lines += ["", "Indexing and size:", "", *index_table(result), "", "A fresh process's memory (RSS) after"]
        lines += ["40 searches:", "", *memory_table(result)]
    write_section(path, "figures", "\n".join(lines))


def speed_main(args: argparse.Namespace) -> int:
    from bench import report

    started = time.perf_counter()
    info = report.machine()
    fingerprint = code_fingerprint()
    os.environ["SEARCH_EMBEDDER"] = ""  # lexical search only: the workers inherit it
    results = []
    arguments = ["--sizes", ",".join(map(str, args.sizes)), "--queries", str(args.queries)]
    with tempfile.TemporaryDirectory(prefix="ccp-bench-engines-") as tmp:
        for database in args.database or list(DATABASES):
            log(f"\n== {database} ==")
            tantivy_dir = ["--tantivy-dir", str(Path(tmp) / f"tantivy-{database}")]
            try:
                results.append(run_worker(Path(__file__).resolve(), database, arguments + tantivy_dir, Path(tmp)))
            except subprocess.CalledProcessError as failed:
                log(f"\nERROR: the {database} benchmark failed ({failed}); nothing written.")
                return 1
    duration = time.perf_counter() - started
    if code_fingerprint() != fingerprint:
        info["Code"] += " — ⚠ application files changed during the run: the figures may mix two versions"
    date = info.pop("Date")
    info.update({"tantivy": _tantivy_version(), "Load average at end (1 min)": f"{os.getloadavg()[0]:.2f}"})
    info["Date"] = date
    if args.save_json:
        args.save_json.write_text(json.dumps({"info": info, "results": results, "duration": duration}, indent=1))
    write_figures(args.output, info=info, results=results, duration=duration)
    log(f"\nWritten {args.output} in {duration:.0f} s.")
    return 0


def _tantivy_version() -> str:
    from importlib.metadata import version

    return version("tantivy")


# -- relevance (no database) -------------------------------------------------------------


def _measures_module(corpus: Path):
    """judge() and ndcg() of bench/search_relevance.py: this checkout's, else the one beside the corpus."""
    try:
        from bench import search_relevance

        return search_relevance
    except ImportError:
        import importlib.util

        spec = importlib.util.spec_from_file_location("search_relevance", corpus.parent / "search_relevance.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


def _read(folder: Path) -> list[dict]:
    return [row for path in sorted(folder.glob("*.json")) for row in json.loads(path.read_text(encoding="utf-8"))]


def rank_fts5(items, queries, tokens_of, *, title_weight: float = 4.0, stemmed: bool = False) -> dict:
    """Each query's first K items by FTS5's bm25 (the title's weight), any word matching.

    FTS5's only stemmer is porter's (English rules for every language). With ``stemmed``
    the words are stemmed before FTS5 sees them, by each item's language's Snowball
    stemmer (tantivy's here; PyStemmer or snowballstemmer would do it in the platform,
    as ``fold`` is done in Python), and a query word is asked as any of its stems.
    """
    from bench.tantivy_lexical import SIMPLE, analyzer, group
    from creative_cities.core.text import fold

    languages = {item["language"] for item in items}
    stemmers = {name: analyzer(None if name == SIMPLE else name) for name in {group(code) for code in languages}}

    def prepare(text: str, language: str) -> str:
        return " ".join(stemmers[group(language)].analyze(fold(text))) if stemmed else fold(text)

    def words(token: str) -> str:
        if not stemmed:
            return f'"{token}"'
        stems = sorted({stem for stemmer in stemmers.values() for stem in stemmer.analyze(token)[:1]})
        return "(" + " OR ".join(f'"{stem}"' for stem in stems) + ")"

    db = sqlite3.connect(":memory:")
    tokenizer = "unicode61" if stemmed else "porter unicode61 remove_diacritics 2"
    db.execute(f"CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = '{tokenizer}')")
    db.executemany(
        "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
        [
            (n, prepare(item["title"], language), prepare(f"{item['summary']}\n{item['body']}", language))
            for n, item in enumerate(items)
            for language in [item["language"]]
        ],
    )
    found = {}
    for query in queries:
        tokens = tokens_of(query["text"])
        expression = " OR ".join(words(token) for token in tokens)
        sql = f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {float(title_weight)}, 1.0) LIMIT {K}"  # noqa: S608
        found[query["id"]] = [items[row[0]]["id"] for row in db.execute(sql, [expression])] if tokens else []
    return found


def rank_tantivy(items, queries, tokens_of, *, stemmed: bool = True, **options) -> dict[str, list[str]]:
    """Each query's first K items by tantivy (BM25, each language's stemmer unless not ``stemmed``), any word."""
    from bench.tantivy_lexical import LexicalIndex
    from creative_cities.core.text import fold

    with tempfile.TemporaryDirectory(prefix="ccp-relevance-tantivy-") as tmp:
        language = (lambda item: item["language"]) if stemmed else (lambda item: "")
        engine = LexicalIndex(Path(tmp), {language(item) for item in items}, **options)
        engine.write(
            [
                (n, language(item), fold(item["title"]), fold(f"{item['summary']}\n{item['body']}"))
                for n, item in enumerate(items)
            ],
            replace=False,
        )
        engine.close()
        engine.reload()
        return {
            query["id"]: [items[pk]["id"] for pk, _ in engine.search(tokens_of(query["text"]), K)] for query in queries
        }


# (name, label, ranker, its options): both engines with the title weighed as the platform weighs it
# (4) and not at all (1), tantivy's two layouts, and tantivy without stemming for scale.
RANKERS = [
    ("fts5", "FTS5, porter, title ×4", rank_fts5, {}),
    ("fts5_title1", "FTS5, porter, title ×1", rank_fts5, {"title_weight": 1.0}),
    ("fts5_stemmed", "FTS5, stemmed in Python per language, title ×1", rank_fts5, {"stemmed": True, "title_weight": 1}),
    ("tantivy", "tantivy, stemmer per language, title ×4", rank_tantivy, {}),
    ("tantivy_title1", "tantivy, stemmer per language, title ×1", rank_tantivy, {"title_boost": 1.0}),
    ("tantivy_fields", "tantivy, a field per stemmer, title ×1", rank_tantivy, {"layout": "fields", "title_boost": 1}),
    ("tantivy_unstemmed", "tantivy, no stemmer, title ×1", rank_tantivy, {"stemmed": False, "title_boost": 1.0}),
]


def relevance(corpus: Path) -> dict:
    """nDCG@10 per query language and type of each ranker on the corpus."""
    from creative_cities.search.lexical import query_tokens

    measures = _measures_module(corpus)
    items, queries = _read(corpus / "items"), _read(corpus / "queries")
    judged = corpus / "judgements.json"
    if judged.exists():
        judgements = json.loads(judged.read_text())
    else:
        judgements = measures.judge(items, queries, json.loads((corpus / "topics.json").read_text())["topics"])
    rankings = {name: ranker(items, queries, query_tokens, **options) for name, _, ranker, options in RANKERS}
    rows: dict[tuple, list[float]] = {}
    for query in queries:
        if query["type"] == "nonsense":
            continue
        for name, found in rankings.items():
            value = measures.ndcg(found[query["id"]], judgements.get(query["id"], {}), K)
            for key in ((name, query["language"]), (name, "all"), (name, f"type:{query['type']}")):
                rows.setdefault(key, []).append(value)
    nonsense = [query["id"] for query in queries if query["type"] == "nonsense"]
    zero = {name: sum(1 for key in nonsense if found[key]) for name, found in rankings.items()}
    return {
        "items": len(items),
        "item_languages": sorted({item["language"] for item in items}),
        "queries": sum(1 for q in queries if q["type"] != "nonsense"),
        "ndcg": {f"{name}|{group}": sum(v) / len(v) for (name, group), v in rows.items()},
        "counts": {group: len(v) for (name, group), v in rows.items() if name == "fts5"},
        "nonsense_with_hits": zero,
        "nonsense": sum(1 for q in queries if q["type"] == "nonsense"),
    }


def relevance_main(args: argparse.Namespace) -> int:
    if not (args.corpus / "items").is_dir() or not (args.corpus / "queries").is_dir():
        log(f"No corpus in {args.corpus} (items/*.json and queries/*.json): nothing measured.")
        return 1
    found = relevance(args.corpus)
    languages = sorted(group for group in found["counts"] if group != "all" and not group.startswith("type:"))
    groups = ["all", *languages, *sorted(group for group in found["counts"] if group.startswith("type:"))]
    lines = [
        "## Relevance",
        "",
        f"Written by `bench/lexical_engines.py --relevance`: {found['items']} items in "
        f"{', '.join(found['item_languages'])}, {found['queries']} judged queries; nDCG@10 with the graded"
        " judgements of `bench/search_relevance.py`, by the query's language and type (the number of queries"
        " under each); lexical ranking only, no vectors, any word matching.",
        "",
        "| Ranking | " + " | ".join(f"{g.removeprefix('type:')} ({found['counts'][g]})" for g in groups) + " |",
        "|---|" + "---:|" * len(groups),
    ]
    for name, label, *_ in RANKERS:
        cells = [f"{found['ndcg'][f'{name}|{group}']:.3f}" for group in groups]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    nonsense = ", ".join(f"{name} {count}" for name, count in found["nonsense_with_hits"].items())
    lines += ["", f"Nonsense queries ({found['nonsense']}) that found something: {nonsense}."]
    for line in lines:
        log(line)
    write_section(args.output, "relevance", "\n".join(lines))
    if args.save_json:
        args.save_json.write_text(json.dumps(found, indent=1))
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    if args.relevance:
        return relevance_main(args)
    if args.from_json:
        write_figures(args.output, **json.loads(args.from_json.read_text()))
        return 0
    return speed_main(args)


if __name__ == "__main__":
    sys.exit(main())
