"""``{% recommendation_teaser project %}``: the best few suggestions for a project, a call or a city, and a link."""

from django import template
from django.urls import reverse

from creative_cities.board.models import Call
from creative_cities.cities.models import City
from creative_cities.projects.models import Project

from .. import selectors

register = template.Library()
PAGES = {Project: "project_recommendations", Call: "call_recommendations", City: "city_recommendations"}


@register.inclusion_tag("matchmaking/recommendations_teaser.html")
def recommendation_teaser(subject, limit: int = 3):
    page = PAGES.get(type(subject))
    if page is None:
        return {"teaser_items": []}
    found = selectors.recommend(subject=subject, limit=limit)
    return {
        "teaser_items": found.items[:limit],
        "teaser_url": reverse(f"matchmaking:{page}", kwargs={"slug": subject.slug}),
    }
