"""What the search index holds of a project: one document in its language, with its facets.

Projects are public (see policies), so every project is searchable except a
cancelled one. The knowledge search page asks only for its own kinds, so projects
appear where a page asks for them (matchmaking reads their vectors).
"""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

KIND = "project"


def _url(slug: str) -> str:
    with translation.override("en"):
        try:
            return reverse("projects:project_detail", kwargs={"slug": slug})
        except NoReverseMatch:  # the project pages are not installed
            return ""


def project_documents(object_id: int) -> list:
    return projects_documents([object_id]).get(object_id, [])


def projects_documents(object_ids: list[int]) -> dict[int, list]:
    """The document of each searchable project among the ids (a few queries for them all)."""
    from creative_cities.core.markdown import markdown_to_text
    from creative_cities.search.providers import DocumentData

    from .choices import ProjectStatus
    from .models import Project

    projects = (
        Project.objects.filter(pk__in=object_ids)
        .exclude(status=ProjectStatus.CANCELLED)
        .select_related("lead_city__country__region", "lead_organisation__country__region")
        .prefetch_related("fields", "sdg_goals", "partners__city__country__region")
    )
    found = {}
    for project in projects:
        lead = project.lead_city or project.lead_organisation
        places = [lead.country] + [p.city.country for p in project.partners.all() if p.city_id]
        cities = ([project.lead_city] if project.lead_city else []) + [p.city for p in project.partners.all() if p.city]
        # The text is the project's own words: partners' names would make its vector (which
        # matchmaking compares with cities') lean towards the partners it already has.
        text = "\n".join(
            part for part in [project.title, project.summary, markdown_to_text(project.description)] if part
        )
        found[project.pk] = [
            DocumentData(
                language=project.language,
                title=project.title,
                url=_url(project.slug),
                text=text,
                facets={
                    "type": "project",
                    "status": project.status,
                    "field": sorted({f.code for f in project.fields.all()}),
                    "sdg": sorted({str(goal.number) for goal in project.sdg_goals.all()}),
                    "region": sorted({country.region.code for country in places}),
                    "country": sorted({country.iso2 for country in places}),
                    "city": sorted({city.slug for city in cities}),
                    "language": project.language,
                },
            )
        ]
    return found


def project_ids():
    from .choices import ProjectStatus
    from .models import Project

    return Project.objects.exclude(status=ProjectStatus.CANCELLED).values_list("pk", flat=True).iterator()


def projects_by_id(ids) -> dict:
    from .models import Project

    return Project.objects.in_bulk(ids)


def register() -> None:
    """Make projects searchable: see creative_cities.search.providers."""
    from creative_cities.search import providers

    providers.register(
        KIND, documents=project_documents, documents_many=projects_documents, all_ids=project_ids, load=projects_by_id
    )
