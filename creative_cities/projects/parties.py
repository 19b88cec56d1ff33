"""Parties: the cities and organisations that publish calls and take part in projects.

A person acts for a city when they hold a city role there today (focal point or
city team), and for an organisation when they are one of its members. The board,
projects and notifications all ask these functions who acts for whom.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from creative_cities.accounts.choices import CITY_ROLES
from creative_cities.accounts.selectors import (
    role_list_current,
    role_list_current_for_city,
    user_holds_any,
    user_is_secretariat,
)
from creative_cities.cities.models import City
from creative_cities.organisations.choices import MemberRole
from creative_cities.organisations.models import Organisation


def party_key(party) -> str:
    """A stable text key for a city or an organisation, as forms and the API carry it: "city:lyon"."""
    kind = "city" if isinstance(party, City) else "organisation"
    return f"{kind}:{party.slug}"


def party_from_key(key: str):
    """The city or organisation a key names, or None."""
    kind, _, slug = (key or "").partition(":")
    if kind == "city":
        return City.objects.filter(slug=slug).first()
    if kind == "organisation":
        return Organisation.objects.filter(slug=slug).first()
    return None


def party_kwargs(party) -> dict:
    """``{"city": …}`` or ``{"organisation": …}``, for the models that hold one or the other."""
    if isinstance(party, City):
        return {"city": party, "organisation": None}
    return {"city": None, "organisation": party}


def party_cities_of(user) -> list[City]:
    """The cities a person acts for today."""
    if not user.is_authenticated:
        return []
    roles = role_list_current(user=user).filter(kind__in=CITY_ROLES, city__isnull=False)
    return sorted({role.city for role in roles}, key=lambda city: city.name)


def party_organisations_of(user, *, admin_only: bool = False) -> list[Organisation]:
    if not user.is_authenticated:
        return []
    memberships = user.organisation_memberships.select_related("organisation")
    if admin_only:
        memberships = memberships.filter(role=MemberRole.ADMIN)
    return sorted({m.organisation for m in memberships}, key=lambda org: org.name)


def acts_for_any(user) -> bool:
    """Whether a person acts for at least one city or organisation (city roles always name a city)."""
    if not user.is_authenticated:
        return False
    return user_holds_any(user, CITY_ROLES) or user.organisation_memberships.exists()


def party_list_for(user) -> list:
    """Every city and organisation a person may act for: cities first, then organisations."""
    return [*party_cities_of(user), *party_organisations_of(user)]


def acts_for(user, party) -> bool:
    """Whether a person acts for this city or organisation (the Secretariat acts for every one)."""
    if not user.is_authenticated or party is None:
        return False
    if user_is_secretariat(user):
        return True
    if isinstance(party, City):
        return user_holds_any(user, CITY_ROLES, city=party)
    return party.members.filter(user=user).exists()


def people_of(party) -> list:
    """The people to tell about something that concerns a city or an organisation."""
    if party is None:
        return []
    if isinstance(party, City):
        roles = role_list_current_for_city(city=party).filter(kind__in=CITY_ROLES, user__is_active=True)
        return list({role.user for role in roles})
    users = get_user_model().objects.filter(Q(organisation_memberships__organisation=party), is_active=True)
    return list(users.distinct())
