"""Reads of the report editor: the city's report, what it may link to, the checklist, versions."""

import difflib

from django.db.models import Q, QuerySet

from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City
from creative_cities.frameworks.models import AreaOfAction, SdgTarget
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.projects.models import Project

from . import cycles
from .choices import InitiativeLevel, ReportStatus, Section
from .models import Commitment, Report, ReportVersion, ReviewComment
from .snapshot import report_prefetched, report_snapshot
from .validation import report_problems

SECTION_ORDER = list(Section.values)


def report_queryset() -> QuerySet[Report]:
    return Report.objects.select_related("city__country", "city__field", "previous")


def city_report_current(*, city) -> tuple[cycles.Cycle, Report | None]:
    """The city's current cycle and its report, if started."""
    cycle = cycles.current_cycle(city)
    return cycle, Report.objects.filter(city=city, cycle=cycle.number).first()


def report_sections(report: Report) -> list[str]:
    """The keys of the sections the report has: the previous plan's only when there was one."""
    return [key for key in SECTION_ORDER if key != Section.PROMISES or report.previous_id]


def section_text(*, report: Report, key: str):
    return report.sections.select_related("updated_by").get(key=key)


def return_comments(report: Report) -> dict[str, list[ReviewComment]]:
    """The Secretariat's comments of the last return, by section (none unless the report is returned)."""
    if report.status != ReportStatus.RETURNED:
        return {}
    found: dict[str, list[ReviewComment]] = {}
    for comment in ReviewComment.objects.filter(report=report, round=report.submissions).order_by("pk"):
        found.setdefault(comment.section, []).append(comment)
    return found


def report_checklist(report: Report) -> list[dict]:
    """Each section with its state, its problems and the comments of the last return."""
    problems = report_problems(report)
    comments = return_comments(report)
    texts = {section.key: section.text for section in report.sections.all()}
    levels = set(report.initiatives.values_list("level", flat=True))
    has_items = {
        Section.NETWORK: report.contributions.exists(),
        Section.LOCAL: InitiativeLevel.LOCAL in levels,
        Section.INTERNATIONAL: InitiativeLevel.INTERNATIONAL in levels,
        Section.PLAN: report.commitments.exists(),
        Section.PROMISES: report.commitment_reviews.exclude(outcome="").exists(),
    }
    rows = []
    for key in report_sections(report):
        rows.append(
            {
                "key": key,
                "label": Section(key).label,
                "problems": problems.get(key, []),
                "comments": comments.get(key, []),
                "started": bool(texts.get(key, "").strip()) or has_items.get(key, False),
            }
        )
    return rows


def city_practices(city) -> QuerySet[KnowledgeItem]:
    """The city's practices, policies and publications, whatever their status: its team sees them all."""
    return KnowledgeItem.objects.filter(cities=city).order_by("title").distinct()


def city_projects(city) -> QuerySet[Project]:
    """The projects the city leads or takes part in."""
    return Project.objects.filter(Q(lead_city=city) | Q(partners__city=city)).order_by("title").distinct()


def member_cities() -> QuerySet[City]:
    return City.objects.filter(status=CityStatus.MEMBER).select_related("country", "field").order_by("name")


def city_partner_ids(city) -> set[int]:
    """The member cities this city cooperates with (projects, interests, adaptations)."""
    from creative_cities.cooperation.selectors import city_relation_list

    members = set(City.objects.filter(status=CityStatus.MEMBER).values_list("pk", flat=True))
    relations = city_relation_list(city.pk, members=members)
    return {relation.b if relation.a == city.pk else relation.a for relation in relations}


def areas() -> QuerySet[AreaOfAction]:
    return AreaOfAction.objects.order_by("position")


def sdg_targets() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.select_related("goal").order_by("goal__number", "position")


def framework_indicators():
    """The leaves of the indicator frameworks (indicators that hold values)."""
    from creative_cities.indicators.models import Node

    return Node.objects.filter(children__isnull=True).select_related("framework").order_by("framework", "code")


def report_initiatives(report: Report, level: str):
    return report.initiatives.filter(level=level).prefetch_related("areas", "practices", "projects", "partner_cities")


def report_commitments(report: Report) -> QuerySet[Commitment]:
    return report.commitments.select_related("area", "continues").prefetch_related(
        "sdg_targets", "partner_cities", "indicators"
    )


def report_reviews(report: Report):
    return report.commitment_reviews.select_related("commitment__area").prefetch_related(
        "practices", "projects", "commitment__continued_by"
    )


def report_figures(report: Report) -> list:
    """The city's indicator values for the years the report covers."""
    from creative_cities.indicators.models import Value

    return list(
        Value.objects.filter(city=report.city, year__gte=report.period_start, year__lte=report.period_end)
        .select_related("node__framework")
        .order_by("node__framework__slug", "node__position", "node__code", "year")
    )


def report_versions(report: Report) -> QuerySet[ReportVersion]:
    return report.versions.select_related("created_by").defer("data")


def version_diff(*, version: ReportVersion, report: Report) -> list[dict]:
    """For each section, the words of the version's text against today's: kept, removed and added runs."""
    now = report_snapshot(report_prefetched(report.pk))["sections"]
    then = version.data.get("sections", {})
    rows = []
    for key in report_sections(report):
        old, new = then.get(key, ""), now.get(key, "")
        if old == new:
            rows.append({"key": key, "label": Section(key).label, "same": True, "parts": []})
            continue
        old_words, new_words = old.split(" "), new.split(" ")
        parts = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                parts.append(("same", " ".join(old_words[i1:i2])))
                continue
            if tag in ("delete", "replace"):
                parts.append(("removed", " ".join(old_words[i1:i2])))
            if tag in ("insert", "replace"):
                parts.append(("added", " ".join(new_words[j1:j2])))
        rows.append({"key": key, "label": Section(key).label, "same": False, "parts": parts})
    return rows
