"""The measuring half of the lexical engines benchmark: runs inside Django, against one throwaway database.

bench/lexical_engines.py starts it in a subprocess with DATABASE_URL set and no embedding
model (``SEARCH_EMBEDDER=""``: lexical search only). It imports the member registry, grows
the knowledge base with the demo generator as bench/search_worker.py does, indexes it
with the platform's services, indexes the same documents into a tantivy index
(bench/tantivy_lexical.py), and times the same queries in each engine:

- the database's own engine alone, whole query, any word (OR), the best 20 by its score;
- tantivy alone, the same;
- the platform's ``selectors.search(query, mode="lexical")`` as it stands (facets, the
  page of hits with snippets), the same with any word matching (its cached postings
  asked with ``any_word``), that call with the database's engine asked directly instead
  of ``postings.match`` (``DatabaseMatching``), and with tantivy finding the matches;
  with where the time goes in each (a profile by component).
"""

import inspect
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from .common import manage, percentile
from .search_worker import KIND, database_version, grow_to, published_ids, workload
from .tantivy_lexical import LexicalIndex, size_on_disk

BATCH = 64  # documents per transaction, as services.index_objects writes them
UPDATES = 20  # documents re-indexed one at a time, as the task worker does after an edit


def timed(calls: list) -> dict:
    """Wall and CPU time of each call (ms), their percentiles, and the median of what each returned (a count)."""
    wall, cpu, counts = [], [], []
    for call in calls:
        began, began_cpu = time.perf_counter(), time.thread_time()
        count = call()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
        counts.append(count)
    return {
        "n": len(wall),
        "p50": percentile(wall, 50),
        "p95": percentile(wall, 95),
        "max": max(wall),
        "cpu_p50": percentile(cpu, 50),
        "cpu_p95": percentile(cpu, 95),
        "matches": statistics.median(counts),
    }


# -- the database's own engine, any word ------------------------------------------------


def _or_expression(tokens: list[str], languages: set[str]) -> str:
    """Any of the tokens, as FTS5's MATCH or PostgreSQL's tsquery; the last one also as the start of a word."""
    from creative_cities.search import lexical

    if connection.vendor == "sqlite":
        groups = [f'"{token}"' for token in tokens[:-1]]
        groups.append(f'"{tokens[-1]}"*' if len(tokens[-1]) > lexical.SHORT else f'"{tokens[-1]}"')
        return " OR ".join(groups)
    stemmers = tuple(sorted({lexical.PG_STEMMERS[c[:2]] for c in languages if c[:2] in lexical.PG_STEMMERS}))
    alternatives = []
    for n, token in enumerate(tokens):
        prefix = n == len(tokens) - 1 and len(token) > lexical.SHORT
        alternatives += [f"{lexeme}:*" if prefix else lexeme for lexeme in lexical._pg_lexemes(token, stemmers)]
    return " | ".join(alternatives)


def _fetch(sql: str, params: list) -> list[tuple]:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    # As lexical._query does: the planner would otherwise often read every row's tsvector.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def database_or(tokens: list[str], languages: set[str], limit: int = 20) -> list[tuple[int, float]]:
    """The best ``limit`` documents with any of the tokens, ranked by the database (bm25 / ts_rank_cd)."""
    from creative_cities.search import lexical

    if not tokens:
        return []
    if connection.vendor == "sqlite":
        weights = ", ".join(str(weight) for weight in lexical.BM25_WEIGHTS)
        sql = (
            f"SELECT rowid, -bm25({lexical.FTS_TABLE}, {weights}) AS score FROM {lexical.FTS_TABLE}"  # noqa: S608
            f" WHERE {lexical.FTS_TABLE} MATCH %s ORDER BY score DESC LIMIT {limit}"
        )
    else:
        sql = (
            f"SELECT id, ts_rank_cd(body, q.query) AS score FROM {lexical.PG_TABLE},"  # noqa: S608
            f" (SELECT to_tsquery('simple', %s) AS query) q WHERE body @@ q.query ORDER BY score DESC LIMIT {limit}"
        )
    return _fetch(sql, [_or_expression(tokens, languages)])


def database_or_ids(tokens: list[str], languages: set[str]) -> np.ndarray:
    """The ids of every document with any of the tokens, unranked (one string from the database)."""
    from creative_cities.search import lexical

    if not tokens:
        return np.zeros(0, dtype=np.int64)
    if connection.vendor == "sqlite":
        sql = f"SELECT group_concat(rowid) FROM {lexical.FTS_TABLE} WHERE {lexical.FTS_TABLE} MATCH %s"  # noqa: S608
    else:
        sql = (
            f"SELECT string_agg(id::text, ',') FROM {lexical.PG_TABLE},"  # noqa: S608
            " (SELECT to_tsquery('simple', %s) AS query) q WHERE body @@ q.query"
        )
    joined = _fetch(sql, [_or_expression(tokens, languages)])[0][0]
    return np.fromstring(joined or "", dtype=np.int64, sep=",")


def database_index_bytes() -> dict:
    """The lexical index's size on disk (tables and indexes), and the documents' table beside it."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name LIKE 'search_document_fts%', SUM(pgsize) FROM dbstat"
                " WHERE name LIKE 'search_document_fts%' OR name LIKE '%search_searchdocument%' GROUP BY 1"
            )
            found = dict(cursor.fetchall())
            return {"lexical": found.get(1, 0), "documents": found.get(0, 0)}
        cursor.execute(
            "SELECT pg_total_relation_size('search_document_lexical'), pg_total_relation_size('search_searchdocument')"
        )
        lexical_bytes, documents = cursor.fetchone()
        return {"lexical": lexical_bytes, "documents": documents}


def document_rows() -> list[tuple[int, str, str, str]]:
    from creative_cities.search.models import SearchDocument

    return list(SearchDocument.objects.order_by("id").values_list("id", "language", "title", "text"))


def rebuild_database_lexical(rows: list[tuple]) -> float:
    """Empty the database's lexical index and write every document again, as a rebuild would; the seconds."""
    from creative_cities.search import lexical

    began = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # Emptied without leaving dead rows behind (PostgreSQL), so that the size measured next is a fresh
        # index's; FTS5 drops what was deleted when tidy() merges its segments.
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {lexical.FTS_TABLE}")  # noqa: S608
        else:
            cursor.execute(f"TRUNCATE {lexical.PG_TABLE}")
    for start in range(0, len(rows), BATCH):
        with transaction.atomic():
            lexical.index_documents(rows[start : start + BATCH])
    lexical.tidy()
    return time.perf_counter() - began


def build_tantivy(path: Path, rows: list[tuple], languages: set[str]) -> tuple[LexicalIndex, float]:
    """A fresh tantivy index of the documents (folded as the platform folds them), and the seconds it took."""
    import shutil

    from creative_cities.core.text import fold

    shutil.rmtree(path, ignore_errors=True)
    began = time.perf_counter()
    engine = LexicalIndex(path, languages)
    engine.write(((pk, language, fold(title), fold(text)) for pk, language, title, text in rows), replace=False)
    engine.close()
    engine.reload()
    return engine, time.perf_counter() - began


# -- the platform's search, and with tantivy's matches ---------------------------------


class Profile:
    """Time spent in the parts of ``selectors.search``, by wrapping them (the module's globals)."""

    PARTS = (("postings", "match"), ("selectors", "_facet_counts"), ("selectors", "_hits"), ("selectors", "snippet"))

    def __init__(self) -> None:
        from creative_cities.search import postings, selectors

        self.modules = {"postings": postings, "selectors": selectors}
        self.spent = {name: 0.0 for _, name in self.PARTS}
        self.saved = {}

    def __enter__(self):
        for module_name, name in self.PARTS:
            module = self.modules[module_name]
            original = getattr(module, name)
            self.saved[(module_name, name)] = original
            setattr(module, name, self._wrap(name, original))
        return self

    def _wrap(self, name, original):
        def wrapped(*args, **kwargs):
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[name] += (time.perf_counter() - began) * 1000

        return wrapped

    def __exit__(self, *exc):
        for (module_name, name), original in self.saved.items():
            setattr(self.modules[module_name], name, original)


def profile(queries: list[str], before=None) -> dict:
    """Mean ms per query in matching, facets, the page of hits (its snippets apart), and the rest."""
    from creative_cities.search import selectors

    total = 0.0
    with Profile() as found:
        for query in queries:
            if before:
                before()
            began = time.perf_counter()
            selectors.search(query, mode="lexical")
            total += (time.perf_counter() - began) * 1000
    n = len(queries)
    spent = {name: value / n for name, value in found.spent.items()}
    spent["_hits"] -= spent["snippet"]  # the page without its snippets
    return {
        "total": total / n,
        "matching": spent["match"],
        "facets": spent["_facet_counts"],
        "page": spent["_hits"],
        "snippets": spent["snippet"],
        "rest": total / n - sum(spent[k] for k in ("match", "_facet_counts", "_hits", "snippet")),
    }


def _returns_coverage() -> bool:
    """Whether ``postings.match`` also returns each match's share of the query's words.

    It does where it takes no ``any_word`` (any word matching, as lexical search is
    becoming). Asked of the unpatched function, before a replacement takes its place.
    """
    from creative_cities.search import postings

    return "any_word" not in inspect.signature(postings.match).parameters


def _matches(positions: np.ndarray, scores: np.ndarray, coverage: bool) -> tuple:
    """What ``postings.match`` returns; the share of the words taken as 1 (the engines here do not say)."""
    return (positions, scores, np.ones(len(positions))) if coverage else (positions, scores)


class TantivyMatching:
    """``postings.match`` replaced by tantivy: every matching document (or the best ``limit``) and its score."""

    def __init__(self, engine: LexicalIndex, limit: int | None = None) -> None:
        self.engine, self.limit, self.coverage = engine, limit, _returns_coverage()

    def __call__(self, index, tokens, **options):
        ids, scores = self.engine.search_all(tokens, prefix_last=True, limit=self.limit)
        positions, known = index.positions(ids)
        return _matches(positions, scores[known].astype(np.float32), self.coverage)

    def __enter__(self):
        from creative_cities.search import postings

        self.original, postings.match = postings.match, self
        return self

    def __exit__(self, *exc):
        from creative_cities.search import postings

        postings.match = self.original


class AnyWord:
    """``postings.match`` with any word matching (OR), as the platform's own cached postings do it.

    Nothing to change where ``postings.match`` takes no ``any_word``: any word matches already.
    """

    def __enter__(self):
        from creative_cities.search import postings

        self.original = postings.match
        if "any_word" in inspect.signature(self.original).parameters:
            postings.match = lambda index, tokens, **kw: self.original(index, tokens, **(kw | {"any_word": True}))
        return self

    def __exit__(self, *exc):
        from creative_cities.search import postings

        postings.match = self.original


class DatabaseMatching:
    """``postings.match`` replaced by two queries to the database's engine, no cache: less code around it.

    The best ``RANKED`` documents ranked by the engine, then every other match (their
    ids only, unranked, after them): enough for the pages people read and for facets.
    """

    RANKED = 1000

    def __init__(self) -> None:
        self.coverage = _returns_coverage()

    def __call__(self, index, tokens, **options):
        ranked = database_or(tokens, index.languages, limit=self.RANKED)
        ids = np.fromiter((row[0] for row in ranked), dtype=np.int64, count=len(ranked))
        scores = np.fromiter((row[1] for row in ranked), dtype=np.float64, count=len(ranked))
        if len(ranked) == self.RANKED:
            rest = np.setdiff1d(database_or_ids(tokens, index.languages), ids)
            lowest = scores.min() if len(scores) else 0.0
            ids, scores = np.concatenate([ids, rest]), np.concatenate([scores, np.full(len(rest), lowest - 1)])
        positions, known = index.positions(ids)
        return _matches(positions, scores[known].astype(np.float32), self.coverage)

    def __enter__(self):
        from creative_cities.search import postings

        self.original, postings.match = postings.match, self
        return self

    def __exit__(self, *exc):
        from creative_cities.search import postings

        postings.match = self.original


def measure_queries(queries: list[str], engine: LexicalIndex, log) -> dict:
    from creative_cities.search import lexical, memory, postings, selectors

    index = memory.current(None)
    languages = index.languages
    tokens = {query: lexical.query_tokens(" ".join(query.split())) for query in queries}
    for query in queries:  # PostgreSQL: each word's stems asked once, as the platform caches them
        database_or(tokens[query], languages)

    def lexical_search(query):
        return selectors.search(query, mode="lexical").total

    def warm():
        for query in queries:
            selectors.search(query, mode="lexical")

    def cold(call):
        def run(query):
            postings._cache.clear()
            return call(query)

        return run

    results = {
        "database": timed([lambda q=q: len(database_or(tokens[q], languages)) for q in queries]),
        "tantivy": timed([lambda q=q: len(engine.search(tokens[q], 20, prefix_last=True)) for q in queries]),
        "tantivy_count": timed(
            [lambda q=q: engine.searcher().search(engine.query(tokens[q], prefix_last=True), 20).count for q in queries]
        ),
    }
    warm()
    results["platform"] = timed([lambda q=q: lexical_search(q) for q in queries])
    results["platform_cold"] = timed([lambda q=q: cold(lexical_search)(q) for q in queries])
    with AnyWord():
        warm()  # the cold pass above left only its last query's words cached
        results["platform_or"] = timed([lambda q=q: lexical_search(q) for q in queries])
        results["platform_or_cold"] = timed([lambda q=q: cold(lexical_search)(q) for q in queries])
    with DatabaseMatching():
        results["platform_database"] = timed([lambda q=q: lexical_search(q) for q in queries])
    with TantivyMatching(engine):
        results["platform_tantivy"] = timed([lambda q=q: lexical_search(q) for q in queries])
    with TantivyMatching(engine, limit=1000):
        results["platform_tantivy_1000"] = timed([lambda q=q: lexical_search(q) for q in queries])
    for name, figures in results.items():
        log(
            f"    {name:22s} p50 {figures['p50']:6.1f}  p95 {figures['p95']:6.1f} ms"
            f"  (CPU p50 {figures['cpu_p50']:5.1f}, p95 {figures['cpu_p95']:5.1f})  matches {figures['matches']:.0f}"
        )
    warm()
    profiles = {"platform": profile(queries), "platform_cold": profile(queries, before=postings._cache.clear)}
    with AnyWord():
        warm()
        profiles["platform_or"] = profile(queries)
        profiles["platform_or_cold"] = profile(queries, before=postings._cache.clear)
    with DatabaseMatching():
        profiles["platform_database"] = profile(queries)
    with TantivyMatching(engine):
        profiles["platform_tantivy"] = profile(queries)
    for name, parts in profiles.items():
        log(f"    profile {name:16s} " + ", ".join(f"{key} {value:.1f}" for key, value in parts.items()))
    return {"timings": results, "profiles": profiles}


def one_at_a_time(engine: LexicalIndex, rows: list[tuple]) -> dict:
    """Re-index documents one by one: the platform's services (the whole item) and tantivy (a commit each)."""
    from creative_cities.core.text import fold
    from creative_cities.search import services
    from creative_cities.search.models import SearchDocument

    picked = rows[len(rows) // 2 : len(rows) // 2 + UPDATES]
    objects = dict(SearchDocument.objects.filter(pk__in=[row[0] for row in picked]).values_list("pk", "object_id"))
    kinds = dict(SearchDocument.objects.filter(pk__in=[row[0] for row in picked]).values_list("pk", "kind"))
    platform, tantivy_ms = [], []
    for row in picked:
        began = time.perf_counter()
        services.index_object(kinds[row[0]], objects[row[0]])
        platform.append((time.perf_counter() - began) * 1000)
        pk, language, title, text = row
        began = time.perf_counter()
        engine.write([(pk, language, fold(title), fold(text))])
        tantivy_ms.append((time.perf_counter() - began) * 1000)
    engine.close()
    return {
        "platform_p50": percentile(platform, 50),
        "platform_max": max(platform),
        "tantivy_p50": percentile(tantivy_ms, 50),
        "tantivy_max": max(tantivy_ms),
    }


PROBE = """
import json, sys, time, django
django.setup()
from pathlib import Path
from bench.search_worker import memory_mb, workload
from creative_cities.search import lexical, memory, selectors
engine_name, path = sys.argv[1], sys.argv[2]
queries = workload(40, seed=7)
started = memory_mb()
if engine_name == "tantivy":
    from bench.tantivy_lexical import LexicalIndex
    from creative_cities.search.models import SearchDocument
    languages = set(SearchDocument.objects.values_list("language", flat=True).distinct())
    engine = LexicalIndex(Path(path), languages)
    for query in queries:
        engine.search(lexical.query_tokens(query), 20, prefix_last=True)
else:
    index = memory.current(None, refresh=True)
    if engine_name == "platform_tantivy":
        from bench.lexical_engines_worker import TantivyMatching
        from bench.tantivy_lexical import LexicalIndex
        TantivyMatching(LexicalIndex(Path(path), index.languages)).__enter__()
    for query in queries:
        selectors.search(query, mode="lexical")
print(json.dumps({"django": started, "after_queries": memory_mb()}))
"""


def process_memory(engine_name: str, path: Path) -> dict:
    """The memory of a fresh process (Django loaded) that answers 40 searches with one engine."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, engine_name, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(*, database: str, sizes: list[int], queries: int, tantivy_dir: Path, log) -> dict:
    from creative_cities.search import memory, services
    from creative_cities.search.models import SearchDocument

    started = time.perf_counter()
    manage(["migrate", "--no-input"], ["import_members"])
    version = database_version()
    log(f"{database}: {version}; registry imported in {time.perf_counter() - started:.1f} s")
    services.rebuild(["city"])
    report = {"database": database, "version": version, "sizes": []}
    seed, workload_queries = 1, None
    for size in sizes:
        seed, generated = grow_to(size, seed)
        indexed = set(SearchDocument.objects.filter(kind=KIND).values_list("object_id", flat=True))
        new = [pk for pk in published_ids() if pk not in indexed]
        began = time.perf_counter()
        services.index_objects(KIND, new)
        platform_seconds = time.perf_counter() - began
        rows = document_rows()
        languages = {row[1] for row in rows}
        database_seconds = rebuild_database_lexical(rows)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # autovacuum's work after the demo's inserts, done now
                cursor.execute("VACUUM (ANALYZE)")
        path = tantivy_dir / f"index-{size}"
        engine, tantivy_seconds = build_tantivy(path, rows, languages)
        sizes_bytes = database_index_bytes() | {"tantivy": size_on_disk(path)}
        memory.current(None, refresh=True)
        items = len(published_ids())
        log(
            f"{database}: {items} items, {len(rows)} documents; services {platform_seconds:.1f} s for {len(new)} items;"
            f" lexical index alone {database_seconds:.1f} s; tantivy {tantivy_seconds:.1f} s;"
            f" sizes {', '.join(f'{k} {v / 2**20:.1f} MiB' for k, v in sizes_bytes.items())}"
        )
        workload_queries = workload_queries or workload(queries, seed=2026)
        measured = measure_queries(workload_queries, engine, log)
        measured_memory = {name: process_memory(name, path) for name in ("platform", "tantivy", "platform_tantivy")}
        report["sizes"].append(
            {
                "items": items,
                "documents": len(rows),
                "languages": sorted(languages),
                "generated_seconds": generated,
                "indexed_items": len(new),
                "platform_index_seconds": platform_seconds,
                "database_lexical_seconds": database_seconds,
                "tantivy_seconds": tantivy_seconds,
                "bytes": sizes_bytes,
                "memory": measured_memory,
                "updates": one_at_a_time(engine, rows),
                **measured,
            }
        )
    report["queries"] = len(workload_queries or [])
    return report
