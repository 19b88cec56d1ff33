"""Demo monitoring reports: drafts, submissions, returns and acceptances, seeded.

Every report is written through the monitoring services, as a city team and the
Secretariat would write it, then marked ``is_demo``. What happens to a city's report
depends on how its due date stands today:

- a report already due: accepted about half the time, else submitted, returned with
  comments, left as a draft, or not started at all (overdue);
- due within a year: a draft a third of the time, a few submitted early;
- later: rarely started.

A city with a report under way often has its previous report on the platform too
(accepted, entered afterwards), with a plan of three to five commitments: the new
report says what became of each (done about half the time, then ongoing, changed,
dropped), which feeds the promises-kept figures. Texts come from the phrase banks in
``data/demo/monitoring/<language>.json`` (invented, not facts), in French for cities
of French-speaking countries, in Spanish for Spanish-speaking ones, else in English.
"""

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from creative_cities.accounts.choices import RoleKind
from creative_cities.accounts.models import Role
from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.frameworks.models import AreaOfAction, SdgTarget
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.monitoring import cycles, drafting, drafting_items, review
from creative_cities.monitoring.choices import CommitmentOutcome, ContributionKind, InitiativeLevel, ReportStatus
from creative_cities.monitoring.models import Report
from creative_cities.projects.models import Project

from .data import data_dir
from .marks import mark_as_demo, quiet_mail

DEMO_USER = "demo.monitoring@example.org"
TARGETS = ["11.4", "8.3", "4.7", "17.17", "11.7", "8.9", "16.10", "5.5", "10.2", "4.4"]
OUTCOMES = [
    (CommitmentOutcome.DONE, 0.5),
    (CommitmentOutcome.ONGOING, 0.22),
    (CommitmentOutcome.CHANGED, 0.15),
    (CommitmentOutcome.DROPPED, 0.13),
]


@dataclass
class Made:
    reports: int = 0
    by_status: dict = field(default_factory=dict)
    commitments: int = 0
    reviews: int = 0


def _phrases(language: str) -> dict:
    return json.loads((data_dir() / "monitoring" / f"{language}.json").read_text(encoding="utf-8"))


def _language_of(city, countries: dict) -> str:
    for language, codes in countries.items():
        if city.country.iso2 in codes:
            return language
    return "en"


def demo_user():
    user, _created = get_user_model().objects.get_or_create(
        email=DEMO_USER, defaults={"full_name": "Demo monitoring", "is_active": False}
    )
    return user


def clear() -> int:
    """Delete the demo reports (with their sections, commitments, reviews and versions)."""
    count = 0
    # The newest first: a report's previous one is referred to by the next.
    for report in Report.objects.filter(is_demo=True).order_by("-cycle"):
        report.delete()
        count += 1
    return count


class _Writer:
    """Writes one city's reports with the services, in one language, from one random stream."""

    def __init__(self, *, city, by, rng: random.Random, language: str, phrases: dict, made: Made):
        self.city, self.by, self.rng, self.language, self.phrases, self.made = city, by, rng, language, phrases, made
        self.field_name = getattr(city.field, f"name_{language}", "") or city.field.name_en
        self.areas = list(AreaOfAction.objects.all())
        self.targets = list(SdgTarget.objects.filter(code__in=TARGETS))
        self.practices = list(KnowledgeItem.objects.filter(cities=city).values_list("pk", flat=True)[:6])
        self.projects = list(Project.objects.filter(lead_city=city).values_list("pk", flat=True)[:6])

    def _text(self, key: str, count: int) -> str:
        paragraphs = self.rng.sample(self.phrases[key], min(count, len(self.phrases[key])))
        return "\n\n".join(
            p.format(city=self.city.name, field=self.field_name, year=self.city.designation_year) for p in paragraphs
        )

    def _section(self, report, key: str, count: int) -> None:
        drafting.report_section_save(
            report=report, key=key, text=self._text(key, count), by=self.by, revision=None, base=""
        )

    def write(self, report: Report, *, complete: bool) -> Report:
        """Fill the report: everything when ``complete``, else the first sections only (a draft under way)."""
        report = Report.objects.get(pk=report.pk)
        self._section(report, "general", 4)
        self._section(report, "network", 2)
        drafting_items.contribution_save(
            report=report,
            by=self.by,
            revision=None,
            data={
                "kind": ContributionKind.MEETING_ATTENDED,
                "title": self.phrases["meeting"],
                "year": report.period_end,
                "place": "",
            },
        )
        if not complete and self.rng.random() < 0.5:
            return report
        self._section(report, "local", 2)
        self._section(report, "international", 2)
        for level in (InitiativeLevel.LOCAL, InitiativeLevel.INTERNATIONAL):
            for title, description in self.rng.sample(self.phrases["initiatives"][level], 2):
                drafting_items.initiative_save(
                    report=report,
                    by=self.by,
                    level=level,
                    revision=None,
                    data={
                        "title": title.format(field=self.field_name),
                        "description": description.format(field=self.field_name),
                        "start_year": report.period_start,
                        "end_year": report.period_end,
                        "areas": [self.rng.choice(self.areas)],
                        "practices": self.rng.sample(self.practices, min(1, len(self.practices))),
                        "projects": self.rng.sample(self.projects, min(1, len(self.projects))),
                    },
                )
        if not complete:
            return report
        self._section(report, "plan", 2)
        self._section(report, "figures", 1)
        self._plan(report)
        if report.previous_id:
            self._section(report, "promises", 2)
            self._reviews(report)
        return report

    def _plan(self, report: Report) -> None:
        following = cycles.cycle_get(report.city, report.cycle + 1)
        for area in self.rng.sample(self.areas, self.rng.randint(3, 5)):
            commitment = drafting_items.commitment_save(
                report=report,
                by=self.by,
                revision=None,
                data={
                    "objective": self.rng.choice(self.phrases["commitments"][area.code]),
                    "description": self.phrases["commitment_description"],
                    "area": area,
                    "sdg_targets": self.rng.sample(self.targets, min(2, len(self.targets))),
                    "budget": self.rng.choice([20000, 45000, 80000, 150000, 300000]),
                    "currency": "EUR" if self.city.country.region.code == "europe_north_america" else "USD",
                    "partners": self.rng.choice(self.phrases["partners"]),
                },
            )
            name, unit, baseline, target = self.rng.choice(self.phrases["indicators"])
            scale = self.rng.uniform(0.6, 1.6)
            drafting_items.commitment_indicator_save(
                commitment=commitment,
                by=self.by,
                revision=None,
                data={
                    "name": name,
                    "unit": unit,
                    "baseline": round(baseline * scale),
                    "baseline_year": report.period_end,
                    "target": round(target * scale),
                    "target_year": self.rng.randint(following.period_start + 1, following.period_end),
                },
            )
            self.made.commitments += 1

    def _reviews(self, report: Report) -> None:
        outcomes, weights = zip(*OUTCOMES, strict=True)
        for item in report.commitment_reviews.all():
            outcome = self.rng.choices(outcomes, weights)[0]
            data = {"outcome": outcome, "reason": self.phrases["reasons"][outcome]}
            if outcome == CommitmentOutcome.DONE:
                if self.practices:
                    data["practices"] = [self.rng.choice(self.practices)]
                else:
                    data["evidence_links"] = [f"https://demo.example.org/{self.city.slug}/evidence/{item.pk}"]
            drafting_items.commitment_review_save(review=item, by=self.by, data=data, revision=None)
            self.made.reviews += 1

    def returned_comments(self) -> dict:
        keys = self.rng.sample(sorted(self.phrases["comments"]), self.rng.randint(1, 2))
        return {key: self.phrases["comments"][key] for key in keys}


def _fate(rng: random.Random, due_on: date, today: date) -> str:
    """What becomes of the city's current report, by how its due date stands."""
    roll = rng.random()
    if due_on < today:
        steps = [(0.5, "accepted"), (0.65, "submitted"), (0.75, "returned"), (0.85, "draft")]
    elif due_on < today + timedelta(days=365):
        steps = [(0.1, "submitted"), (0.45, "draft")]
    else:
        steps = [(0.08, "draft")]
    return next((fate for bound, fate in steps if roll < bound), "none")


def _finish(writer: _Writer, report: Report, fate: str, by) -> Report:
    if fate == "draft":
        return report
    drafting.report_submit(report=report, by=by)
    if fate == "submitted":
        return report
    report = Report.objects.get(pk=report.pk)
    if fate == "returned":
        return review.report_return(report=report, by=by, comments=writer.returned_comments())
    return review.report_accept(report=report, by=by)


def generate(*, seed: int = 7, share: float = 1.0, today: date | None = None, progress=None) -> Made:
    """Demo reports for a seeded ``share`` of the member cities (all by default)."""
    rng = random.Random(seed)  # noqa: S311 - a seeded demo, not a secret
    today = today or date.today()
    made = Made()
    countries = json.loads((data_dir() / "partnerships.json").read_text(encoding="utf-8"))["language_countries"]
    phrases = {language: _phrases(language) for language in ("en", "fr", "es")}
    cities = list(
        City.objects.filter(status=CityStatus.MEMBER).select_related("country__region", "field").order_by("slug")
    )
    cities = [city for city in cities if rng.random() < share]
    by = demo_user()
    calendar = cycles.network_calendar()
    with quiet_mail(), transaction.atomic(durable=True):
        # The demo writer holds the Secretariat's role only while it writes: the services ask
        # for a focal point or the Secretariat to submit, accept and return.
        role = Role.objects.create(user=by, kind=RoleKind.SECRETARIAT, starts_on=today - timedelta(days=1))
        try:
            for index, city in enumerate(cities):
                _city_reports(
                    city, by=by, rng=rng, today=today, cal=calendar, made=made, countries=countries, phrases=phrases
                )
                if progress:
                    progress(index + 1, len(cities))
        finally:
            role.delete()
    return made


def _city_reports(city, *, by, rng, today, cal, made: Made, countries: dict, phrases: dict) -> None:
    if Report.objects.filter(city=city).exists():
        return  # a city whose reports people write is left alone
    current = cycles.current_cycle(city, accepted_numbers=set(), cal=cal, changes=[])
    fate = _fate(rng, current.due_on, today)
    if fate == "none":
        return
    language = _language_of(city, countries)
    writer = _Writer(city=city, by=by, rng=rng, language=language, phrases=phrases[language], made=made)
    if current.number > 1 and rng.random() < 0.7:
        earlier = drafting.report_start(city=city, by=by, language=language, cycle_number=current.number - 1)
        mark_as_demo(earlier)
        _finish(writer, writer.write(earlier, complete=True), "accepted", by)
        _count(made, ReportStatus.ACCEPTED)
    report = drafting.report_start(city=city, by=by, language=language, cycle_number=current.number)
    mark_as_demo(report)
    report = writer.write(report, complete=fate != "draft")
    _finish(writer, report, fate, by)
    _count(made, Report.objects.get(pk=report.pk).status)


def _count(made: Made, status: str) -> None:
    made.reports += 1
    made.by_status[status] = made.by_status.get(status, 0) + 1
