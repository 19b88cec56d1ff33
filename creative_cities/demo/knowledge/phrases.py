"""The phrase banks of the demo knowledge items, read from ``data/demo/knowledge.json`` and
``data/demo/knowledge/<language>.json`` (see ``data/README.md``).

``knowledge.json`` holds what does not depend on language: the languages and how often
each is written in, the concepts of each creative field and the themes they fit, the
themes' activities, objectives, SDG targets and figures, the figures' ranges, currencies.
Each language file holds the words and sentences, keyed by identifiers: the concepts and
activities of ``knowledge.json``, and an identifier for each sentence. One identifier is
one sentence: its versions in several languages are translations of each other and hold
the same placeholders (in the grammatical forms each language needs). The translation
languages (``en``, ``fr``, ``es``) have every sentence, so that a translation reads as one;
the other languages have a selection, and sometimes sentences of their own.

Sentences are drawn by position in a fixed order: the order of English's file for the
translation languages (whatever the order of their own files), the order of its file for
any other language; concepts and activities in the order of ``knowledge.json``.
"""

from dataclasses import dataclass
from functools import cache

from creative_cities.knowledge.choices import ItemKind, PartnerSector

from ..data import Problems, read, subjects

FACTS_FILE = "knowledge.json"
HEADINGS = ("context", "approach", "measures", "method", "findings", "lessons", "next")
# Sentences shown as written, and templates filled with the item's facts.
PLAIN_GROUPS = ("instruments", "pubtypes", "lessons", "link_titles")
TEMPLATE_GROUPS = ("goal", "method", "result", "context", "adapted", "results", "next", "funding")
KIND_GROUPS = ("titles", "intro", "approach")  # templates, per kind of item
SECTOR_GROUPS = ("partners",)  # templates, per sector of partner
FORMATS = {"percent": ("value",), "count_format": ("value", "label"), "list_format": ("label", "value")}
DEFAULTS = {"sentence_separator": " ", "count_format": "{value} {label}", "list_format": "{label}: {value}"}
# Facts of the item every template may use: its figures, years, interviews and funding shares.
NUMBERS = ("figs", "start_year", "end_year", "prev_year", "next_year", "pub_year", "field_since", "n")
NUMBERS += ("p1", "p2", "p3")
FIELD_WORDS, THEME_WORDS = ("field_title", "domain", "makers"), ("topic", "tagline", "goal")
# Words every template may use besides the fields' and themes' words (``_a``: with its article).
CHOSEN_WORDS = ("concept", "concept_a", "instrument", "instrument_a", "pubtype", "pubtype_a")


@dataclass(frozen=True)
class Theme:
    activities: tuple[str, ...]  # identifiers, in the order of {activity1}, {activity2}...
    objectives: tuple[str, ...]
    targets: tuple[str, ...]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """What the demo items are made of, in no language (``knowledge.json``)."""

    weights: dict[str, float]  # language -> how often it is written in by default, in the default order
    translation_languages: tuple[str, ...]  # the first is the reference: its files give the others their order
    language_countries: dict[str, frozenset[str]]  # countries whose cities also write in the language
    fields: tuple[str, ...]
    concepts: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # field -> ((concept, its themes), ...)
    themes: dict[str, Theme]
    kind_areas: dict[str, tuple[str, ...]]
    figures: dict[str, tuple[int, int, str]]  # key -> (lowest, highest, unit)
    euro_area: frozenset[str]
    euro: tuple[str, float]  # (currency, rough units per US dollar), to keep budgets plausible
    currencies: dict[str, tuple[str, float]]  # country -> (currency, units per US dollar)
    other_currency: tuple[str, float]

    def currency_for(self, iso2: str) -> tuple[str, float]:
        if iso2 in self.euro_area:
            return self.euro
        return self.currencies.get(iso2, self.other_currency)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@cache
def facts() -> Facts:
    """``knowledge.json``, checked."""
    raw = read(FACTS_FILE)
    problems = Problems(FACTS_FILE)
    top = ("languages", "translation_languages", "language_countries", "fields", "themes", "kind_areas", "figures")
    if not problems.keys(raw, "", (*top, "currencies")):
        problems.raise_if_any()
    weights = {}
    if isinstance(raw["languages"], list) and raw["languages"]:
        for n, entry in enumerate(raw["languages"]):
            where = f"languages[{n}]"
            if problems.keys(entry, where, ("code", "weight")) and problems.text(entry["code"], f"{where}.code"):
                if not _number(entry["weight"]) or entry["weight"] <= 0:
                    problems.add(f"{where}.weight", "should be a positive number")
                elif entry["code"] in weights:
                    problems.add(f"{where}.code", f"{entry['code']!r} is listed twice")
                weights[entry["code"]] = entry["weight"]
    else:
        problems.add("languages", "should be a non-empty list of {code, weight}")
    problems.codes(raw["translation_languages"], "translation_languages", weights)
    if problems.object(raw["language_countries"], "language_countries"):
        for code, countries in raw["language_countries"].items():
            if code not in weights:
                problems.add("language_countries", f"{code!r} is not among the languages")
            problems.codes(countries, f"language_countries.{code}")
    themes = _themes(raw["themes"], problems, set(raw["figures"]) if isinstance(raw["figures"], dict) else set())
    concepts = _concepts(raw["fields"], problems, themes)
    kinds = [str(kind) for kind in ItemKind]
    if problems.ids(raw["kind_areas"], "kind_areas", kinds, why="one entry per kind of item"):
        for kind, areas in raw["kind_areas"].items():
            problems.codes(areas, f"kind_areas.{kind}")
    figures = {}
    if problems.object(raw["figures"], "figures"):
        for key, figure in raw["figures"].items():
            where = f"figures.{key}"
            if problems.keys(figure, where, ("low", "high", "unit")) and problems.separator(
                figure["unit"], f"{where}.unit", empty=True
            ):
                low, high = figure["low"], figure["high"]
                if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)) or not 0 < low <= high:
                    problems.add(where, "low and high should be whole numbers, 0 < low <= high")
                figures[key] = (low, high, figure["unit"])
        if "participants" not in figures:
            problems.add("figures", "'participants' is missing (a summary names at least one count)")
    euro_area, currencies = _currencies(raw["currencies"], problems)
    problems.raise_if_any()
    euro, other = currencies.pop(_EURO), currencies.pop(_OTHER)
    return Facts(
        weights=weights,
        translation_languages=tuple(raw["translation_languages"]),
        language_countries={code: frozenset(countries) for code, countries in raw["language_countries"].items()},
        fields=tuple(concepts),
        concepts=concepts,
        themes=themes,
        kind_areas={kind: tuple(areas) for kind, areas in raw["kind_areas"].items()},
        figures=figures,
        euro_area=euro_area,
        euro=euro,
        currencies=currencies,
        other_currency=other,
    )


def _themes(raw, problems: Problems, figure_keys: set) -> dict[str, Theme]:
    themes = {}
    if not problems.object(raw, "themes"):
        return themes
    for code, theme in raw.items():
        where = f"themes.{code}"
        if problems.keys(theme, where, ("activities", "objectives", "sdg_targets", "figures")):
            checks = [
                problems.codes(theme["activities"], f"{where}.activities"),
                problems.codes(theme["objectives"], f"{where}.objectives"),
                problems.codes(theme["sdg_targets"], f"{where}.sdg_targets"),
                problems.codes(theme["figures"], f"{where}.figures", figure_keys),
            ]
            if all(checks) and len(theme["figures"]) < 4:
                problems.add(f"{where}.figures", "should list at least 4 figures (an item shows up to 4)")
            themes[code] = Theme(*(tuple(theme[key]) for key in ("activities", "objectives", "sdg_targets", "figures")))
    return themes


def _concepts(raw, problems: Problems, themes: dict) -> dict:
    concepts = {}
    if not isinstance(raw, list) or not raw:
        problems.add("fields", "should be a non-empty list of {code, concepts}")
        return concepts
    for n, entry in enumerate(raw):
        where = f"fields[{n}]"
        if not problems.keys(entry, where, ("code", "concepts")) or not problems.text(entry["code"], f"{where}.code"):
            continue
        if entry["code"] in concepts:
            problems.add(f"{where}.code", f"{entry['code']!r} is listed twice")
        if not isinstance(entry["concepts"], list) or not entry["concepts"]:
            problems.add(f"{where}.concepts", "should be a non-empty list of {id, themes}")
            continue
        field = []
        for m, concept in enumerate(entry["concepts"]):
            at = f"{where}.concepts[{m}]"
            if problems.keys(concept, at, ("id", "themes")) and problems.text(concept["id"], f"{at}.id"):
                problems.codes(concept["themes"], f"{at}.themes", themes)
                field.append((concept["id"], tuple(concept["themes"])))
        if len({concept for concept, _themes in field}) != len(field):
            problems.add(f"{where}.concepts", "lists an id twice")
        concepts[entry["code"]] = tuple(field)
    return concepts


_EURO, _OTHER = "euro", "other"  # not country codes


def _currencies(raw, problems: Problems) -> tuple[frozenset, dict]:
    """The euro area's countries; currencies by country, with the euro and the one of any other country."""
    where = "currencies"
    currencies = {}
    if not problems.keys(raw, where, ("euro_area", _EURO, "by_country", _OTHER)):
        return frozenset(), currencies
    problems.codes(raw["euro_area"], f"{where}.euro_area")
    by_country = raw["by_country"] if problems.object(raw["by_country"], f"{where}.by_country") else {}
    for key, entry, at in [
        (_EURO, raw[_EURO], f"{where}.euro"),
        (_OTHER, raw[_OTHER], f"{where}.other"),
        *((iso2, entry, f"{where}.by_country.{iso2}") for iso2, entry in by_country.items()),
    ]:
        if problems.keys(entry, at, ("code", "per_dollar")) and problems.text(entry["code"], f"{at}.code"):
            if not _number(entry["per_dollar"]) or entry["per_dollar"] <= 0:
                problems.add(f"{at}.per_dollar", "should be a positive number")
            currencies[key] = (entry["code"], entry["per_dollar"])
    return frozenset(raw["euro_area"] if isinstance(raw["euro_area"], list) else ()), currencies


def languages() -> tuple[str, ...]:
    """The languages with a phrase bank, in the default order of the language mix."""
    return tuple(facts().weights)


@cache
def bank(language: str) -> dict:
    """The phrase bank of ``language``, checked (``KeyError`` for a language without one).

    Sentence groups come as lists in their drawing order, concepts as a dict by identifier,
    activities as a list in the order of ``knowledge.json``; ``ids`` gives each group's
    identifiers, in the order of its list.
    """
    known = facts()
    if language not in known.weights:
        raise KeyError(language)
    reference = known.translation_languages[0]
    return _bank(language, known, None if language == reference else bank(reference))


def _bank(language: str, known: Facts, reference: dict | None) -> dict:
    name = f"knowledge/{language}.json"
    raw = read(name)
    problems = Problems(name)
    groups = (*PLAIN_GROUPS, *TEMPLATE_GROUPS, *KIND_GROUPS, *SECTOR_GROUPS)
    required = ("city_forms", "articles", "thousands", "and", "percent", "fields", "themes", "figures", "headings")
    if not problems.keys(raw, "", (*required, *groups), ("city_names", *DEFAULTS)):
        problems.raise_if_any()
    result = {"language": language, "city_names": {}, **DEFAULTS}
    city_slots = _city_forms(raw["city_forms"], problems)
    result["city_forms"] = city_slots
    if "city_names" in raw and problems.object(raw["city_names"], "city_names"):
        for english, local in raw["city_names"].items():
            problems.text(local, f"city_names.{english}", plain=True)
        result["city_names"] = raw["city_names"]
    if problems.texts(raw["articles"], "articles", empty=True):
        result["articles"] = tuple(raw["articles"])
    for key in ("thousands", "and"):
        problems.separator(raw[key], key)
        result[key] = raw[key]
    if "sentence_separator" in raw and problems.separator(raw["sentence_separator"], "sentence_separator", empty=True):
        result["sentence_separator"] = raw["sentence_separator"]
    for key, names in FORMATS.items():
        if key in raw and problems.template(raw[key], key, names, exactly=names):
            result[key] = raw[key]
    words = _fields_and_themes(raw, known, problems, result)
    if problems.ids(raw["figures"], "figures", known.figures, why="the figures of knowledge.json"):
        for key, label in raw["figures"].items():
            problems.text(label, f"figures.{key}", plain=True)
        result["figures"] = raw["figures"]
    if problems.ids(raw["headings"], "headings", HEADINGS, why="the headings every item uses"):
        for key, heading in raw["headings"].items():
            problems.text(heading, f"headings.{key}", plain=True)
        result["headings"] = raw["headings"]
    slots = {*city_slots, *(f"source_{slot}" for slot in city_slots), *NUMBERS}
    slots |= {*words, *(word[:1].upper() + word[1:] for word in words)}
    result["ids"] = {}
    for path, entries, allowed in _groups(raw, problems):
        where = ".".join(path)
        if not problems.object(entries, where):
            continue
        if not entries:
            problems.add(where, "should hold at least one sentence")
            continue
        for key, text in entries.items():
            if allowed is None:
                problems.text(text, f"{where}.{key}", plain=True)
            else:
                problems.template(text, f"{where}.{key}", slots)
        ids = _drawing_order(path, entries, language, known, reference, problems)
        if allowed is not None and reference is not None:
            _compare_placeholders(where, entries, reference, path, problems)
        result["ids"][path] = ids
        _set(result, path, [entries[key] for key in ids])
    problems.raise_if_any()
    return result


def _city_forms(raw, problems: Problems) -> dict:
    """``{name: ((first or last or None, letters, template), ...)}``: the first rule that applies gives the form."""
    forms = {}
    if not problems.object(raw, "city_forms"):
        return forms
    if "city" not in raw:
        problems.add("city_forms", "'city' is missing (the city's name as it stands in a sentence)")
    for name, form in raw.items():
        where = f"city_forms.{name}"
        if not name.isidentifier() or name.startswith("source_"):
            problems.add(where, "should be a plain name, not starting with 'source_'")
        rules = [{"form": form}] if isinstance(form, str) else form
        if not isinstance(rules, list) or not rules:
            problems.add(where, "should be a template with {city} or a list of rules {form, first_letter_in?}")
            continue
        parsed = []
        for n, rule in enumerate(rules):
            at = where if isinstance(form, str) else f"{where}[{n}]"
            if not problems.keys(rule, at, ("form",), ("first_letter_in", "last_letter_in")):
                continue
            problems.template(rule["form"], f"{at}.form" if at != where else at, {"city"}, exactly=("city",))
            conditions = [key for key in ("first_letter_in", "last_letter_in") if key in rule]
            if len(conditions) > 1:
                problems.add(at, "should have one condition at most")
            for key in conditions:
                problems.text(rule[key], f"{at}.{key}", plain=True)
            end = conditions[0].split("_")[0] if conditions else None
            parsed.append((end, rule.get(conditions[0], "") if conditions else "", rule["form"]))
        if parsed and parsed[-1][0] is not None:
            problems.add(where, "the last rule should have no condition (the form when no other applies)")
        forms[name] = tuple(parsed)
    return forms


def _fields_and_themes(raw, known: Facts, problems: Problems, result: dict) -> set[str]:
    """Check and copy the fields and themes; the words templates may use."""
    words = set(CHOSEN_WORDS)
    for group, facts_of, fixed, own in (
        ("fields", known.concepts, FIELD_WORDS, "concepts"),
        ("themes", known.themes, THEME_WORDS, "activities"),
    ):
        result[group] = {}
        if not problems.ids(raw[group], group, facts_of, why=f"the {group} of knowledge.json"):
            continue
        shapes = set()
        for code, entry in raw[group].items():
            where = f"{group}.{code}"
            if not problems.object(entry, where):
                continue
            names = tuple(sorted(key for key in entry if key not in ("keywords", own)))
            shapes.add(names)
            if not problems.keys(entry, where, (*fixed, "keywords", own), names):
                continue
            for key in names:
                problems.text(entry[key], f"{where}.{key}", plain=True)
            problems.texts(entry["keywords"], f"{where}.keywords", least=2)
            expected = [key for key, _themes in facts_of[code]] if group == "fields" else facts_of[code].activities
            if problems.ids(entry[own], f"{where}.{own}", expected, why=f"{where}.{own} of knowledge.json"):
                for key, text in entry[own].items():
                    problems.text(text, f"{where}.{own}.{key}", plain=True)
            copy = dict(entry)
            if group == "themes" and isinstance(entry[own], dict):
                copy[own] = [entry[own].get(key, "") for key in expected]
                words |= {f"activity{n}" for n in range(1, len(expected) + 1)}
            result[group][code] = copy
            words |= set(names)
        if len(shapes) > 1:
            problems.add(group, "every entry should have the same words (templates may use any of them)")
    return words


def _groups(raw, problems: Problems):
    """(path, entries, None for plain sentences or the templates' marker) for every sentence group."""
    for group in PLAIN_GROUPS:
        yield (group,), raw[group], None
    for group in TEMPLATE_GROUPS:
        yield (group,), raw[group], "template"
    for group, keys, why in (
        *((group, [str(kind) for kind in ItemKind], "one entry per kind of item") for group in KIND_GROUPS),
        *((group, [str(sector) for sector in PartnerSector], "one entry per sector") for group in SECTOR_GROUPS),
    ):
        if problems.ids(raw[group], group, keys, why=why):
            for key in keys:
                yield (group, key), raw[group][key], "template"


def _drawing_order(path, entries: dict, language: str, known: Facts, reference, problems: Problems) -> list[str]:
    """A translation language has the reference's sentences, drawn in the reference's order."""
    if reference is None or language not in known.translation_languages:
        return list(entries)
    wanted = reference["ids"].get(path, ())
    why = f"{', '.join(known.translation_languages)} have the same sentences"
    problems.ids(entries, ".".join(path), wanted, why=why)
    return [key for key in wanted if key in entries]


def _compare_placeholders(where: str, entries: dict, reference: dict, path, problems: Problems) -> None:
    """A sentence the reference has too says the same facts."""
    theirs = dict(zip(reference["ids"].get(path, ()), _get(reference, path), strict=True))
    for key, text in entries.items():
        if key not in theirs or not isinstance(text, str):
            continue
        try:
            mine, other = subjects(text), subjects(theirs[key])
        except ValueError:
            continue  # reported as a bad template already
        if mine != other:
            problems.add(
                f"{where}.{key}",
                f"says {{{', '.join(sorted(mine))}}} where {reference['language']}.json says "
                f"{{{', '.join(sorted(other))}}}: one identifier is one sentence, saying the same in every language",
            )


def _get(bank: dict, path) -> list:
    value = bank
    for key in path:
        value = value[key]
    return value


def _set(bank: dict, path, value) -> None:
    for key in path[:-1]:
        bank = bank.setdefault(key, {})
    bank[path[-1]] = value
