"""The API's JSON parser: text that cannot be stored is refused before any operation sees it.

JSON may escape an unpaired UTF-16 surrogate ("\\ud800"); Python decodes it to a
string that no database, file or e-mail can encode. Query strings cannot carry
one: Django decodes them with replacement characters.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.parser import Parser

from .errors import ApiError


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def lone_surrogate_at(value, path: str = "body") -> str | None:
    """The path ("keywords.1") of the first string or key holding an unpaired surrogate, or None."""
    if isinstance(value, str):
        return path if _printable(value) != value else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        name = _printable(str(key))
        inner = name if path == "body" else f"{path}.{name}"
        if name != str(key):
            return inner
        where = lone_surrogate_at(item, inner)
        if where is not None:
            return where
    return None


class ApiParser(Parser):
    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        where = lone_surrogate_at(data)
        if where is not None:
            message = _("This text holds an unpaired surrogate (U+D800 to U+DFFF), which is not a character.")
            raise ApiError(400, "invalid_text", _("The request has text that is not valid Unicode."), [
                {"field": where, "message": message}
            ])  # fmt: skip
        return data
