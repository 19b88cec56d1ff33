"""The extract of a hit's text shown under its title, with the query's words marked.

The text is escaped first and only then wrapped in ``<mark>``, so that whatever HTML
a text holds is shown as text. Words are matched as ``fold`` matches them (no case,
no accents) and by their start ("creat" marks "Creative"): each letter of a query word
is a class of itself and its accented forms ("musica" is ``m[uúùû…]s[iíì…]c[aáà…]``), so
the original text is searched as it is and the offsets found apply to it.
"""

import re
from collections import Counter
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from unidecode import unidecode

WINDOW = 200
# What follows this mark in a document's text is searched but never shown in an extract: the
# names, countries (in three languages) and keywords that providers add so that they are found.
# An invisible separator: neither a space nor a letter, so it splits no word and makes none.
UNSHOWN = "\u2063"
MAX_MATCHES = 100  # enough to find the best window; common words can match hundreds of times
# Rough endings to drop so that "festivals" also marks "festival", as stemming found it.
SUFFIXES = ("ations", "ation", "ements", "ement", "ciones", "cion", "ings", "ing", "ies", "es", "ed", "s", "e")


def _letter_classes() -> dict[str, str]:
    """Each plain letter and digit to a regex class of itself and the Latin letters with diacritics that fold to it."""
    forms: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        plain = unidecode(chr(code))
        if len(plain) == 1 and plain.isalpha():
            forms.setdefault(plain.lower(), set()).add(chr(code).lower())
    return {letter: "[" + letter + "".join(sorted(others)) + "]" for letter, others in forms.items()}


CLASSES = _letter_classes()


def _stems(token: str) -> list[str]:
    stems = [token]
    for suffix in SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            stems.append(token[: -len(suffix)])
            break
    return stems


@lru_cache(maxsize=256)
def _pattern(tokens: tuple[str, ...]) -> re.Pattern:
    stems = sorted({stem for token in tokens for stem in _stems(token)}, key=len, reverse=True)
    alternatives = ["".join(CLASSES.get(letter, re.escape(letter)) for letter in stem) for stem in stems]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\w*", re.IGNORECASE)


def snippet(text: str, tokens: list[str], *, window: int = WINDOW) -> SafeString:
    """About ``window`` characters of ``text`` around the most query words, escaped, words in <mark>."""
    text = " ".join(text.split(UNSHOWN, 1)[0].split())
    matches = []
    if tokens:
        found = _pattern(tuple(tokens)).finditer(text)
        matches = [(m.start(), m.end()) for _, m in zip(range(MAX_MATCHES), found, strict=False)]
    start = _best_start(text, matches, window)
    end = min(len(text), start + window)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + window // 2 else end
    parts = ["…" if start > 0 else ""]
    cursor = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        parts += [escape(text[cursor:match_start]), "<mark>", escape(text[match_start:match_end]), "</mark>"]
        cursor = match_end
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def _best_start(text: str, matches: list[tuple[int, int]], window: int) -> int:
    """Where the window holding the most distinct marked words begins (the first such), a sliding count."""
    if not matches or len(text) <= window:
        return 0
    words = [text[s:e].lower() for s, e in matches]
    inside: Counter[str] = Counter()
    best, best_count, j = matches[0][0], 0, 0
    for i, (first, _) in enumerate(matches):
        j = max(j, i)
        while j < len(matches) and matches[j][1] <= first + window:
            inside[words[j]] += 1
            j += 1
        if len(inside) > best_count:
            best, best_count = first, len(inside)
        if j > i:
            inside[words[i]] -= 1
            if not inside[words[i]]:
                del inside[words[i]]
    # Some context before the first marked word, starting on a word.
    start = max(0, best - window // 4)
    if start > 0:
        space = text.find(" ", start, best)
        start = space + 1 if space != -1 else best
    return start
