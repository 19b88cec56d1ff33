"""The kinds of notification, registered by the apps that send them.

A kind has a label (shown on the settings page) and a one-line message with named
placeholders, written for translation. The message is put into words when it is
read, in the reader's language, from the values kept with the notification; so the
same notification reads in French on the page of a French reader and in Spanish in
the e-mail to a Spanish one.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise


@dataclass(frozen=True)
class Kind:
    code: str
    label: Promise | str
    message: Promise | str  # e.g. _("%(person)s added you to %(organisation)s.")
    dates: tuple[str, ...] = ()  # placeholders holding a day, kept as 2026-05-31 and written as the reader writes days


_kinds: dict[str, Kind] = {}


def register(code: str, *, label, message, dates: tuple[str, ...] = ()) -> Kind:
    kind = Kind(code, label, message, tuple(dates))
    _kinds[code] = kind
    return kind


def get(code: str) -> Kind:
    try:
        return _kinds[code]
    except KeyError:
        raise LookupError(f"No notification kind {code!r} is registered") from None


def all_kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: kind.code)


def render(code: str, context: dict) -> str:
    """The message of a notification in the active language; a kind since removed reads as its code."""
    try:
        kind = get(code)
    except LookupError:
        return code
    template = str(kind.message)
    context = {**context, **{name: _day(context[name]) for name in kind.dates if name in context}}
    try:
        return template % context
    except (KeyError, TypeError, ValueError):
        return template


def _day(value: str) -> str:
    """A day kept as text (2026-05-31), in the active language's date format; other text as it is."""
    try:
        return date_format(date.fromisoformat(str(value)), "DATE_FORMAT")
    except ValueError:
        return value
