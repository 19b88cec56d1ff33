"""Promises kept: what became of the commitments of cities' action plans, as their next reports tell.

Only accepted reports count. Each ``CommitmentReview`` of an accepted report is one
commitment of the previous plan with its outcome; a review left without an outcome
does not count. The share kept is the number *done* over the number reviewed. A
cycle is named by the last year the reviewing report covers (its period's end).
"""

from dataclasses import dataclass, field

from .choices import CommitmentOutcome, ReportStatus
from .models import CommitmentReview

GROUPINGS = ("city", "field", "region", "cycle")


@dataclass
class PromiseFigures:
    key: str  # the city's slug, the field's or region's code, or the year
    label: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(CommitmentOutcome.values, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def kept(self) -> int:
        return self.counts[CommitmentOutcome.DONE]

    @property
    def share_kept(self) -> float | None:
        """Between 0 and 1; None when nothing was reviewed."""
        return self.kept / self.total if self.total else None

    @property
    def percent_kept(self) -> int | None:
        share = self.share_kept
        return None if share is None else round(share * 100)

    @property
    def outcome_rows(self) -> list[tuple[str, str, int]]:
        """(outcome, its label, count) in the choices' order."""
        return [(value, label, self.counts[value]) for value, label in CommitmentOutcome.choices]

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "reviewed": self.total,
            "kept": self.kept,
            "share_kept": None if self.share_kept is None else round(self.share_kept, 4),
            "outcomes": dict(self.counts),
        }


def _reviews(**filters):
    return (
        CommitmentReview.objects.filter(report__status=ReportStatus.ACCEPTED, **filters)
        .exclude(outcome="")
        .select_related("report__city__field", "report__city__country__region")
        .only(
            "outcome",
            "report__period_end",
            "report__city__name",
            "report__city__slug",
            "report__city__field__code",
            "report__city__field__name_en",
            "report__city__field__name_fr",
            "report__city__field__name_es",
            "report__city__field__position",
            "report__city__country__region__code",
            "report__city__country__region__name_en",
            "report__city__country__region__name_fr",
            "report__city__country__region__name_es",
            "report__city__country__region__position",
        )
    )


def _group(review, by: str) -> tuple:
    city = review.report.city
    if by == "city":
        return city.slug, city.name, city.name
    if by == "field":
        return city.field.code, str(city.field), city.field.position
    if by == "region":
        region = city.country.region
        return region.code, str(region), region.position
    year = review.report.period_end
    return str(year), str(year), year


def promises_by(by: str, **filters) -> list[PromiseFigures]:
    """The figures per city, creative field, region or cycle (``by``), in the order of their labels."""
    if by not in GROUPINGS:
        raise ValueError(f"Unknown grouping {by!r}")
    groups: dict[str, tuple] = {}
    for review in _reviews(**filters):
        key, label, order = _group(review, by)
        entry = groups.setdefault(key, (order, PromiseFigures(key, label)))
        entry[1].counts[review.outcome] += 1
    return [figures for _order, figures in sorted(groups.values(), key=lambda pair: pair[0])]


def promises_total(**filters) -> PromiseFigures:
    total = PromiseFigures("all", "")
    for outcome in _reviews(**filters).values_list("outcome", flat=True):
        total.counts[outcome] += 1
    return total


def promises_for_city(city, *, report=None) -> PromiseFigures:
    """What became of the city's promises: all its accepted reports, or only ``report``'s reviews."""
    filters = {"report": report} if report is not None else {"report__city": city}
    figures = promises_total(**filters)
    figures.key, figures.label = city.slug, city.name
    return figures


def outcome_labels() -> list[tuple[str, str]]:
    return list(CommitmentOutcome.choices)
