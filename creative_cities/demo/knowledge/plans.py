"""Plans of demo items: every decision about an item, drawn from a seed, in no language yet."""

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from creative_cities.knowledge.choices import ItemKind, ItemStatus, PartnerSector

from . import phrases

KIND_WEIGHTS = {ItemKind.PRACTICE: 55, ItemKind.POLICY: 25, ItemKind.PUBLICATION: 20}
STATUS_WEIGHTS = {ItemStatus.PUBLISHED: 90, ItemStatus.DRAFT: 6, ItemStatus.SUBMITTED: 4}
SECTORS = [sector.value for sector in PartnerSector]
FIRST_PUBLICATION = datetime(2019, 1, 1, tzinfo=UTC)
# A fixed end, so that the same seed gives the same dates whatever the day it runs.
LAST_PUBLICATION = datetime(2026, 10, 31, 18, 0, tzinfo=UTC)
ADAPTED_SHARE = 0.12
TRANSLATED_SHARE = 0.22


@dataclass(frozen=True)
class CityRef:
    pk: int
    slug: str
    name: str
    iso2: str
    field: str
    designation_year: int
    field_since: int  # the year it joined its current field: "a City of Literature since 2023"


@dataclass
class Reference:
    """What plans draw from: member cities (by slug) and the frameworks' rows, by code."""

    cities: list[CityRef]
    fields: dict[str, int]
    objectives: dict[str, int]
    areas: dict[str, int]
    targets: dict[str, tuple[int, int]]  # code -> (target pk, goal pk)
    _eligible: dict[str, list[CityRef]] = field(default_factory=dict)
    _of_field: dict[str, list[CityRef]] = field(default_factory=dict)

    def of_field(self, code: str) -> list[CityRef]:
        if code not in self._of_field:
            self._of_field[code] = [city for city in self.cities if city.field == code]
        return self._of_field[code]

    def eligible(self, language: str) -> list[CityRef]:
        """Cities that plausibly write in ``language``: those it names, else those of its countries, else all."""
        if language not in self._eligible:
            names = phrases.bank(language)["city_names"]
            countries = phrases.facts().language_countries.get(language)
            if names:
                chosen = [city for city in self.cities if city.name in names]
            elif countries is not None:
                chosen = [city for city in self.cities if city.iso2 in countries]
            else:
                chosen = list(self.cities)
            self._eligible[language] = chosen or list(self.cities)
        return self._eligible[language]


def load_reference() -> Reference:
    from creative_cities.cities.choices import CityStatus
    from creative_cities.cities.models import City, CreativeField
    from creative_cities.cities.selectors import field_since
    from creative_cities.frameworks.models import AreaOfAction, Objective, SdgTarget

    cities = [
        CityRef(
            city.pk, city.slug, city.name, city.country.iso2, city.field.code, city.designation_year, city.field_since
        )
        for city in City.objects.filter(status=CityStatus.MEMBER, field__code__in=phrases.facts().fields)
        .select_related("country", "field")
        .annotate(field_since=field_since())
        .order_by("slug")
    ]
    if not cities:
        raise ValueError("There is no member city to write demo content for: import the registry first.")
    return Reference(
        cities=cities,
        fields=dict(CreativeField.objects.values_list("code", "pk")),
        objectives=dict(Objective.objects.values_list("code", "pk")),
        areas=dict(AreaOfAction.objects.values_list("code", "pk")),
        targets={code: (pk, goal) for code, pk, goal in SdgTarget.objects.values_list("code", "pk", "goal_id")},
    )


def parse_language_mix(text: str | None) -> dict[str, float]:
    """``"en,fr,es"`` (default weights) or ``"en:5,fr:3"``: languages and how often each is written in."""
    defaults = phrases.facts().weights
    if not text:
        return dict(defaults)
    weights = {}
    for part in text.split(","):
        code, _, weight = part.strip().partition(":")
        code = code.strip().lower()
        if code not in defaults:
            raise ValueError(f"No demo phrases in the language {code!r}; known: {', '.join(defaults)}.")
        weights[code] = float(weight) if weight else float(defaults[code])
    return weights


@dataclass
class Plan:
    """The language-independent decisions about one item; ``render`` writes it in a language."""

    index: int
    kind: str
    status: str
    language: str
    city: CityRef
    field: str
    concept: str
    theme: str
    start_year: int
    end_year: int | None
    published_at: datetime | None
    other_cities: list[CityRef]
    extra_field: str | None
    objectives: list[str]
    areas: list[str]
    targets: list[str]
    figures: list[tuple[str, Decimal]]
    partners: list[tuple[str, float]]
    links: list[float]
    budget: Decimal | None
    currency: str
    funding: tuple[int, int, int] | None
    looking_for_partners: bool
    source: "Plan | None"
    translation: str | None
    text_seed: int
    sentences: int
    method_first: bool
    second_context: bool
    lessons: int
    next_steps: bool
    interviews: int

    @property
    def pub_year(self) -> int:
        return self.published_at.year if self.published_at else min(self.start_year + 1, LAST_PUBLICATION.year)


def _round(value: float, digits: int = 3) -> int:
    if value < 100:
        return max(1, round(value))
    return round(value, digits - 1 - math.floor(math.log10(value)))


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _money(value: float) -> Decimal:
    return Decimal(int(value)).quantize(Decimal("0.01"))


def _figures(rng: random.Random, facts: phrases.Facts, theme: str) -> list[tuple[str, Decimal]]:
    keys = rng.sample(facts.themes[theme].figures, rng.randint(2, 4))
    if all(facts.figures[key][2] for key in keys):
        keys.append("participants")  # at least one count, for the summary's sentence
    figures = []
    for key in keys:
        low, high, unit = facts.figures[key]
        value = rng.randint(low, high) if unit else _round(_log_uniform(rng, low, high))
        figures.append((key, _money(value)))
    return figures


def _published_at(rng: random.Random, start_year: int, until: datetime) -> datetime:
    low = max(FIRST_PUBLICATION, datetime(start_year, 1, 1, tzinfo=UTC))
    if low >= until:
        low = until - timedelta(days=60)
    moment = low + (until - low) * rng.random()
    return moment.replace(microsecond=0)


def plan_items(n: int, *, seed: int, languages: dict[str, float], reference: Reference) -> list[Plan]:
    """The plans of ``n`` demo items; item i depends only on the seed, i and the items before it."""
    codes, weights = list(languages), list(languages.values())
    kinds, kind_weights = [str(kind) for kind in KIND_WEIGHTS], list(KIND_WEIGHTS.values())
    statuses, status_weights = [str(status) for status in STATUS_WEIGHTS], list(STATUS_WEIGHTS.values())
    until = min(LAST_PUBLICATION, timezone.now())
    facts = phrases.facts()
    plans: list[Plan] = []
    sources: list[Plan] = []  # published practices, which later items may adapt
    for index in range(n):
        rng = random.Random(f"demo-{seed}-{index}")  # noqa: S311 - demo content, not secrets
        language = rng.choices(codes, weights)[0]
        kind = rng.choices(kinds, kind_weights)[0]
        status = rng.choices(statuses, status_weights)[0]
        eligible = reference.eligible(language)
        source, city = None, None
        if kind == ItemKind.PRACTICE and sources and rng.random() < ADAPTED_SHARE:
            candidate = rng.choice(sources)
            peers = [c for c in eligible if c.field == candidate.field and c.pk != candidate.city.pk]
            if peers:
                source, city = candidate, rng.choice(peers)
        city = city or rng.choice(eligible)
        if source:
            concept, theme = source.concept, source.theme
        else:
            concept, themes = facts.concepts[city.field][rng.randrange(len(facts.concepts[city.field]))]
            theme = rng.choice(themes)
        # Most work starts around or after designation, and more of it in recent years.
        years = range(max(2012, min(city.designation_year - 3, 2024)), LAST_PUBLICATION.year + 1)
        start_year = rng.choices(years, weights=[year - years[0] + 2 for year in years])[0]
        if source:
            start_year = min(max(start_year, source.start_year + 1), LAST_PUBLICATION.year)
        if kind == ItemKind.POLICY:
            end_year = start_year + rng.randint(3, 6)
        elif kind == ItemKind.PRACTICE and rng.random() < 0.55:
            end_year = start_year + rng.randint(0, 4)
        else:
            end_year = None
        others = []
        if rng.random() < 0.3:
            pool = reference.of_field(city.field) if rng.random() >= 0.3 else reference.cities
            others = [c for c in rng.sample(pool, min(len(pool), 3)) if c.pk != city.pk][: rng.randint(1, 2)]
        if source and source.city not in others:
            others.append(source.city)
        cooperating = bool(others)
        facts_of_theme = facts.themes[theme]
        objectives = rng.sample(facts_of_theme.objectives, rng.randint(1, len(facts_of_theme.objectives)))
        if cooperating and "cooperation" not in objectives and len(objectives) < 3:
            objectives.append("cooperation")
        areas = rng.sample(facts.kind_areas[kind], rng.randint(1, 2))
        targets = rng.sample(facts_of_theme.targets, rng.randint(1, min(2, len(facts_of_theme.targets))))
        if rng.random() < 0.55:
            targets.append("11.4")
        if cooperating and rng.random() < 0.5:
            targets.append("17.17")
        if kind != ItemKind.PRACTICE and rng.random() < 0.3:
            targets.append("16.10")
        currency, rate = facts.currency_for(city.iso2)
        has_budget = rng.random() < 0.45
        budget = _money(_round(_log_uniform(rng, 5_000, 2_000_000) * rate)) if has_budget else None
        first = rng.randint(40, 70)
        second = rng.randint(10, 100 - first - 5)
        funding = (first, second, 100 - first - second) if rng.random() < 0.35 else None
        translation = None
        if rng.random() < TRANSLATED_SHARE:
            if language == "en":
                translation = rng.choice(["fr", "es"])
            elif language in ("fr", "es") and rng.random() < 0.4:
                translation = "es" if language == "fr" else "fr"
            else:
                translation = "en"
        plan = Plan(
            index=index,
            kind=kind,
            status=status,
            language=language,
            city=city,
            field=city.field,
            concept=concept,
            theme=theme,
            start_year=start_year,
            end_year=end_year,
            published_at=_published_at(rng, start_year, until) if status == ItemStatus.PUBLISHED else None,
            other_cities=others,
            extra_field=rng.choice([f for f in facts.fields if f != city.field]) if rng.random() < 0.15 else None,
            objectives=objectives,
            areas=areas,
            targets=list(dict.fromkeys(targets)),
            figures=_figures(rng, facts, theme),
            partners=[(sector, rng.random()) for sector in rng.sample(SECTORS, rng.randint(2, 4))],
            links=[rng.random() for _ in range(rng.choices([0, 1, 2], [60, 30, 10])[0])],
            budget=budget,
            currency=currency if budget is not None else "",
            funding=funding,
            looking_for_partners=rng.random() < 0.15,
            source=source,
            translation=translation,
            text_seed=rng.getrandbits(32),
            sentences=rng.randint(2, 4),
            method_first=rng.random() < 0.5,
            second_context=rng.random() < 0.35,
            lessons=rng.choice([0, 2, 3]),
            next_steps=rng.random() < 0.5,
            interviews=rng.randint(12, 80),
        )
        plans.append(plan)
        if kind == ItemKind.PRACTICE and status == ItemStatus.PUBLISHED:
            sources.append(plan)
    return plans
