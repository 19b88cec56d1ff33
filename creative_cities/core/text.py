"""Text helpers shared by search, slugs and imports."""

import unicodedata

from unidecode import unidecode


def fold(text: str) -> str:
    """Fold text for matching: no accents, no case, single spaces ("Liège" -> "liege")."""
    text = text or ""
    if not text.isascii():
        text = unidecode(unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().replace("-", " ").replace("'", " ").split())


def unique_slug(text: str, *, queryset, fallback: str, max_length: int = 100) -> str:
    """A slug of ``text`` (transliterated) that no row of ``queryset`` has: "name", else "name-2", "name-3"…"""
    from django.utils.text import slugify

    base = (slugify(unidecode(text or ""))[:max_length].strip("-")) or fallback
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"
