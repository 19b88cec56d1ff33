"""The measuring half of the matchmaking benchmark: runs inside Django, against one throwaway database.

bench/match.py starts it in a subprocess with DATABASE_URL set. It imports the member
registry, adds organisations, projects with partners and published practices in bulk
(synthetic rows, seeded), gives every city, organisation, project and practice a search
document with a synthetic vector, then times recommendations for projects.

Vectors. A recommendation multiplies the subject's vector with every candidate's: the
cost depends on how many vectors there are and their dimension (384, as the model's),
not on their values, so the vectors are random unit vectors of a synthetic embedder
(``SyntheticEmbedder``, same dimension as multilingual-e5-small). Projects have their
vector in the index, so no text is embedded while timing (as in production once the
task worker has indexed them).
"""

import random
import time
from datetime import date

import numpy as np
from django.db import connection

from .common import manage, percentile
from .search_worker import database_version, memory_mb

DIMENSION = 384


class SyntheticEmbedder:
    """Random unit vectors of the model's dimension: the benchmark never embeds while timing."""

    name = "bench/synthetic-384"
    dimension = DIMENSION

    def passages(self, texts):
        rng = np.random.default_rng(len(texts))
        vectors = rng.standard_normal((len(texts), DIMENSION)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def query(self, text):
        return self.passages([text])[0]


def _bulk(model, rows, batch=2000):
    model.objects.bulk_create(rows, batch_size=batch)


def grow(*, organisations: int, projects: int, practices: int, seed: int, log) -> dict:
    """Add the synthetic world in bulk; seconds spent."""
    from creative_cities.cities.models import City, CreativeField
    from creative_cities.demo import knowledge as demo
    from creative_cities.frameworks.models import SdgGoal
    from creative_cities.knowledge.choices import ItemKind, ItemStatus
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.organisations.models import Organisation
    from creative_cities.projects.models import Project, ProjectPartner

    rng = random.Random(seed)
    started = time.perf_counter()
    cities = list(City.objects.order_by("pk").values_list("pk", "country_id"))
    fields = list(CreativeField.objects.values_list("pk", flat=True))
    goals = list(SdgGoal.objects.values_list("pk", flat=True))
    _bulk(
        Organisation,
        [
            Organisation(
                name=f"Bench organisation {n}",
                slug=f"bench-organisation-{n}",
                sector="civil_society",
                country_id=(city := rng.choice(cities))[1],
                member_city_id=city[0] if rng.random() < 0.7 else None,
                description=f"A synthetic organisation number {n}.",
            )
            for n in range(organisations)
        ],
    )
    org_ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    languages = ["en", "en", "fr", "es", "pt", "zh-hans"]
    leads = [
        (rng.choice(cities)[0], None) if rng.random() < 0.85 else (None, rng.choice(org_ids)) for _ in range(projects)
    ]
    _bulk(
        Project,
        [
            Project(
                slug=f"bench-project-{n}",
                title=f"Bench project {n}",
                summary="A synthetic project.",
                language=rng.choice(languages),
                lead_city_id=city_id,
                lead_organisation_id=org_id,
                status="active",
                is_demo=True,
            )
            for n, (city_id, org_id) in enumerate(leads)
        ],
    )
    project_ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    field_rows, goal_rows, partners = [], [], []
    for pk in project_ids:
        field_rows += [Project.fields.through(project_id=pk, creativefield_id=f) for f in rng.sample(fields, 2)]
        goal_rows += [Project.sdg_goals.through(project_id=pk, sdggoal_id=g) for g in rng.sample(goals, 3)]
        for city_id, _country in rng.sample(cities, rng.randint(1, 3)):
            partners.append(ProjectPartner(project_id=pk, city_id=city_id, joined_on=date(2024, 1, 1)))
        for org_id in rng.sample(org_ids, rng.randint(0, 2)):
            partners.append(ProjectPartner(project_id=pk, organisation_id=org_id, joined_on=date(2024, 1, 1)))
    _bulk(Project.fields.through, field_rows, 5000)
    _bulk(Project.sdg_goals.through, goal_rows, 5000)
    # A lead may be drawn as its own partner: the constraint does not forbid it, the service does; harmless here.
    _bulk(ProjectPartner, partners, 5000)
    log(f"  {organisations} organisations, {projects} projects, {len(partners)} partnerships")
    item_seed = seed
    while KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).count() < practices:
        missing = practices - KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).count()
        demo.generate(items=int(missing / 0.9 * 1.05) + 10, seed=item_seed)
        item_seed += 1
    # Every published demo item becomes a practice: the benchmark wants that many practices to rank.
    KnowledgeItem.objects.filter(is_demo=True).update(kind=ItemKind.PRACTICE)
    published = KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).count()
    log(f"  {published} published practices")
    return {"seconds": time.perf_counter() - started, "partnerships": len(partners), "practices": published}


def write_documents(seed: int) -> int:
    """One search document with a synthetic vector for every city, organisation, project and practice."""
    from creative_cities.cities.models import City
    from creative_cities.knowledge.choices import ItemStatus
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.organisations.models import Organisation
    from creative_cities.projects.models import Project
    from creative_cities.search.memory import index_version_forget
    from creative_cities.search.models import SearchDocument

    rng = np.random.default_rng(seed)
    objects = [
        ("city", City.objects.values_list("pk", "name")),
        ("organisation", Organisation.objects.values_list("pk", "name")),
        ("project", Project.objects.values_list("pk", "title")),
        ("knowledge", KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).values_list("pk", "title")),
    ]
    written = 0
    for kind, rows in objects:
        rows = list(rows)
        vectors = rng.standard_normal((len(rows), DIMENSION)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        documents = [
            SearchDocument(
                kind=kind,
                object_id=pk,
                language="en",
                title=title[:500],
                text=title,
                words=len(title.split()),
                facets={"type": kind},
                vector=vectors[n].tobytes(),
                vector_model=SyntheticEmbedder.name,
                vector_source=f"bench-{kind}-{pk}",
            )
            for n, (pk, title) in enumerate(rows)
        ]
        SearchDocument.objects.bulk_create(documents, batch_size=2000)
        written += len(documents)
    index_version_forget()
    return written


def timed(call) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def summary(samples: list[tuple[float, float]]) -> dict:
    walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
    return {
        "p50": percentile(walls, 50),
        "p95": percentile(walls, 95),
        "max": max(walls),
        "cpu_p50": percentile(cpus, 50),
        "cpu_p95": percentile(cpus, 95),
        "count": len(walls),
    }


def prepare_database(log) -> str:
    """Migrate and import the member registry, in their own processes as in production; the database's version."""
    started = time.perf_counter()
    manage(["migrate", "--no-input"], ["import_members"])
    version = database_version()
    log(f"{version}: registry imported in {time.perf_counter() - started:.1f} s")
    return version


def run(*, database: str, organisations: int, projects: int, practices: int, subjects: int, log) -> dict:
    from django.test import Client

    from creative_cities.matchmaking import index as match_index
    from creative_cities.matchmaking import selectors
    from creative_cities.projects.models import Project

    version = prepare_database(log)
    grown = grow(organisations=organisations, projects=projects, practices=practices, seed=2026, log=log)
    documents = write_documents(seed=2026)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    log(f"{database}: world added in {grown['seconds']:.0f} s; {documents} search documents")

    build_ms, build_cpu = timed(match_index.current)
    index = match_index.current()
    arrays = sum(value.nbytes for value in vars(index).values() if isinstance(value, np.ndarray))
    log(f"{database}: index of {index.size} candidates built in {build_ms:.0f} ms ({arrays / 2**20:.1f} MiB)")

    slugs = list(Project.objects.order_by("pk").values_list("slug", flat=True))
    chosen = random.Random(7).sample(slugs, min(subjects, len(slugs)))

    def recommend(slug):
        return lambda: selectors.recommend(subject=Project.objects.get(slug=slug), limit=10)

    for slug in chosen[:20]:  # warm-up: the first calls load code and fill caches
        recommend(slug)()
    selector = summary([timed(recommend(slug)) for slug in chosen])
    log(f"  selector  p50 {selector['p50']:.1f}  p95 {selector['p95']:.1f} ms (CPU p95 {selector['cpu_p95']:.1f})")
    client = Client()

    def api(slug):
        def call():
            response = client.get(f"/api/v1/matchmaking/projects/{slug}")
            if response.status_code != 200:
                raise RuntimeError(f"{slug}: {response.status_code}")

        return call

    api_timings = summary([timed(api(slug)) for slug in chosen])
    log(f"  API       p50 {api_timings['p50']:.1f}  p95 {api_timings['p95']:.1f} ms")
    page_timings = summary([timed(lambda s=slug: client.get(f"/en/matchmaking/projects/{s}/")) for slug in chosen])
    log(f"  page      p50 {page_timings['p50']:.1f}  p95 {page_timings['p95']:.1f} ms")
    return {
        "database": database,
        "version": version,
        "candidates": index.size,
        "counts": {
            "cities": int((index.kind == 0).sum()),
            "organisations": int((index.kind == 1).sum()),
            "practices": int((index.kind == 2).sum()),
            "projects": len(slugs),
            "partnerships": grown["partnerships"],
            "documents": documents,
        },
        "build_ms": build_ms,
        "build_cpu_ms": build_cpu,
        "arrays_mb": arrays / 2**20,
        "memory": memory_mb(),
        "selector": selector,
        "api": api_timings,
        "page": page_timings,
        "subjects": len(chosen),
    }
