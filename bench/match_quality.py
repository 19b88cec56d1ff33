"""The quality half of the matchmaking benchmark: are partners planted by a cause it cannot read found?

bench/match.py runs it in a subprocess on a throwaway SQLite database (quality does not
depend on the database). It imports the member registry and builds a small world, seeded:

- every member city gets a hidden *theme* (one of ``THEMES``), drawn uniformly: it is
  not its creative field, its country, its language or anything else the platform stores;
- cities publish zero to six practices (a quarter publish none). A practice's creative
  fields and SDGs are drawn without regard to the theme (its city's field half the
  time); a share ``THEME_SHARE`` of its words are words of its city's theme, the others
  words everyone uses and words of its fields: the theme shows in the texts, noisily,
  and in nothing else;
- a few visible projects (random partners), calls and expressions of interest, as on the
  live platform, none of them tied to the themes;
- hidden partnerships: every city gets one to three partners, each among the cities of
  its theme (``SAME_THEME``) or anyone. They are written nowhere: they are what the
  recommender should find.

Texts become vectors through ``WordEmbedder``, a bag of words (each word a fixed random
direction), so that similar words give similar vectors as a language model would, at
no cost. For every city with hidden partners the recommender ranks the other member
cities, and so do baselines: creative field alone (a field the city works in beyond its
own first, then its own field, then the rest; ties by a seeded draw) and a random
ranking. The hit rate@k is the share of a city's hidden partners among the first k,
averaged over cities; the share of suggestions in the subject's own creative field and in
its own country says how varied the suggestions are.
"""

import random
import zlib
from datetime import date, timedelta

import numpy as np
from django.test import override_settings
from django.utils import timezone

THEMES = 40
THEME_WORDS = 15
THEME_SHARE = 0.3  # of a practice's words
SAME_THEME = 0.8  # of hidden partners
GENERIC_WORDS = 1500
FIELD_WORDS = 8
PRACTICES_PER_CITY = (0, 0, 1, 1, 2, 3, 4, 6)
VISIBLE_PROJECTS = 250
CALLS = 60
INTERESTS = 40
# WordEmbedder's cosines on matchmaking's fixed scale, by the rule used for the production model:
# 0 at the median cosine of two unrelated candidates, 1 near the highest (the 99.9th percentile).
COSINE_SCALE = (0.04, 0.35)
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


class WordEmbedder:
    """A bag of words: each word a fixed random direction, a text the normalised sum of its words'."""

    name = "bench/words-384"
    dimension = 384

    def __init__(self) -> None:
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        vector = self._words.get(word)
        if vector is None:
            rng = np.random.default_rng(zlib.crc32(word.encode()))
            vector = self._words[word] = rng.standard_normal(self.dimension).astype(np.float32)
        return vector

    def passages(self, texts):
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().replace(".", " ").split():
                vectors[row] += self._word(word)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def query(self, text):
        return self.passages([text])[0]


def _vocabulary(rng: random.Random, count: int, taken: set) -> list[str]:
    words = []
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


class World:
    """The hidden themes and partnerships, and the words texts are made of."""

    def __init__(self, seed: int, cities: list, fields: list) -> None:
        self.rng = random.Random(seed)
        taken: set[str] = set()
        self.generic = _vocabulary(self.rng, GENERIC_WORDS, taken)
        self.theme_words = [_vocabulary(self.rng, THEME_WORDS, taken) for _ in range(THEMES)]
        self.field_words = {f.pk: [f.name_en.lower(), *_vocabulary(self.rng, FIELD_WORDS, taken)] for f in fields}
        self.theme = {city.pk: self.rng.randrange(THEMES) for city in cities}
        self.hidden: dict[int, set[int]] = {city.pk: set() for city in cities}
        members = [city.pk for city in cities]
        for city in members:
            fellows = [other for other in members if other != city and self.theme[other] == self.theme[city]]
            for _ in range(self.rng.choice((1, 1, 2, 3))):
                pool = fellows if fellows and self.rng.random() < SAME_THEME else members
                partner = self.rng.choice(pool)
                if partner != city:
                    self.hidden[city].add(partner)
                    self.hidden[partner].add(city)

    def text(self, words: int, *, theme: int | None, fields: list[int]) -> str:
        chosen = []
        for _ in range(words):
            draw = self.rng.random()
            if theme is not None and draw < THEME_SHARE:
                chosen.append(self.rng.choice(self.theme_words[theme]))
            elif fields and draw < THEME_SHARE + 0.15:
                chosen.append(self.rng.choice(self.field_words[self.rng.choice(fields)]))
            else:
                chosen.append(self.rng.choice(self.generic))
        return " ".join(chosen)


def build(*, seed: int, log) -> World:
    """The world of this module's docstring, written in bulk; its hidden facts."""
    from creative_cities.board.models import Call, Interest
    from creative_cities.cities.models import City, CreativeField
    from creative_cities.demo.partnerships import language_of
    from creative_cities.frameworks.models import SdgGoal
    from creative_cities.knowledge.choices import ItemKind, ItemStatus
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.projects.models import Project, ProjectPartner

    cities = list(City.objects.filter(status="member").select_related("country").order_by("pk"))
    fields = list(CreativeField.objects.order_by("pk"))
    goals = list(SdgGoal.objects.values_list("pk", flat=True))
    world = World(seed, cities, fields)
    rng = world.rng
    field_ids = [f.pk for f in fields]
    now = timezone.now()

    items, item_fields, item_goals, item_cities = [], [], [], []
    for city in cities:
        for _ in range(rng.choice(PRACTICES_PER_CITY)):
            size, chosen = rng.randint(1, 2), ({city.field_id} if rng.random() < 0.5 else set())
            while len(chosen) < size:
                chosen.add(rng.choice(field_ids))
            n = len(items)
            items.append(
                KnowledgeItem(
                    kind=ItemKind.PRACTICE,
                    status=ItemStatus.PUBLISHED,
                    published_at=now,
                    slug=f"bench-practice-{n}",
                    title=world.text(5, theme=world.theme[city.pk], fields=sorted(chosen)).capitalize(),
                    summary=world.text(40, theme=world.theme[city.pk], fields=sorted(chosen)).capitalize() + ".",
                    language=language_of(city.country.iso2),
                    owner_city=city,
                    is_demo=True,
                )
            )
            item_fields.append(sorted(chosen))
            item_goals.append(rng.sample(goals, rng.randint(1, 3)))
            item_cities.append(city.pk)
    KnowledgeItem.objects.bulk_create(items, batch_size=1000)
    through = KnowledgeItem.fields.through, KnowledgeItem.sdg_goals.through, KnowledgeItem.cities.through
    rows = [], [], []
    for item, chosen, goals_of, city_id in zip(items, item_fields, item_goals, item_cities, strict=True):
        rows[0].extend(through[0](knowledgeitem_id=item.pk, creativefield_id=f) for f in chosen)
        rows[1].extend(through[1](knowledgeitem_id=item.pk, sdggoal_id=g) for g in goals_of)
        rows[2].append(through[2](knowledgeitem_id=item.pk, city_id=city_id))
    for model, objects in zip(through, rows, strict=True):
        model.objects.bulk_create(objects, batch_size=2000)

    projects, partners = [], []
    for n in range(VISIBLE_PROJECTS):
        lead = rng.choice(cities)
        chosen = rng.sample(field_ids, rng.randint(1, 2))
        projects.append(
            Project(
                slug=f"bench-project-{n}",
                title=world.text(5, theme=None, fields=chosen).capitalize(),
                summary=world.text(30, theme=None, fields=chosen).capitalize() + ".",
                language=language_of(lead.country.iso2),
                lead_city=lead,
                status="active",
                is_demo=True,
            )
        )
    Project.objects.bulk_create(projects)
    project_fields, project_goals = [], []
    for project in projects:
        for city in rng.sample(cities, rng.randint(1, 2)):
            if city.pk != project.lead_city_id:
                partners.append(ProjectPartner(project=project, city=city, joined_on=date(2024, 1, 1)))
        project_fields += [
            Project.fields.through(project_id=project.pk, creativefield_id=f)
            for f in rng.sample(field_ids, rng.randint(1, 2))
        ]
        project_goals += [Project.sdg_goals.through(project_id=project.pk, sdggoal_id=g) for g in rng.sample(goals, 2)]
    ProjectPartner.objects.bulk_create(partners)
    Project.fields.through.objects.bulk_create(project_fields)
    Project.sdg_goals.through.objects.bulk_create(project_goals)

    calls = []
    for n in range(CALLS):
        city = rng.choice(cities)
        chosen = [rng.choice(field_ids)]
        calls.append(
            Call(
                kind=rng.choice(["need", "offer"]),
                slug=f"bench-call-{n}",
                title=world.text(5, theme=None, fields=chosen).capitalize(),
                description=world.text(30, theme=None, fields=chosen).capitalize() + ".",
                language=language_of(city.country.iso2),
                city=city,
                deadline=date.today() + timedelta(days=30),
                is_demo=True,
            )
        )
    Call.objects.bulk_create(calls)
    Call.fields.through.objects.bulk_create(
        [Call.fields.through(call_id=call.pk, creativefield_id=rng.choice(field_ids)) for call in calls]
    )
    interests, seen = [], set()
    for _ in range(INTERESTS):
        call, city = rng.choice(calls), rng.choice(cities)
        if city.pk != call.city_id and (call.pk, city.pk) not in seen:
            seen.add((call.pk, city.pk))
            interests.append(Interest(call=call, city=city, message="Interested."))
    Interest.objects.bulk_create(interests)
    hidden = sum(len(p) for p in world.hidden.values()) // 2
    log(f"  quality world: {len(items)} practices, {len(projects)} projects, {len(calls)} calls; {hidden} hidden pairs")
    return world


def _field_only(subject, candidates: list, wanted: set[int], rng: random.Random) -> list[int]:
    """Cities in a field the subject works in beyond its own first, then its own field; ties at random."""

    def score(city) -> float:
        if city.field_id in wanted and city.field_id != subject.field_id:
            return 1.0
        return 0.6 if city.field_id == subject.field_id else 0.0

    return [c.pk for c in sorted(candidates, key=lambda c: (-score(c), rng.random()))]


def activity_fields() -> dict[int, set[int]]:
    """The creative fields of what each city does: its practices, projects, calls and expressions of interest."""
    from creative_cities.board.models import Call, Interest
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.projects.models import Project, ProjectPartner

    found: dict[int, set[int]] = {}
    rows = [
        *KnowledgeItem.objects.filter(status="published").values_list("owner_city_id", "fields"),
        *Project.objects.values_list("lead_city_id", "fields"),
        *ProjectPartner.objects.values_list("city_id", "project__fields"),
        *Call.objects.values_list("city_id", "fields"),
        *Interest.objects.values_list("city_id", "call__fields"),
    ]
    for city_id, field_id in rows:
        if city_id and field_id:
            found.setdefault(city_id, set()).add(field_id)
    return found


RANKINGS = (
    ("recommender", "Recommender, region preference on"),
    ("recommender_no_region", "Recommender, region preference off"),
    ("text_only", "Text similarity alone"),
    ("field_baseline", "Baseline: creative field alone, then random"),
    ("random", "Baseline: random"),
)
TEXT_ONLY = {"text": 1.0, "fields": 0.0, "sdgs": 0.0, "language": 0.0, "novelty": 0.0}


def evaluate(world: World, *, k: int, seed: int) -> dict:
    """Hit rate@k of each ranking over the cities with hidden partners, and how varied the suggestions are."""
    from creative_cities.cities.models import City
    from creative_cities.matchmaking import selectors

    cities = {c.pk: c for c in City.objects.filter(status="member").order_by("pk")}
    by_slug = {c.slug: c.pk for c in cities.values()}
    activity = activity_fields()
    rng = random.Random(seed)
    tallies = {key: {"rates": [], "found": 0, "hidden": 0, "same_field": 0, "same_country": 0, "shown": 0}
               for key, _label in RANKINGS}  # fmt: skip
    subjects = [pk for pk in cities if world.hidden[pk]]

    def recommended(city, **options) -> list[int]:
        found = selectors.recommend(subject=city, kinds=["city"], limit=k, **options)
        return [by_slug[r.slug] for r in found.by_kind["city"]]

    for pk in subjects:
        city = cities[pk]
        others = [c for c in cities.values() if c.pk != pk]
        wanted = {city.field_id} | activity.get(pk, set())
        ranked = {
            "recommender": recommended(city, prefer_regions=True),
            "recommender_no_region": recommended(city, prefer_regions=False),
            "field_baseline": _field_only(city, others, wanted, rng)[:k],
            "random": [c.pk for c in rng.sample(others, k)],
        }
        with override_settings(MATCHMAKING_WEIGHTS=TEXT_ONLY):
            ranked["text_only"] = recommended(city, prefer_regions=False)
        for key, top in ranked.items():
            tally = tallies[key]
            hits = len(world.hidden[pk] & set(top))
            tally["rates"].append(hits / len(world.hidden[pk]))
            tally["found"] += hits
            tally["hidden"] += len(world.hidden[pk])
            tally["shown"] += len(top)
            tally["same_field"] += sum(cities[o].field_id == city.field_id for o in top)
            tally["same_country"] += sum(cities[o].country_id == city.country_id for o in top)
    results = []
    for key, label in RANKINGS:
        tally = tallies[key]
        results.append(
            {
                "key": key,
                "label": label,
                "hit_rate": float(np.mean(tally["rates"])) if tally["rates"] else 0.0,
                "found": tally["found"],
                "hidden": tally["hidden"],
                "same_field": tally["same_field"] / tally["shown"] if tally["shown"] else 0.0,
                "same_country": tally["same_country"] / tally["shown"] if tally["shown"] else 0.0,
            }
        )
    return {"k": k, "subjects": len(subjects), "results": results}


def run(*, k: int, seed: int, log) -> dict:
    from django.conf import settings

    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.search import services
    from creative_cities.search.embeddings import get_embedder

    from .match_worker import prepare_database

    version = prepare_database(log)
    settings.MATCHMAKING_COSINE_SCALE = {WordEmbedder.name: COSINE_SCALE}
    world = build(seed=seed, log=log)
    if get_embedder() is None or get_embedder().name != WordEmbedder.name:
        raise RuntimeError("The quality run needs SEARCH_EMBEDDER=bench.match_quality.WordEmbedder")
    services.rebuild(["city", "knowledge", "project"])
    evaluation = evaluate(world, k=k, seed=seed)
    return {
        "version": version,
        "cities": len(world.theme),
        "practices": KnowledgeItem.objects.filter(status="published").count(),
        "hidden_pairs": sum(len(p) for p in world.hidden.values()) // 2,
        **evaluation,
    }
