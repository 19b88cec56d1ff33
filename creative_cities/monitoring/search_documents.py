"""What the search index holds of a monitoring report: one document in the report's language, once accepted.

Drafts, submitted and returned reports are not searchable: only published ones are
(see policies.can_see_report). The text is the report's own words: its sections,
initiatives and commitments, so that reports appear in the cross-language search.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

KIND = "report"


def _url(slug: str) -> str:
    with translation.override("en"):
        try:
            return reverse("monitoring:report_detail", kwargs={"slug": slug})
        except NoReverseMatch:
            return ""


def report_document(object_id: int) -> list:
    return reports_documents([object_id]).get(object_id, [])


def reports_documents(object_ids: list[int]) -> dict[int, list]:
    """The document of each accepted report among the ids, in a few queries for them all."""
    from creative_cities.core.markdown import markdown_to_text
    from creative_cities.search.providers import DocumentData

    from .choices import ReportStatus
    from .models import Report

    reports = (
        Report.objects.filter(pk__in=object_ids, status=ReportStatus.ACCEPTED)
        .select_related("city__country__region", "city__field")
        .prefetch_related("sections", "initiatives", "commitments")
    )
    found = {}
    for report in reports:
        city = report.city
        title = f"{city.name} {report.period_start}–{report.period_end}"
        parts = [title]
        parts += [markdown_to_text(section.text) for section in report.sections.all() if section.text]
        parts += [f"{i.title}. {markdown_to_text(i.description)}" for i in report.initiatives.all()]
        parts += [f"{c.objective}. {c.description}" for c in report.commitments.all()]
        found[report.pk] = [
            DocumentData(
                language=report.language,
                title=title,
                url=_url(report.slug),
                text="\n".join(part for part in parts if part),
                published_at=report.accepted_at,
                facets={
                    "type": "report",
                    "field": [city.field.code],
                    "region": [city.country.region.code],
                    "country": [city.country.iso2],
                    "city": [city.slug],
                    "year": report.period_end,
                    "language": report.language,
                },
            )
        ]
    return found


def report_ids():
    from .choices import ReportStatus
    from .models import Report

    return Report.objects.filter(status=ReportStatus.ACCEPTED).values_list("pk", flat=True).iterator()


def reports_by_id(ids) -> dict:
    from .models import Report

    return Report.objects.select_related("city").in_bulk(ids)


def register() -> None:
    """Make accepted reports searchable: see creative_cities.search.providers."""
    from creative_cities.search import providers

    providers.register(
        KIND, documents=report_document, documents_many=reports_documents, all_ids=report_ids, load=reports_by_id
    )
