"""What the embedding model reads of a document, and how its passages' vectors make the document's one vector.

The model reads about 500 characters at a time well, and its time grows with the
length it reads, so a long text is read as several passages: the first is the title
and the opening (title and summary say most of what a text is about); the next ones
cover the rest of the text, about 500 characters each, cut where a sentence or a
paragraph ends (else between words), up to ``SEARCH_EMBED_PASSAGES`` passages. The
index keeps one vector per document: ``combine_passage_vectors`` of the passages'
vectors. ``passages_digest`` names all that was embedded and how it was combined, so
that a vector is reused exactly as long as it would come out the same.
"""

import bisect
import hashlib
import math
import re
from collections.abc import Sequence

import numpy as np
from django.conf import settings

from .embeddings import normalise
from .providers import DocumentData

PASSAGE_CHARS = 500
# Changes whenever combine_passage_vectors computes something else: stored vectors are then made again.
COMBINATION = "weighted-mean"
# A space after the end of a sentence (closing quotes or brackets allowed before it).
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"'»”’)\]]*( )")


def passage_limit() -> int:
    """How many passages of a document the model reads at most (``SEARCH_EMBED_PASSAGES``, at least 1)."""
    return max(1, int(getattr(settings, "SEARCH_EMBED_PASSAGES", 6)))


def first_passage_weight() -> float:
    """How many times the first passage (title and opening) counts in a document's vector."""
    return float(getattr(settings, "SEARCH_EMBED_FIRST_WEIGHT", 2.0))


def document_passages(document: DocumentData, *, limit: int, size: int = PASSAGE_CHARS) -> list[str]:
    """The passages the model reads of a document, each at most ``size`` characters, ``limit`` at most.

    The first is the title and the opening, cut between words; with ``limit=1`` it is
    all the model reads, as before documents had several passages.
    """
    text = " ".join(document.text.split())
    # Where paragraphs end, in that one-line text: lines were joined by one space each.
    ends, offset = [], 0
    for line in document.text.splitlines():
        if line.split():
            offset += len(" ".join(line.split())) + 1
            ends.append(offset - 1)
    if not text.startswith(document.title):
        prefix = f"{document.title}. "
        text = prefix + text
        ends = [len(prefix) - 1, *(end + len(prefix) for end in ends)]
    if len(text) <= size:
        return [text]
    first = text.rfind(" ", 0, size) if " " in text[:size] else size
    passages = [text[:first]]
    cuts = sorted({*ends, *(match.start(1) for match in SENTENCE_END.finditer(text))})
    start = first + 1 if text[first : first + 1] == " " else first
    while start < len(text) and len(passages) < limit:
        remaining = len(text) - start
        if remaining <= size:
            passages.append(text[start:])
            break
        # Passages of even length rather than full ones and a scrap, when what is left allows.
        target = start + math.ceil(remaining / math.ceil(remaining / size))
        cut = _cut(text, cuts, low=start + size // 2, target=target, high=start + size)
        passages.append(text[start:cut])
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    return [passage for passage in passages if passage.strip()]


def _cut(text: str, cuts: list[int], *, low: int, target: int, high: int) -> int:
    """Where to end a passage: the end of a sentence nearest ``target`` in [low, high], else the nearest space."""
    found = cuts[bisect.bisect_left(cuts, low) : bisect.bisect_right(cuts, high)]
    if found:
        return min(found, key=lambda cut: (abs(cut - target), -cut))
    before, after = text.rfind(" ", low, target + 1), text.find(" ", target, high + 1)
    spaces = [space for space in (before, after) if space > 0]
    if spaces:
        return min(spaces, key=lambda space: abs(space - target))
    return high  # one word longer than a passage: cut inside it


def combine_passage_vectors(vectors: np.ndarray, *, first_weight: float) -> np.ndarray:
    """A document's vector from its passages': their mean, the first counting ``first_weight`` times, of length 1.

    One passage gives its own vector, unchanged.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    if len(vectors) == 1:
        return vectors[0]
    weights = np.ones(len(vectors), dtype=np.float32)
    weights[0] = first_weight
    return normalise(weights @ vectors)


def passages_digest(passages: Sequence[str], *, first_weight: float) -> str:
    """A hash of what makes a document's vector: its passages and, when there are several, how they combine.

    One passage hashes as its text alone, so documents that fit in one passage keep
    their vectors whatever the passage settings, and an index built when documents had
    one passage each keeps its vectors with ``SEARCH_EMBED_PASSAGES=1``.
    """
    recipe = [] if len(passages) == 1 else [f"{COMBINATION}:{first_weight!r}"]
    source = "\x1e".join([*recipe, *passages])
    return hashlib.sha256(source.encode()).hexdigest()
