"""The themes of the demo partnerships, read from ``data/demo/partnerships.json`` (their creative
fields and SDGs, and which countries write in which language) and ``data/demo/partnerships/<language>.json``
(their words, and the templates of titles, summaries and organisations' names)."""

from dataclasses import dataclass
from functools import cache

from .data import Problems, placeholders, read

FILE = "partnerships.json"
# Template -> the placeholders the generator fills in; a list holds variants, a string is one sentence.
TEMPLATES = {
    "title": ("name", "city", "phrase"),
    "summary": ("phrase", "phrase2", "phrase3", "city"),
    "organisation": ("town", "name"),
    "about": ("town", "phrase", "phrase2"),
}
VARIANTS = ("title", "organisation")
PHRASES = 3  # a summary names three of a theme's phrases


@dataclass(frozen=True)
class Theme:
    code: str
    fields: tuple[str, ...]
    sdgs: tuple[int, ...]
    words: dict  # language -> (name, phrases...)


@dataclass(frozen=True)
class Partnerships:
    themes: list[Theme]
    templates: dict  # language -> {template: text, or list of variants}
    default_language: str
    language_countries: dict[str, frozenset[str]]

    def language_of(self, iso2: str) -> str:
        """The language a city of this country writes its projects in."""
        for language, countries in self.language_countries.items():
            if iso2 in countries:
                return language
        return self.default_language


@cache
def load() -> Partnerships:
    """The themes and templates, checked."""
    raw = read(FILE)
    problems = Problems(FILE)
    if not problems.keys(raw, "", ("default_language", "language_countries", "themes")):
        problems.raise_if_any()
    problems.text(raw["default_language"], "default_language", plain=True)
    if problems.object(raw["language_countries"], "language_countries"):
        for language, countries in raw["language_countries"].items():
            problems.codes(countries, f"language_countries.{language}")
    themes = []
    if isinstance(raw["themes"], list) and raw["themes"]:
        for n, theme in enumerate(raw["themes"]):
            where = f"themes[{n}]"
            if not problems.keys(theme, where, ("code", "fields", "sdgs")):
                continue
            checks = [
                problems.text(theme["code"], f"{where}.code", plain=True),
                problems.codes(theme["fields"], f"{where}.fields"),
                problems.codes(theme["sdgs"], f"{where}.sdgs", range(1, 18), kind=int),
            ]
            if all(checks):
                themes.append(theme)
        if len({theme["code"] for theme in themes}) != len(themes):
            problems.add("themes", "lists a code twice")
    else:
        problems.add("themes", "should be a non-empty list of {code, fields, sdgs}")
    problems.raise_if_any()
    languages = [raw["default_language"], *raw["language_countries"]]
    codes = [theme["code"] for theme in themes]
    banks = {language: _bank(language, codes) for language in languages}
    _compare_sentences(banks, raw["default_language"])
    return Partnerships(
        themes=[
            Theme(
                code=theme["code"],
                fields=tuple(theme["fields"]),
                sdgs=tuple(theme["sdgs"]),
                words={
                    language: (bank["themes"][theme["code"]]["name"], *bank["themes"][theme["code"]]["phrases"])
                    for language, bank in banks.items()
                },
            )
            for theme in themes
        ],
        templates={language: bank["templates"] for language, bank in banks.items()},
        default_language=raw["default_language"],
        language_countries={
            language: frozenset(countries) for language, countries in raw["language_countries"].items()
        },
    )


def _bank(language: str, codes: list[str]) -> dict:
    name = f"partnerships/{language}.json"
    raw = read(name)
    problems = Problems(name)
    if not problems.keys(raw, "", ("templates", "themes")):
        problems.raise_if_any()
    if problems.keys(raw["templates"], "templates", TEMPLATES):
        for key, allowed in TEMPLATES.items():
            value, where = raw["templates"][key], f"templates.{key}"
            if key in VARIANTS:
                if problems.texts(value, where, plain=False):
                    for n, variant in enumerate(value):
                        problems.template(variant, f"{where}[{n}]", allowed)
            else:
                problems.template(value, where, allowed)
    if problems.ids(raw["themes"], "themes", codes, why=f"the themes of {FILE}"):
        for code, theme in raw["themes"].items():
            where = f"themes.{code}"
            if problems.keys(theme, where, ("name", "phrases")):
                problems.text(theme["name"], f"{where}.name", plain=True)
                problems.texts(theme["phrases"], f"{where}.phrases", least=PHRASES)
    problems.raise_if_any()
    return raw


def _compare_sentences(banks: dict, reference: str) -> None:
    """A summary or a description holds the same placeholders in every language."""
    for language, bank in banks.items():
        problems = Problems(f"partnerships/{language}.json")
        for key in TEMPLATES:
            if key in VARIANTS:
                continue
            mine, theirs = (
                set(placeholders(bank["templates"][key])),
                set(placeholders(banks[reference]["templates"][key])),
            )
            if mine != theirs:
                problems.add(
                    f"templates.{key}",
                    f"holds {sorted(mine)} where {reference}.json holds {sorted(theirs)}: every language says the same",
                )
        problems.raise_if_any()
