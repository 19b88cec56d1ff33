"""Text helpers shared by search, slugs and imports."""

import unicodedata

from unidecode import unidecode


def fold(text: str) -> str:
    """Fold text for matching: no accents, no case, single spaces ("Liège" -> "liege")."""
    text = text or ""
    if not text.isascii():
        text = unidecode(unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().replace("-", " ").replace("'", " ").split())
