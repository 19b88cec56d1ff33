"""Does the recommender find partners that were hidden from it? Hit rate@k against simple baselines.

A seeded share of the projects' partnerships is hidden: the index is built as if they
had never been made (they count neither for novelty nor for what a partner does), and
each project's hidden partners are not excluded from its candidates. For each project
with hidden partners, the hit rate is the share of them found among the top ``k``
cities and organisations (ranked together); the report gives the mean over projects and
the share over all hidden partnerships.
"""

import random
from dataclasses import dataclass, field

import numpy as np

from creative_cities.matchmaking import index as match_index
from creative_cities.matchmaking.conf import weights
from creative_cities.matchmaking.scoring import total
from creative_cities.matchmaking.selectors import best_rows, score_all, subject_for
from creative_cities.projects.models import Project, ProjectPartner
from creative_cities.search import memory
from creative_cities.search.embeddings import get_embedder

CANDIDATE_KINDS = ("city", "organisation")


@dataclass
class Variant:
    key: str
    label: str
    weights: dict | None = None  # None: a baseline, ranked otherwise
    prefer_regions: bool = True
    adjusted: bool = True  # ranked with the region preference and the same-country penalty, as the pages are


def variants() -> list[Variant]:
    configured = weights()
    return [
        Variant("recommender", "Recommender, region preference on", configured, True),
        Variant("recommender_no_region", "Recommender, region preference off", configured, False),
        Variant("without_novelty", "Recommender without novelty (preference on)", {**configured, "novelty": 0.0}, True),
        Variant(
            "text_only", "Text similarity alone", {name: float(name == "text") for name in configured}, False, False
        ),
        Variant("field_baseline", "Baseline: shared field first, then random"),
        Variant("random", "Baseline: random"),
    ]


@dataclass
class Result:
    key: str
    label: str
    mean_hit_rate: float  # over projects
    hidden_found: int
    hidden: int

    @property
    def overall(self) -> float:
        return self.hidden_found / self.hidden if self.hidden else 0.0


@dataclass
class Evaluation:
    k: int
    share: float
    seed: int
    projects: int  # with hidden partners
    partnerships: int
    hidden: int
    text_mode: str
    results: list[Result] = field(default_factory=list)


def hide(partner_ids: list[int], share: float, seed: int) -> frozenset:
    """A seeded ``share`` of the partnerships."""
    ids = sorted(partner_ids)
    return frozenset(random.Random(seed).sample(ids, round(share * len(ids))))  # noqa: S311 - seeded, not secret


def evaluate(*, projects=None, share: float = 0.2, seed: int = 1, k: int = 10) -> Evaluation:
    """Hide ``share`` of the partnerships of ``projects`` (default: the demo projects) and look for them."""
    projects = Project.objects.filter(is_demo=True) if projects is None else projects
    partnerships = list(
        ProjectPartner.objects.filter(project__in=projects).values_list(
            "pk", "project_id", "city_id", "organisation_id"
        )
    )
    hidden = hide([row[0] for row in partnerships], share, seed)
    targets: dict[int, set] = {}
    for pk, project_id, city_id, org_id in partnerships:
        if pk in hidden:
            targets.setdefault(project_id, set()).add(("city", city_id) if city_id else ("organisation", org_id))
    embedder = get_embedder()
    search_index = memory.current(embedder)
    index = match_index.build(search_index=search_index, embedder=embedder, hidden_partners=hidden)
    found = {variant.key: [] for variant in variants()}
    text_mode = "none"
    for project in Project.objects.filter(pk__in=targets).order_by("pk"):
        wanted = targets[project.pk]
        subject = subject_for(project, index, hidden_partners=hidden)
        rows_of = {key: index.row_of.get(key) for key in wanted}
        for variant in variants():
            scores, _totals, eligible = score_all(
                index,
                subject,
                kinds=CANDIDATE_KINDS,
                prefer_regions=variant.prefer_regions,
                search_index=search_index,
                embedder=embedder,
            )
            text_mode = scores.text_mode
            totals = _totals_for(variant, index, scores, seed, project.pk)
            top = set(best_rows(index, totals, eligible, k).tolist())
            found[variant.key].append(sum(1 for row in rows_of.values() if row is not None and row in top))
    counts = [len(targets[pk]) for pk in sorted(targets)]
    evaluation = Evaluation(
        k=k,
        share=share,
        seed=seed,
        projects=len(targets),
        partnerships=len(partnerships),
        hidden=len(hidden),
        text_mode=text_mode,
    )
    for variant in variants():
        hits = found[variant.key]
        rates = [h / n for h, n in zip(hits, counts, strict=True)]
        evaluation.results.append(
            Result(
                key=variant.key,
                label=variant.label,
                mean_hit_rate=float(np.mean(rates)) if rates else 0.0,
                hidden_found=sum(hits),
                hidden=sum(counts),
            )
        )
    return evaluation


def _totals_for(variant: Variant, index, scores, seed: int, project_pk: int) -> np.ndarray:
    if variant.weights is not None:
        return total(scores, variant.weights) + (scores.adjustment if variant.adjusted else 0.0)
    # Ties broken by a seeded draw per project, below the step that sharing a field makes.
    noise = np.random.default_rng([seed, project_pk]).random(index.size) * 0.5
    if variant.key == "random":
        return noise
    return (scores.components["fields"] > 0).astype(float) + noise


def markdown(evaluation: Evaluation, *, command: str) -> str:
    """The results as the table of docs/matchmaking.md."""
    lines = [
        f"Run: `{command}`",
        "",
        f"{evaluation.partnerships} partnerships of demo projects; {evaluation.hidden} hidden "
        f"({evaluation.share:.0%}, seed {evaluation.seed}), in {evaluation.projects} projects. "
        f"Text similarity: {evaluation.text_mode}.",
        "",
        f"| Ranking | hit rate@{evaluation.k} (mean over projects) | hidden partners found |",
        "|---|---:|---:|",
    ]
    for result in evaluation.results:
        lines.append(
            f"| {result.label} | {result.mean_hit_rate:.3f} | {result.hidden_found} / {result.hidden} "
            f"({result.overall:.1%}) |"
        )
    return "\n".join(lines)
