"""The French and Spanish catalogues: every entry translated, none fuzzy, placeholders kept.

A missing or fuzzy translation shows English in the middle of a French page; a placeholder
lost or misspelt in a translation raises an error, or prints the wrong value, when the text
is formatted. ``msgfmt --check`` finds part of this; this test needs no gettext tools.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = [Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po" for code in ("fr", "es")]
ENTRY_LINE = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$')
# %(name)s, %(count)d, %(score).2f, %s, %d; "%%" is a per cent sign.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifr%])")


@dataclass
class Entry:
    line: int
    flags: set = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict = field(default_factory=dict)
    obsolete: bool = False

    def __str__(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        return f"line {self.line}: {context}{self.msgid[:70]!r}"


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def parse(path: Path) -> list[Entry]:
    """The entries of a .po file (the header too, as the entry whose msgid is empty)."""
    entries, entry, current = [], None, None
    for number, raw in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], 1):
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry = current = None
            continue
        entry = entry or Entry(line=number)
        if line.startswith("#~"):
            entry.obsolete = True
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := ENTRY_LINE.match(line):
            keyword, index, text = match.groups()
            current = ("msgstr", int(index or 0)) if keyword.startswith("msgstr") else (keyword, None)
            _append(entry, current, unescape(text), reset=True)
        elif line.startswith('"') and line.endswith('"') and current:
            _append(entry, current, unescape(line[1:-1]))
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return [entry for entry in entries if not entry.obsolete]


def _append(entry: Entry, where: tuple, text: str, reset: bool = False) -> None:
    name, index = where
    if name == "msgstr":
        entry.msgstr[index] = ("" if reset else entry.msgstr[index]) + text
    else:
        setattr(entry, name, ("" if reset else getattr(entry, name)) + text)


def placeholders(text: str) -> list[str]:
    return sorted(m.group(1) or m.group(2) for m in PLACEHOLDER.finditer(text) if m.group(0) != "%%")


def is_python_format(entry: Entry) -> bool:
    return "python-format" in entry.flags or bool(placeholders(entry.msgid))


def problems(entries: list[Entry]) -> list[str]:
    found, seen = [], {}
    for entry in entries:
        if not entry.msgid:
            continue  # the header
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            found.append(f"{entry}: the same entry as line {seen[key]}")
        seen[key] = entry.line
        if "fuzzy" in entry.flags:
            found.append(f"{entry}: fuzzy")
        if not entry.msgstr or not all(entry.msgstr.values()):
            found.append(f"{entry}: not translated")
            continue
        if not is_python_format(entry):
            continue
        if placeholders(entry.msgid) and "python-format" not in entry.flags:
            found.append(f"{entry}: has placeholders but no python-format flag")
        if entry.msgid_plural is None:
            if placeholders(entry.msgstr[0]) != placeholders(entry.msgid):
                found.append(f"{entry}: placeholders {placeholders(entry.msgstr[0])} for {placeholders(entry.msgid)}")
            continue
        # A singular form may leave the number out ("une ville"); no form may bring a placeholder
        # of its own, and the last (the general plural) keeps every one of the plural's.
        allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
        for index, text in entry.msgstr.items():
            if not set(placeholders(text)) <= allowed:
                found.append(f"{entry}: form {index} has placeholders {placeholders(text)}, not among {allowed}")
        last = entry.msgstr[max(entry.msgstr)]
        if set(placeholders(entry.msgid_plural)) - set(placeholders(last)):
            found.append(f"{entry}: the plural form lacks placeholders of {placeholders(entry.msgid_plural)}")
    return found


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_entry_is_translated_with_its_placeholders(catalogue):
    assert problems(parse(catalogue)) == []


def test_the_check_finds_an_empty_a_fuzzy_and_a_misspelt_translation(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Language: fr\\n"\n\n'
        'msgid "Accepted"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Declined"\nmsgstr "Refusée"\n\n'
        '#, python-format\nmsgid "Hello %(name)s,"\nmsgstr "Bonjour %(nom)s,"\n\n'
        '#, python-format\nmsgid "%(counter)s city"\nmsgid_plural "%(counter)s cities"\n'
        'msgstr[0] "une ville"\nmsgstr[1] "des villes"\n\n'
        'msgid "Written in %(language)s."\nmsgstr "Écrit en %(language)s."\n',
        encoding="utf-8",
    )
    found = problems(parse(catalogue))
    assert [problem.split(": ", 2)[-1] for problem in found] == [
        "not translated",
        "fuzzy",
        "placeholders ['nom'] for ['name']",
        "the plural form lacks placeholders of ['counter']",
        "has placeholders but no python-format flag",
    ]
