"""Pictures of cities, knowledge items, projects and calls, for cards and for link previews.

    {% load covers %}
    <img src="{% cover_url item %}" alt="" width="1200" height="630">   a card's picture
    {% cover_band city %}                                                 the band atop a page
    {% block og_image %}{% og_image_meta project %}{% endblock %}         the page's <head>

A city's picture is its team's first image when it has one; anything else gets the
cover the platform draws in its field's colour (cover_views.py). Pass objects with
their ``fields`` prefetched (a city needs nothing): a card then costs no query.
"""

from django import template
from django.conf import settings

from creative_cities.cities import cover_views

register = template.Library()


def _absolute(context, url: str) -> str:
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL.rstrip("/") + url


@register.simple_tag
def cover_url(obj) -> str:
    """The picture of a city, item, project or call: a city team's first image, else the platform's cover (SVG)."""
    return cover_views.cover_url(obj)


@register.simple_tag(takes_context=True)
def og_image_url(context, obj) -> str:
    """The absolute address of the picture link previews show (the cover as PNG, or a city team's image)."""
    return _absolute(context, cover_views.og_image(obj)["url"])


@register.inclusion_tag("cities/partials/og_image.html", takes_context=True)
def og_image_meta(context, obj) -> dict:
    """The Open Graph and Twitter tags of the page's picture, for ``{% block og_image %}`` in <head>."""
    image = cover_views.og_image(obj)
    return {"image": {**image, "url": _absolute(context, image["url"])}}


@register.inclusion_tag("cities/partials/cover_band.html")
def cover_band(obj) -> dict:
    """A wide band of the object's picture atop its page: decorative (the page names the object)."""
    return {"url": cover_views.cover_url(obj)}
