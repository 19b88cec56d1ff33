"""Demo partnerships: organisations, projects with partners, calls and adaptations, seeded.

Partners are chosen by a process that is not the recommender, so that hiding some
and asking the recommender to find them again means something:

- each project has a *theme* (street food, book festivals, textile crafts...), which
  names its creative fields, its SDGs and the words of its texts
  (``data/demo/partnerships.json`` and ``partnerships/<language>.json``);
- its lead is a city drawn with weights: four times likelier when its designation
  field is one of the theme's, and by region as the network's cooperation leans today
  (Europe and North America 1.6, Asia-Pacific and Latin America 1, Arab States 0.7,
  Africa 0.6, on top of Europe's larger share of members);
- partners are drawn the same way, three times likelier within the lead's *club* (a
  hidden circle of cities that work together again and again, which no signal of the
  recommender sees), 1.5 times likelier when they write in the lead's language, and one
  draw in six is uniform (chance meetings);
- organisations have a theme too and live in a city; a project takes one six times
  likelier when their themes match, three times when it sits in a partner's country.

What the recommender and this process share: creative fields, SDGs, languages and the
theme's words (which the embeddings see) all come from the theme, so the test is
easier than real life, where partners are found through people and chance. Clubs and
uniform draws are what it cannot see. See docs/matchmaking.md.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from creative_cities.board.choices import CallKind, CallStatus, CallTopic, InterestStatus
from creative_cities.board.models import Call, Interest
from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City, CreativeField
from creative_cities.core.choices import Sector
from creative_cities.frameworks.models import SdgGoal
from creative_cities.organisations.models import Organisation
from creative_cities.organisations.services import organisation_create
from creative_cities.projects.choices import PartnerRole, ProjectStatus
from creative_cities.projects.models import Project
from creative_cities.projects.services import project_create, project_partner_add

from . import partnership_themes
from .marks import mark_as_demo
from .partnership_themes import Theme

DEMO_USER = "demo.partnerships@example.org"
DEMO_WEBSITE = "https://demo.example.org/organisations/"  # marks demo organisations (they have no is_demo)
REGION_WEIGHT = {
    "europe_north_america": 1.6,
    "asia_pacific": 1.0,
    "latin_america_caribbean": 1.0,
    "arab_states": 0.7,
    "africa": 0.6,
}
CLUBS = 24


@dataclass
class Report:
    organisations: int = 0
    projects: int = 0
    partners: int = 0
    calls: int = 0
    interests: int = 0
    adaptations: int = 0
    cleared: int = 0
    seconds: float = 0.0
    themes: dict = field(default_factory=dict)  # project pk -> theme code


def language_of(iso2: str) -> str:
    return partnership_themes.load().language_of(iso2)


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights, k=1)[0]


def _draw(rng: random.Random, items: list, weights: list[float], k: int, taken: set) -> list:
    """``k`` distinct items by weight, skipping those taken."""
    chosen = []
    pool = [(item, weight) for item, weight in zip(items, weights, strict=True) if item not in taken]
    while pool and len(chosen) < k:
        item = _weighted(rng, [p[0] for p in pool], [p[1] for p in pool])
        chosen.append(item)
        pool = [p for p in pool if p[0] is not item]
    return chosen


def demo_user():
    user, _created = get_user_model().objects.get_or_create(
        email=DEMO_USER, defaults={"full_name": "Demo partnerships", "is_active": False}
    )
    return user


def clear() -> int:
    """Delete what this generator made (only that)."""
    from creative_cities.knowledge.models import KnowledgeItem

    user = get_user_model().objects.filter(email=DEMO_USER).first()
    removed = Call.objects.filter(is_demo=True, created_by=user).delete()[0] if user else 0
    removed += Project.objects.filter(is_demo=True, created_by=user).delete()[0] if user else 0
    if user:
        removed += KnowledgeItem.objects.filter(is_demo=True, created_by=user).delete()[0]
    removed += Organisation.objects.filter(website__startswith=DEMO_WEBSITE).delete()[0]
    return removed


def generate(
    *, organisations: int = 300, projects: int = 400, calls: int = 60, adaptations: int = 30, seed: int = 1
) -> Report:
    """Add the demo world; the same seed and registry give the same world."""
    started = time.perf_counter()
    rng = random.Random(seed)  # noqa: S311 - a seeded demo, not a secret
    report = Report()
    user = demo_user()
    fields = {f.code: f for f in CreativeField.objects.all()}
    goals = {g.number: g for g in SdgGoal.objects.all()}
    cities = list(
        City.objects.filter(status=CityStatus.MEMBER).select_related("country__region", "field").order_by("slug")
    )
    club = {city.pk: rng.randrange(CLUBS) for city in cities}
    org_theme = {}
    with transaction.atomic():
        for n in range(organisations):
            theme = rng.choice(partnership_themes.load().themes)
            home = _weighted(rng, cities, [REGION_WEIGHT.get(c.country.region.code, 1.0) for c in cities])
            language = language_of(home.country.iso2)
            words, template = theme.words[language], partnership_themes.load().templates[language]
            name = rng.choice(template["organisation"]).format(town=home.name, name=words[0].capitalize())
            phrases = rng.sample(words[1:], 2)
            org = organisation_create(
                by=user,
                data={
                    "name": name,
                    "sector": rng.choice(Sector.values),
                    "country": home.country,
                    "town": home.name,
                    "member_city": home if rng.random() < 0.7 else None,
                    "website": f"{DEMO_WEBSITE}{seed}-{n}",
                    "description": template["about"].format(town=home.name, phrase=phrases[0], phrase2=phrases[1]),
                },
            )
            org_theme[org.pk] = (theme.code, org)
            report.organisations += 1
        all_orgs = [org for _code, org in org_theme.values()]
        for n in range(projects):
            _project(rng, n, cities, club, all_orgs, org_theme, fields, goals, user, report)
        _calls(rng, calls, cities, fields, goals, user, report)
        _adaptations(rng, adaptations, cities, user, report)
    report.seconds = time.perf_counter() - started
    return report


def _city_weights(cities, theme: Theme, *, lead=None, club=None) -> list[float]:
    weights = []
    for city in cities:
        weight = (4.0 if city.field.code in theme.fields else 1.0) * REGION_WEIGHT.get(city.country.region.code, 1.0)
        if lead is not None:
            weight *= 3.0 if club[city.pk] == club[lead.pk] else 1.0
            weight *= 1.5 if language_of(city.country.iso2) == language_of(lead.country.iso2) else 1.0
        weights.append(weight)
    return weights


def _project(rng, n, cities, club, orgs, org_theme, fields, goals, user, report) -> None:
    theme = rng.choice(partnership_themes.load().themes)
    lead_city = _weighted(rng, cities, _city_weights(cities, theme))
    lead_org = (
        rng.choice([o for o in orgs if org_theme[o.pk][0] == theme.code] or orgs) if rng.random() < 0.15 else None
    )
    language = language_of(lead_city.country.iso2)
    words, template = theme.words[language], partnership_themes.load().templates[language]
    phrases = rng.sample(words[1:], 3)
    title = rng.choice(template["title"]).format(name=words[0], city=lead_city.name, phrase=phrases[0])
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(7 * 365))
    project = project_create(
        by=user,
        data={
            "title": title[:1].upper() + title[1:],
            "summary": template["summary"].format(
                phrase=phrases[0], phrase2=phrases[1], phrase3=phrases[2], city=lead_city.name
            ),
            "language": language,
            "lead_city": None if lead_org else lead_city,
            "lead_organisation": lead_org,
            "status": rng.choice([ProjectStatus.ACTIVE, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED]),
            "start_on": start,
        },
        relations={
            "fields": [fields[code] for code in theme.fields if code in fields][: rng.choice([1, 2])],
            "sdg_goals": [goals[g] for g in theme.sdgs if g in goals],
        },
    )
    mark_as_demo(project)
    report.themes[project.pk] = theme.code
    taken = {lead_city} if not lead_org else set()
    partners = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 1 / 6:
            partners += _draw(rng, cities, [1.0] * len(cities), 1, taken | set(partners))
        else:
            weights = _city_weights(cities, theme, lead=lead_city, club=club)
            partners += _draw(rng, cities, weights, 1, taken | set(partners))
    countries = {lead_city.country_id} | {c.country_id for c in partners}
    org_weights = [
        (6.0 if org_theme[o.pk][0] == theme.code else 1.0) * (3.0 if o.country_id in countries else 1.0) for o in orgs
    ]
    partners += _draw(rng, orgs, org_weights, rng.randint(0, 3), {lead_org} if lead_org else set())
    if lead_org:
        partners = [lead_city, *[p for p in partners if p is not lead_city]]  # the city the organisation works with
    for party in partners:
        project_partner_add(
            project=project,
            party=party,
            by=user,
            role=rng.choice([PartnerRole.PARTNER, PartnerRole.PARTNER, PartnerRole.ASSOCIATE, PartnerRole.EXPERT]),
            joined_on=start + timedelta(days=rng.randrange(200)),
        )
        report.partners += 1
    report.projects += 1


def _calls(rng, count, cities, fields, goals, user, report) -> None:
    """Needs and offers of cities (written directly: demo rows, not audited), a third of them answered."""
    today = timezone.localdate()
    for n in range(count):
        theme = rng.choice(partnership_themes.load().themes)
        city = _weighted(rng, cities, _city_weights(cities, theme))
        language = language_of(city.country.iso2)
        words = theme.words[language]
        phrases = rng.sample(words[1:], 2)
        call = Call.objects.create(
            kind=rng.choice(CallKind.values),
            topic=CallTopic.PARTNERS,
            slug=f"demo-call-{report.projects}-{n}-{rng.randrange(10**6)}",
            title=f"{words[0][:1].upper()}{words[0][1:]} — {phrases[0]}",
            description=f"{phrases[0]}; {phrases[1]}. ({city.name})",
            language=language,
            city=city,
            deadline=today + timedelta(days=rng.randrange(15, 180)),
            status=CallStatus.OPEN,
            is_demo=True,
            created_by=user,
        )
        call.fields.set([fields[code] for code in theme.fields if code in fields])
        call.sdg_goals.set([goals[g] for g in theme.sdgs if g in goals])
        report.calls += 1
        if rng.random() < 1 / 3:
            answer = _weighted(rng, cities, _city_weights(cities, theme))
            if answer != city:
                Interest.objects.create(
                    call=call,
                    city=answer,
                    message="Demo.",
                    status=InterestStatus.ACCEPTED,
                    decided_at=timezone.now(),
                    created_by=user,
                )
                report.interests += 1


def _adaptations(rng, count, cities, user, report) -> None:
    """Cities adapting published practices of others (needs the knowledge demo content; none without it)."""
    from creative_cities.knowledge.choices import ItemKind, ItemStatus
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.knowledge.services import item_create, item_publish

    sources = list(
        KnowledgeItem.objects.filter(
            status=ItemStatus.PUBLISHED, kind=ItemKind.PRACTICE, owner_city__isnull=False, adapted_from__isnull=True
        ).order_by("pk")[:2000]
    )
    for _ in range(count if sources else 0):
        source = rng.choice(sources)
        field_ids = set(source.fields.values_list("pk", flat=True))
        weights = [4.0 if c.field_id in field_ids else 1.0 for c in cities]
        city = _draw(rng, cities, weights, 1, {source.owner_city})[0]
        item = item_create(
            by=user,
            owner_city=city,
            data={
                "kind": ItemKind.PRACTICE,
                "title": f"{source.title} ({city.name})"[:300],
                "summary": source.summary,
                "language": source.language,
                "adapted_from": source,
            },
            relations={"fields": list(source.fields.all()), "sdg_goals": list(source.sdg_goals.all())},
        )
        mark_as_demo(item)
        item_publish(item=item, by=user)  # tells its author, the demo user, who is inactive: nobody
        report.adaptations += 1
