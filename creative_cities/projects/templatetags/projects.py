"""The "Projects" section of a city's or an organisation's page, without touching their views."""

from django import template

from creative_cities.cities.models import City

from .. import selectors

register = template.Library()

LIMIT = 10


@register.inclusion_tag("projects/partials/party_projects.html")
def party_projects(party):
    """The projects a city or organisation leads or partners, newest first, with a link to all of them."""
    projects = selectors.project_list_for_party(party=party, limit=LIMIT + 1)
    filter_name = "city" if isinstance(party, City) else "organisation"
    return {
        "party": party,
        "projects": projects[:LIMIT],
        "more": len(projects) > LIMIT,
        "filter_name": filter_name,
    }
