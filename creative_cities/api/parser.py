"""The API's parser: text that cannot be stored is refused before any operation sees it.

Two characters cannot be stored as text: an unpaired UTF-16 surrogate, which JSON
may escape ("\\ud800") and Python decodes to a string that no database, file or
e-mail can encode; and NUL ("\\u0000", or %00 in an address), which PostgreSQL
refuses in any text. Bodies may carry both; query strings only NUL (Django
decodes them with replacement characters, so no surrogate survives). Either is
a 400 ``invalid_text`` naming the field.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.parser import Parser

from .errors import ApiError


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # an unpaired surrogate
    return "\x00" not in text


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\u0000")


def unstorable_text_at(value, path: str = "body") -> str | None:
    """The path ("keywords.1") of the first string or key that cannot be stored, or None."""
    if isinstance(value, str):
        return None if _storable(value) else path
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        name = _printable(str(key))
        inner = name if path == "body" else f"{path}.{name}"
        if not _storable(str(key)):
            return inner
        where = unstorable_text_at(item, inner)
        if where is not None:
            return where
    return None


def _refuse(where: str) -> ApiError:
    message = _("This text holds a character that cannot be stored: NUL, or an unpaired surrogate (U+D800 to U+DFFF).")
    return ApiError(400, "invalid_text", _("The request has text that is not valid Unicode."), [
        {"field": where, "message": message}
    ])  # fmt: skip


class ApiParser(Parser):
    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        where = unstorable_text_at(data)
        if where is not None:
            raise _refuse(where)
        return data

    def parse_querydict(self, data, list_fields, request: HttpRequest):
        for key in data:
            if not _storable(key) or not all(_storable(value) for value in data.getlist(key)):
                raise _refuse(_printable(key))
        return super().parse_querydict(data, list_fields, request)
