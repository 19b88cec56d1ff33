"""The data files of the demo content (``data/demo/``): JSON read once, checked before any use.

A file that does not have the expected shape raises ``DemoDataError``, whose message
names the file and lists each problem with the place it was found
(``themes.youth.activities``), so that whoever edits a phrase bank knows what to fix.
"""

import json
import string
from pathlib import Path
from typing import Any

from django.conf import settings

# Placeholders that name the same fact in another grammatical form: ``{in_city}`` and
# ``{city_s}`` say the city, ``{a_domain}`` and ``{Domain}`` the domain, ``{concept_a}``
# the concept with its article. Versions of one sentence must say the same facts.
_PREFIXES = ("a_", "de_", "in_", "of_")
_SUFFIXES = ("_a", "_s")
_SOURCE = "source_"


class DemoDataError(ValueError):
    """A data file of the demo content is missing or does not have the expected shape."""


def data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "demo"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def read(name: str) -> Any:
    """The content of ``data/demo/<name>``."""
    path = data_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DemoDataError(f"data/demo/{name} is missing.") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise DemoDataError(
            f"data/demo/{name} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except ValueError as error:
        raise DemoDataError(f"data/demo/{name} is not valid: {error}.") from None


def placeholders(template: str) -> list[str]:
    """The names between braces in ``template`` (``ValueError`` for braces that do not make a placeholder)."""
    names = []
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"{{{name}}} is not a placeholder (a plain name between braces)")
        names.append(name)
    return names


def subject(name: str) -> str:
    """The fact a placeholder names, in any grammatical form: ``in_city`` → ``city``, ``Concept`` → ``concept``."""
    name = name.lower()
    prefix = _SOURCE if name.startswith(_SOURCE) else ""
    name = name.removeprefix(prefix)
    for start in _PREFIXES:
        name = name.removeprefix(start)
    for end in _SUFFIXES:
        name = name.removesuffix(end)
    return prefix + name


def subjects(template: str) -> frozenset[str]:
    return frozenset(subject(name) for name in placeholders(template))


class Problems:
    """What is wrong with one file, each problem with its place; ``raise_if_any`` reports them all at once."""

    def __init__(self, name: str):
        self.name = name
        self.found: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.found.append(f"{where or 'the file'}: {message}")

    def raise_if_any(self) -> None:
        if self.found:
            shown = self.found[:40]
            more = len(self.found) - len(shown)
            lines = "\n".join(f"- {problem}" for problem in shown) + (f"\n- and {more} more" if more else "")
            raise DemoDataError(f"data/demo/{self.name} is not valid:\n{lines}")

    def object(self, value: Any, where: str) -> bool:
        if not isinstance(value, dict):
            self.add(where, "should be an object ({...})")
            return False
        return True

    def keys(self, value: Any, where: str, required, optional=()) -> bool:
        """An object with the ``required`` keys, maybe some of the ``optional`` ones, and no other."""
        if not self.object(value, where):
            return False
        missing = [key for key in required if key not in value]
        unknown = [key for key in value if key not in required and key not in optional]
        for key in missing:
            self.add(where, f"{key!r} is missing")
        for key in unknown:
            self.add(where, f"{key!r} is not expected here")
        return not missing

    def ids(self, value: Any, where: str, expected, *, why: str) -> bool:
        """An object whose keys are exactly ``expected`` (in any order); ``why`` says where they come from."""
        if not self.object(value, where):
            return False
        missing = [key for key in expected if key not in value]
        unknown = [key for key in value if key not in expected]
        for key in missing:
            self.add(where, f"{key!r} is missing ({why})")
        for key in unknown:
            self.add(where, f"{key!r} is unknown ({why})")
        return not missing and not unknown

    def text(self, value: Any, where: str, *, plain: bool = False) -> bool:
        """A string with more than spaces; ``plain``: shown as written, so without braces."""
        if not isinstance(value, str) or not value.strip():
            self.add(where, "should be a non-empty string")
            return False
        if plain and ("{" in value or "}" in value):
            self.add(where, "is shown as written: it may not hold {placeholders}")
            return False
        return True

    def separator(self, value: Any, where: str, *, empty: bool = False) -> bool:
        """A string that may be only spaces (and empty if ``empty``)."""
        if not isinstance(value, str) or not (value or empty):
            self.add(where, "should be a string" if empty else "should be a non-empty string")
            return False
        return True

    def texts(self, value: Any, where: str, *, empty: bool = False, plain: bool = True, least: int = 1) -> bool:
        """A list of texts (at least ``least`` of them, or none if ``empty``)."""
        if not isinstance(value, list) or (not value and not empty) or (value and len(value) < least):
            count = "a list" if empty else f"a list of at least {least} string{'s' if least > 1 else ''}"
            self.add(where, f"should be {count}")
            return False
        checked = [self.text(item, f"{where}[{n}]", plain=plain) for n, item in enumerate(value)]  # report each
        return all(checked)

    def template(self, value: Any, where: str, allowed, *, exactly=None) -> bool:
        """A text whose placeholders are among ``allowed`` (or are ``exactly`` these)."""
        if not self.text(value, where):
            return False
        try:
            names = placeholders(value)
        except ValueError as error:
            self.add(where, str(error))
            return False
        unknown = sorted({name for name in names if name not in allowed})
        if unknown:
            self.add(where, f"unknown placeholder{'s' if len(unknown) > 1 else ''} {_braced(unknown)}")
            return False
        if exactly is not None and set(names) != set(exactly):
            self.add(where, f"should hold exactly {_braced(exactly)}")
            return False
        return True

    def codes(self, value: Any, where: str, known=None, *, kind=str) -> bool:
        """A non-empty list of distinct values of type ``kind`` (among ``known`` when given)."""
        if not isinstance(value, list) or not value or not all(isinstance(item, kind) for item in value):
            self.add(where, f"should be a non-empty list of {'numbers' if kind is int else 'strings'}")
            return False
        if len(set(value)) != len(value):
            self.add(where, "lists a value twice")
            return False
        unknown = [item for item in value if known is not None and item not in known]
        for item in unknown:
            self.add(where, f"{item!r} is unknown")
        return not unknown


def _braced(names) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))
