"""Demo items written out: a plan rendered in a language from the phrase banks, as the services take it."""

import random
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from creative_cities.knowledge.choices import ItemKind

from . import phrases
from .plans import Plan, Reference


class _Chooser:
    """Picks by position in a list, from one stream of numbers: lists in the same order (the
    phrase banks put sentences with the same identifier at the same place) give parallel texts."""

    def __init__(self, seed: int):
        self._rng = random.Random(seed)  # noqa: S311 - demo content, not secrets

    def pick(self, options: list):
        return options[int(self._rng.random() * len(options))]

    def sample(self, options: list, k: int) -> list:
        order = random.Random(self._rng.getrandbits(32)).sample(range(len(options)), min(k, len(options)))  # noqa: S311
        return [options[i] for i in order]


def capfirst(text: str) -> str:
    """Django's capfirst without its lazy-string wrapper, which costs more than the rest of rendering."""
    return text[:1].upper() + text[1:]


def _bare(phrase: str, articles: tuple) -> str:
    for article in articles:
        if phrase.startswith(article):
            return phrase[len(article) :]
    return phrase


def _number(value: Decimal, bank: dict) -> str:
    return f"{int(value):,}".replace(",", bank["thousands"])


def city_slots(bank: dict, city: str) -> dict:
    """The forms of a city's name in the bank's language (``in_city``: "in Lyon", "à Lyon"...)."""
    name = bank["city_names"].get(city, city)
    slots = {}
    for slot, rules in bank["city_forms"].items():
        for end, letters, form in rules:
            letter = name[:1] if end == "first" else name[-1:] if end == "last" else None
            if end is None or (letter and letter in letters):
                slots[slot] = form.replace("{city}", name)
                break
    return slots


def _slots(plan: Plan, bank: dict, chooser: _Chooser) -> dict:
    facts = phrases.facts()
    slots = city_slots(bank, plan.city.name)
    if plan.source is not None:
        slots |= {f"source_{key}": value for key, value in city_slots(bank, plan.source.city.name).items()}
    field_bank, theme_bank = bank["fields"][plan.field], bank["themes"][plan.theme]
    words = {key: value for key, value in (field_bank | theme_bank).items() if isinstance(value, str)}
    words["concept_a"] = field_bank["concepts"][plan.concept]
    words["concept"] = _bare(words["concept_a"], bank["articles"])
    words["instrument_a"] = chooser.pick(bank["instruments"])
    words["instrument"] = _bare(words["instrument_a"], bank["articles"])
    words["pubtype_a"] = chooser.pick(bank["pubtypes"])
    words["pubtype"] = _bare(words["pubtype_a"], bank["articles"])
    for number, activity in enumerate(theme_bank["activities"], start=1):
        words[f"activity{number}"] = activity
    slots |= words | {capfirst(key): capfirst(value) for key, value in words.items()}
    counts = [(key, value) for key, value in plan.figures if not facts.figures[key][2]][:2]
    count_format = bank["count_format"]
    figs = [count_format.format(value=_number(value, bank), label=bank["figures"][key]) for key, value in counts]
    return slots | {
        "figs": bank["and"].join(figs),
        "start_year": plan.start_year,
        "end_year": plan.end_year or plan.start_year + 4,
        "prev_year": plan.start_year - 1,
        "next_year": max(plan.end_year or plan.start_year, plan.pub_year) + 1,
        "pub_year": plan.pub_year,
        "field_since": plan.city.field_since,
        "n": plan.interviews,
        **dict(zip(("p1", "p2", "p3"), plan.funding or (0, 0, 0), strict=True)),
    }


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {capfirst(line)}" for line in lines)


def render(plan: Plan, language: str) -> dict:
    """The texts of an item in ``language``: title, summary, body and results (Markdown), keywords,
    partners' names, funding, link titles. The same plan in two languages says the same things."""
    bank = phrases.bank(language)
    chooser = _Chooser(plan.text_seed)
    slots = _slots(plan, bank, chooser)

    def fill(template: str) -> str:
        return template.format_map(slots)

    kind, headings = plan.kind, bank["headings"]
    title = fill(chooser.pick(bank["titles"][kind]))
    intro, goal = chooser.pick(bank["intro"][kind]), chooser.pick(bank["goal"])
    method, result = chooser.pick(bank["method"]), chooser.pick(bank["result"])
    extra = [method, result] if plan.method_first else [result, method]
    summary = bank["sentence_separator"].join(fill(sentence) for sentence in [intro, goal, *extra][: plan.sentences])

    contexts = chooser.sample(bank["context"], 2)
    adapted = chooser.pick(bank["adapted"])
    blocks = [f"## {headings['context']}", fill(contexts[0])]
    if plan.second_context and len(contexts) > 1:
        blocks.append(fill(contexts[1]))
    if plan.source is not None:
        blocks.append(fill(adapted))
    approach = fill(chooser.pick(bank["approach"][kind]))
    lessons = chooser.sample(bank["lessons"], 3)
    if kind == ItemKind.PUBLICATION:
        blocks += [f"## {headings['method']}", approach, f"## {headings['findings']}", _bullets(lessons)]
    else:
        heading = headings["approach"] if kind == ItemKind.PRACTICE else headings["measures"]
        blocks += [f"## {heading}", approach, _bullets(bank["themes"][plan.theme]["activities"])]
        if plan.lessons:
            blocks += [f"## {headings['lessons']}", _bullets(lessons[: plan.lessons])]
    next_steps = fill(chooser.pick(bank["next"]))
    if plan.next_steps:
        blocks += [f"## {headings['next']}", next_steps]

    list_format, units = bank["list_format"], phrases.facts().figures
    figure_lines = []
    for key, value in plan.figures:
        shown = bank["percent"].format(value=int(value)) if units[key][2] else _number(value, bank)
        figure_lines.append(list_format.format(label=capfirst(bank["figures"][key]), value=shown))
    results = f"{fill(chooser.pick(bank['results']))}\n\n{_bullets(figure_lines)}"

    field_bank, theme_bank = bank["fields"][plan.field], bank["themes"][plan.theme]
    keywords = chooser.sample(field_bank["keywords"], 2) + chooser.sample(theme_bank["keywords"], 2)
    partners = [
        {"name": fill(options[int(u * len(options))]), "sector": sector}
        for sector, u in plan.partners
        for options in [bank["partners"][sector]]
    ]
    funding = fill(chooser.pick(bank["funding"]))
    links = [bank["link_titles"][int(u * len(bank["link_titles"]))] for u in plan.links]
    return {
        "title": title,
        "summary": summary,
        "body": "\n\n".join(blocks),
        "results": results,
        "keywords": list(dict.fromkeys(keywords)),
        "partners": list({p["name"]: p for p in partners}.values()),
        "funding": funding if plan.funding else "",
        "link_titles": links,
        "figure_labels": [bank["figures"][key] for key, _value in plan.figures],
    }


@dataclass
class DemoItem:
    """One item as the knowledge services take it; ``adapted_from`` is the index of an earlier item."""

    index: int
    owner_city_id: int
    data: dict
    relations: dict[str, list[int]]
    partners: list[dict]
    figures: list[dict]
    links: list[dict]
    translation: dict | None
    status: str
    published_at: datetime | None
    adapted_from: int | None


def build_item(plan: Plan, reference: Reference) -> DemoItem:
    units = phrases.facts().figures
    texts = render(plan, plan.language)
    fields = [plan.field] + ([plan.extra_field] if plan.extra_field else [])
    targets = [code for code in plan.targets if code in reference.targets]
    translation = None
    if plan.translation:
        translated = render(plan, plan.translation)
        translation = {"language": plan.translation} | {
            key: translated[key] for key in ("title", "summary", "body", "results")
        }
    return DemoItem(
        index=plan.index,
        owner_city_id=plan.city.pk,
        data={
            "kind": plan.kind,
            "title": texts["title"],
            "summary": texts["summary"],
            "body": texts["body"],
            "language": plan.language,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "results": texts["results"],
            "budget": plan.budget,
            "currency": plan.currency,
            "funding": texts["funding"],
            "looking_for_partners": plan.looking_for_partners,
            "keywords": texts["keywords"],
        },
        relations={
            "cities": list(dict.fromkeys([plan.city.pk] + [city.pk for city in plan.other_cities])),
            "fields": [reference.fields[code] for code in fields if code in reference.fields],
            "objectives": [reference.objectives[code] for code in plan.objectives if code in reference.objectives],
            "areas": [reference.areas[code] for code in plan.areas if code in reference.areas],
            "sdg_goals": list(dict.fromkeys(reference.targets[code][1] for code in targets)),
            "sdg_targets": [reference.targets[code][0] for code in targets],
        },
        partners=texts["partners"],
        figures=[
            {"label": label, "value": value, "unit": units[key][2], "position": position}
            for position, ((key, value), label) in enumerate(zip(plan.figures, texts["figure_labels"], strict=True))
        ],
        links=[
            {"url": f"https://{plan.city.slug}.example/culture/{plan.index + 1}-{number}", "title": title}
            for number, title in enumerate(texts["link_titles"], start=1)
        ],
        translation=translation,
        status=plan.status,
        published_at=plan.published_at,
        adapted_from=plan.source.index if plan.source else None,
    )
