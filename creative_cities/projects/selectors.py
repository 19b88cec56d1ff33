"""Reads of projects: the filtered list, one project's public account, a party's projects."""

from decimal import Decimal

from django.db import connection
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import ngettext

from creative_cities.cities.models import City
from creative_cities.core import versions
from creative_cities.core.links import page_url, page_urls
from creative_cities.core.models import current_language
from creative_cities.core.widgets import Choices
from creative_cities.organisations.models import Organisation

from .choices import MilestoneStatus, PartnerRole, ProjectStatus
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


def project_rows(projects: QuerySet[Project]) -> QuerySet:
    """What a row of the projects list shows, as plain values (no model instances, no joins beyond the leads)."""
    return projects.values(
        "slug",
        "title",
        "status",
        "is_pilot",
        "is_demo",
        "partner_count",
        "lead_city__slug",
        "lead_city__name",
        "lead_organisation__slug",
        "lead_organisation__name",
    )


def project_row_list(rows) -> list[dict]:
    """Rows of ``project_rows`` with the addresses and the status label the list shows."""
    statuses = dict(ProjectStatus.choices)
    project_url = page_urls("projects:project_detail", "slug")
    city_url = page_urls("cities:city_detail", "slug")
    organisation_url = page_urls("organisations:organisation_detail", "slug")
    out = []
    for row in rows:
        if row["lead_city__slug"]:
            lead_url, lead_name = city_url(row["lead_city__slug"]), row["lead_city__name"]
        else:
            lead_url, lead_name = organisation_url(row["lead_organisation__slug"]), row["lead_organisation__name"]
        out.append(
            {
                "title": row["title"],
                "url": project_url(row["slug"]),
                "status": statuses.get(row["status"], row["status"]),
                "is_pilot": row["is_pilot"],
                "is_demo": row["is_demo"],
                "partner_count": row["partner_count"],
                "lead_url": lead_url,
                "lead_name": lead_name,
            }
        )
    return out


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


def project_page(*, slug: str) -> Project:
    """One project with what its public page shows, in seven light queries.

    Besides the project and its leads: ``tags`` (its fields, objectives, areas and SDGs, read
    from their link tables in one query and named from cached labels), ``partner_rows``, and
    its milestones, results, documents and updates prefetched.
    """
    followers = ProjectFollower.objects.filter(project=OuterRef("pk")).order_by().values("project")
    project = (
        Project.objects.select_related("lead_city__country", "lead_organisation__country")
        .prefetch_related(
            "milestones", "results", "documents", Prefetch("updates", queryset=project_updates_queryset())
        )
        .annotate(follower_count=Coalesce(Subquery(followers.annotate(count=Count("pk")).values("count")), 0))
        .get(slug=slug)
    )
    project.tags = project_tags(project=project)
    project.partner_rows = project_partner_rows(project=project)
    return project


# A project's tags, and the columns read of each besides its names: a code, a number, its order.
TAGS = {
    "fields": ("code", None, "position"),
    "objectives": (None, None, "position"),
    "areas": (None, None, "position"),
    "sdg_goals": (None, "number", "number"),
}


def project_tags(*, project: Project) -> dict[str, list]:
    """The project's fields as (code, name), its objectives and areas as names, its SDGs as (4, "Quality education").

    One query over the four link tables joined with the tags they point to (the ORM would
    make one per table), each in its usual order.
    """
    language = current_language()
    quote = connection.ops.quote_name
    parts = []
    for index, (name, (code, number, order)) in enumerate(TAGS.items()):
        link = Project._meta.get_field(name)
        tag = quote(link.related_model._meta.db_table)
        # Names and columns come from the models and the constants above, never from input.
        columns = [
            str(index),
            f"{tag}.{quote(code)}" if code else "''",
            f"{tag}.{quote(number)}" if number else "0",
            f"{tag}.{quote('name_' + language)}",
            f"{tag}.{quote('name_en')}",
            f"{tag}.{quote(order)}",
        ]
        parts.append(
            f"SELECT {', '.join(columns)} FROM {quote(link.m2m_db_table())} "  # noqa: S608
            f"JOIN {tag} ON {tag}.{quote('id')} = {quote(link.m2m_reverse_name())} "
            f"WHERE {quote(link.m2m_column_name())} = %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [project.pk] * len(parts))
        rows = sorted(cursor.fetchall(), key=lambda row: (row[0], row[5], row[1]))
    names = list(TAGS)
    tags = {name: [] for name in names}
    for index, code, number, name, name_en, _order in rows:
        label = name or name_en
        kind = names[index]
        tags[kind].append((code, label) if kind == "fields" else (number, label) if number else label)
    return tags


def project_partner_rows(*, project: Project) -> list[dict]:
    """The partners besides the lead, as the page's table shows them: name, address, country, role, what they bring."""
    language = current_language()
    roles = dict(PartnerRole.choices)
    city_url = page_urls("cities:city_detail", "slug")
    organisation_url = page_urls("organisations:organisation_detail", "slug")
    rows = project.partners.order_by("joined_on", "pk").values_list(
        "city__slug",
        "city__name",
        f"city__country__name_{language}",
        "city__country__name_en",
        "organisation__slug",
        "organisation__name",
        f"organisation__country__name_{language}",
        "organisation__country__name_en",
        "role",
        "contribution",
        "joined_on",
    )
    out = []
    for city, city_name, city_country, city_country_en, org, org_name, org_country, org_country_en, *rest in rows:
        role, contribution, joined_on = rest
        if city:
            url, name, country = city_url(city), city_name, city_country or city_country_en
        else:
            url, name, country = organisation_url(org), org_name, org_country or org_country_en
        out.append(
            {
                "url": url,
                "name": name,
                "country": country,
                "role": roles.get(role, role),
                "contribution": contribution,
                "joined_on": joined_on,
            }
        )
    return out


def project_updates_queryset() -> QuerySet[ProjectUpdate]:
    """Updates newest first."""
    return ProjectUpdate.objects.select_related("created_by").order_by("-created_at", "-pk")


def project_rows_for_party(*, party, limit: int = 10) -> dict:
    """The projects a city or organisation leads or partners, newest first, for the "Projects" part of its page.

    ``{"rows": [{title, url, lead, status}], "more": bool, "all_url": the list filtered on the party, "name"}``
    """
    is_city = isinstance(party, City)
    if is_city:
        matches, lead = Q(lead_city=party) | Q(partners__city=party), "lead_city_id"
    else:
        matches, lead = Q(lead_organisation=party) | Q(partners__organisation=party), "lead_organisation_id"
    ids = Project.objects.filter(matches).values("pk")
    rows = list(
        Project.objects.filter(pk__in=ids)
        .order_by("-created_at", "-pk")
        .values_list("slug", "title", "status", lead)[: limit + 1]
    )
    statuses = dict(ProjectStatus.choices)
    filter_name = "city" if is_city else "organisation"
    return {
        "name": party.name,
        "rows": [
            {
                "title": title,
                "url": page_url("projects:project_detail", "slug", slug),
                "lead": lead_id == party.pk,
                "status": statuses[status],
            }
            for slug, title, status, lead_id in rows[:limit]
        ],
        "more": len(rows) > limit,
        "all_url": f"{reverse('projects:project_list')}?{urlencode({filter_name: party.slug})}",
    }


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


FILTER_SETS = ("projects", "organisations", "registry")


def project_filter_choices() -> dict[str, Choices]:
    """What the list's filters offer, as (value, label) pairs, kept per version of the data and language."""
    from creative_cities.cities.selectors import filter_choices

    def build() -> dict:
        registry = filter_choices()
        return {
            "fields": registry["fields"],
            "regions": registry["regions"],
            "cities": cities_for_filter(),
            "organisations": organisations_for_filter(),
        }

    return {name: Choices(pairs) for name, pairs in versions.cached(FILTER_SETS, "project-filters", build).items()}


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


def project_cards_newest(*, limit: int = 3) -> list[dict]:
    """The newest projects still alive (not cancelled), as cards: title, summary, status, lead, partners, SDGs.

    Three queries whatever ``limit``: the projects with their lead, then their fields (for
    the cover) and SDGs. ``object`` is the project, for ``{% cover_url %}``.
    """
    projects = project_list().exclude(status=ProjectStatus.CANCELLED).prefetch_related("fields", "sdg_goals")[:limit]
    statuses = dict(ProjectStatus.choices)
    cards = []
    for project in projects:
        lead = project.lead_city or project.lead_organisation
        cards.append(
            {
                "object": project,
                "url": project.get_absolute_url(),
                "title": project.title,
                "summary": project.summary,
                "language": project.language,
                "kind": statuses.get(project.status, project.status),
                "place": lead.name if lead else "",
                "partners": ngettext("%(counter)s partner", "%(counter)s partners", project.partner_count)
                % {"counter": project.partner_count},
                "sdg_goals": list(project.sdg_goals.all()),
                "is_demo": project.is_demo,
            }
        )
    return cards


def project_count() -> int:
    """How many projects the network runs or ran (all but the cancelled ones)."""
    return Project.objects.exclude(status=ProjectStatus.CANCELLED).count()
