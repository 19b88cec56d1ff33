"""Reads of projects: the filtered list, one project's public account, a party's projects."""

from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from creative_cities.cities.models import City
from creative_cities.organisations.models import Organisation

from .choices import MilestoneStatus
from .models import Milestone, Project, ProjectDocument, ProjectFollower, ProjectPartner, ProjectUpdate
from .parties import party_key, party_list_for


def project_list(
    *,
    query: str = "",
    status: str = "",
    field: str = "",
    region: str = "",
    pilot: bool = False,
    city: str = "",
    organisation: str = "",
) -> QuerySet[Project]:
    """Projects, newest first, filtered.

    ``query`` is found in the title or the summary, whatever its case; ``region`` is
    that of the lead city; ``city`` and ``organisation`` (slugs) match the lead or a partner.
    """
    # A subquery, not a join with GROUP BY: the database counts the partners of the rows it returns only.
    partners = ProjectPartner.objects.filter(project=OuterRef("pk")).order_by().values("project")
    projects = Project.objects.select_related("lead_city__country__region", "lead_organisation__country").annotate(
        partner_count=Coalesce(Subquery(partners.annotate(count=Count("pk")).values("count")), 0)
    )
    if query:
        projects = projects.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    if status:
        projects = projects.filter(status=status)
    if field:
        projects = projects.filter(fields__code=field)
    if region:
        projects = projects.filter(lead_city__country__region__code=region)
    if pilot:
        projects = projects.filter(is_pilot=True)
    if city:
        takes_part = Project.objects.filter(Q(lead_city__slug=city) | Q(partners__city__slug=city)).values("pk")
        projects = projects.filter(pk__in=takes_part)
    if organisation:
        takes_part = Project.objects.filter(
            Q(lead_organisation__slug=organisation) | Q(partners__organisation__slug=organisation)
        ).values("pk")
        projects = projects.filter(pk__in=takes_part)
    return projects.order_by("-created_at", "-pk")


def project_queryset() -> QuerySet[Project]:
    """Projects with their lead, for the policies to judge: the team's pages pick one from it."""
    return Project.objects.select_related("lead_city", "lead_organisation")


def project_find(*, slug: str) -> Project:
    """A project with its lead, for the policies to judge."""
    return project_queryset().get(slug=slug)


def project_partner_list(*, project: Project) -> QuerySet[ProjectPartner]:
    return ProjectPartner.objects.filter(project=project).select_related("city", "organisation")


def project_milestone_list(*, project: Project) -> QuerySet[Milestone]:
    return Milestone.objects.filter(project=project)


def project_document_queryset() -> QuerySet[ProjectDocument]:
    """Documents with their project and its lead, for the policies to judge."""
    return ProjectDocument.objects.select_related("project__lead_city", "project__lead_organisation")


def project_get(*, slug: str) -> Project:
    """One project with everything its public page shows."""
    return project_detail_queryset().get(slug=slug)


def project_detail_queryset() -> QuerySet[Project]:
    """Projects with everything a project's public page shows."""
    partners = ProjectPartner.objects.select_related("city__country", "organisation__country")
    return (
        Project.objects.select_related("lead_city__country__region", "lead_organisation__country", "created_by")
        .prefetch_related(
            "fields",
            "objectives",
            "areas",
            "sdg_goals",
            Prefetch("partners", queryset=partners),
            "milestones",
            "results",
            "documents",
            Prefetch("updates", queryset=project_updates_queryset()),
        )
        .annotate(follower_count=Count("followers", distinct=True))
    )


def project_updates_queryset() -> QuerySet[ProjectUpdate]:
    """Updates newest first."""
    return ProjectUpdate.objects.select_related("created_by").order_by("-created_at", "-pk")


def project_list_for_party(*, party, limit: int = 10) -> list[Project]:
    """The projects a city or organisation leads or partners, newest first."""
    if isinstance(party, City):
        matches = Q(lead_city=party) | Q(partners__city=party)
    else:
        matches = Q(lead_organisation=party) | Q(partners__organisation=party)
    ids = Project.objects.filter(matches).values("pk")
    # Only what the list on a city's or an organisation's page shows: that page is among the most read.
    shown = ("slug", "title", "status", "lead_city_id", "lead_organisation_id", "created_at")
    return list(Project.objects.filter(pk__in=ids).only(*shown).order_by("-created_at", "-pk")[:limit])


def project_timeline(*, project: Project, today=None) -> list[tuple[Milestone, bool]]:
    """The milestones by due date, each with whether it is overdue (due before today, not done or dropped)."""
    today = today or timezone.localdate()
    closed = (MilestoneStatus.DONE, MilestoneStatus.DROPPED)
    return [(m, m.due_on < today and m.status not in closed) for m in project.milestones.all()]


def project_result_rows(*, project: Project) -> list[dict]:
    """The results with the share of the target reached, in percent (None without a target)."""
    rows = []
    for result in project.results.all():
        percent = None
        if result.target:
            percent = int((result.value / result.target * Decimal(100)).to_integral_value())
        rows.append({"result": result, "percent": percent, "bar": max(0, min(percent or 0, 100))})
    return rows


def project_is_followed(*, project: Project, user) -> bool:
    return user.is_authenticated and ProjectFollower.objects.filter(project=project, user=user).exists()


def projects_followed_by(*, user) -> QuerySet[Project]:
    """The projects a person follows, for their page and their data download."""
    return Project.objects.filter(followers__user=user).order_by("title")


def partner_choices() -> dict[str, list[tuple[str, str]]]:
    """Cities (members and former members) and organisations a project may take as partners, by party key."""
    cities = City.objects.select_related("country").order_by("name")
    organisations = Organisation.objects.select_related("country").order_by("name")
    return {
        "cities": [(f"city:{c.slug}", f"{c.name} ({c.country.name})") for c in cities],
        "organisations": [(f"organisation:{o.slug}", f"{o.name} ({o.country.name})") for o in organisations],
    }


def cities_for_filter() -> list[tuple[str, str]]:
    """(slug, name) of the cities leading or partnering a project, former members too."""
    taking_part = City.objects.filter(Q(led_projects__isnull=False) | Q(project_partnerships__isnull=False))
    return list(taking_part.distinct().order_by("name").values_list("slug", "name"))


def organisations_for_filter() -> list[tuple[str, str]]:
    """(slug, name) of the organisations leading or partnering a project."""
    return list(organisations_in_projects().values_list("slug", "name"))


def organisations_in_projects() -> QuerySet[Organisation]:
    """Organisations leading or partnering a project, for the list's filter."""
    return (
        Organisation.objects.filter(Q(led_projects__isnull=False) | Q(project_partnerships__isnull=False))
        .distinct()
        .order_by("name")
    )


def project_form_choices() -> dict:
    """What the project form offers to choose from."""
    from creative_cities.cities.selectors import creative_fields
    from creative_cities.frameworks import selectors as framework_selectors

    return {
        "fields": creative_fields(),
        "objectives": framework_selectors.objective_list(),
        "areas": framework_selectors.area_list(),
        "sdg_goals": framework_selectors.sdg_goal_list(),
    }


def lead_choices(user) -> list:
    """The parties a person may name as a project's lead, by key: those they act for; the Secretariat, any."""
    from django.utils.translation import gettext as _

    from creative_cities.accounts.selectors import user_is_secretariat

    if user_is_secretariat(user):
        choices = partner_choices()
        return [(_("Cities"), choices["cities"]), (_("Organisations"), choices["organisations"])]
    return [(party_key(party), str(party)) for party in party_list_for(user)]
