"""Reads of organisations."""

from django.db.models import Count, Q, QuerySet

from creative_cities.core.links import page_url
from creative_cities.core.text import fold

from .choices import MemberRole, Sector
from .models import Organisation, OrganisationMember


def organisation_list(
    *, query: str = "", sector: str = "", country: str = "", verified: bool | None = None
) -> QuerySet[Organisation]:
    """Organisations, filtered; ``query`` matches the name or the town, ignoring case and accents."""
    organisations = Organisation.objects.select_related("country", "member_city").annotate(
        member_count=Count("members")
    )
    if sector:
        organisations = organisations.filter(sector=sector)
    if country:
        organisations = organisations.filter(country__iso2=country.upper())
    if verified is not None:
        organisations = organisations.filter(verified_at__isnull=not verified)
    if query:
        # Names are short and few (thousands): folding in Python matches "Medellin" to "Medellín".
        wanted = fold(query)
        ids = [
            pk for pk, name, town in organisations.values_list("pk", "name", "town") if wanted in fold(f"{name} {town}")
        ]
        organisations = organisations.filter(pk__in=ids)
    return organisations.order_by("name")


def organisation_queryset() -> QuerySet[Organisation]:
    """Organisations with what an organisation's page shows: to pick one from (``get_object_or_404``)."""
    return Organisation.objects.select_related("country__region", "member_city", "verified_by")


def organisation_get(*, slug: str) -> Organisation:
    return organisation_queryset().get(slug=slug)


def organisation_members(*, organisation: Organisation) -> QuerySet[OrganisationMember]:
    return organisation.members.select_related("user").order_by("role", "user__email")


def organisations_of(*, user, admin_only: bool = False) -> QuerySet[Organisation]:
    """The organisations the person belongs to (that they administer, with ``admin_only``)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    memberships = Q(members__user=user) & (Q(members__role=MemberRole.ADMIN) if admin_only else Q())
    return Organisation.objects.filter(memberships).distinct().order_by("name")


def organisation_countries() -> QuerySet:
    """Countries that have at least one organisation, for the filter."""
    from creative_cities.cities.models import Country

    return Country.objects.filter(organisations__isnull=False).distinct().order_by("name_en")


def organisation_rows_in_city(*, city, limit: int = 50) -> list[dict]:
    """The organisations based in a city, by name, as its page lists them (name, address, sector)."""
    sectors = dict(Sector.choices)
    rows = city.organisations.order_by("name").values_list("slug", "name", "sector")[:limit]
    return [
        {"name": name, "url": page_url("organisations:organisation_detail", "slug", slug), "sector": sectors[sector]}
        for slug, name, sector in rows
    ]
