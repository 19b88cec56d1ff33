"""Covers of cities, knowledge items, projects and calls: their addresses, and the views that serve them.

A cover is served at ``/covers/<kind>/<slug>.svg`` (pages) and ``.png`` (link previews).
Its address carries the cover's token (``?v=``): with the right token the answer may be
kept a year, since a change of field, colour or design changes the token, hence the
address. An object the visitor may not see has no cover for them either: a draft's
cover is a 404 to everyone but those who may read the draft, and is never kept by a
shared cache.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.urls import get_script_prefix, reverse

from creative_cities.board import selectors as board_selectors
from creative_cities.core.links import MARK, SAFE
from creative_cities.core.policies import public
from creative_cities.core.shortcuts import get_object_or_404_once
from creative_cities.knowledge import policies as knowledge_policies
from creative_cities.knowledge import selectors as knowledge_selectors
from creative_cities.projects import selectors as project_selectors

from . import selectors
from .covers import HEIGHT, NETWORK, NETWORK_COLOUR, WIDTH, Cover, cover_png, cover_svg
from .models import City

FORMATS = {"svg": "image/svg+xml", "png": "image/png"}
# The URL name of each kind of object's cover, by model.
KINDS = {
    "cities.city": "covers:city_cover",
    "knowledge.knowledgeitem": "covers:item_cover",
    "projects.project": "covers:project_cover",
    "board.call": "covers:call_cover",
}
A_YEAR = 365 * 24 * 3600
CACHE_SECONDS = 30 * 24 * 3600  # how long a drawing stays in the cache; the token keys it
hex_colour = re.compile(r"#[0-9a-fA-F]{6}")


def _field_code(obj) -> str | None:
    """The code of the field an object's cover is drawn for: a city's, or another object's first."""
    if isinstance(obj, City):
        return selectors.field_labels()[obj.field_id][0]
    tags = getattr(obj, "tags", None)
    if tags is not None:  # a project read by projects.selectors.project_page has its fields, in order, here
        return next((code for code, _name in tags["fields"]), None)
    # Prefetched ``fields`` serve a list of cards without a query each.
    fields = sorted(obj.fields.all(), key=lambda field: (field.position, field.code))
    return fields[0].code if fields else None


def cover_for(obj) -> Cover:
    """The cover of a city (its field) or of an item, a project or a call (its first field, by position).

    An object without a field gets the network's motif and colour; a field added without a
    motif of its own (covers.MOTIFS) gets the network's motif in its colour.
    """
    code = _field_code(obj)
    colour = selectors.field_colours().get(code, NETWORK_COLOUR) if code else NETWORK_COLOUR
    return Cover(code or NETWORK, colour if hex_colour.fullmatch(colour) else NETWORK_COLOUR, obj.slug)


@lru_cache(maxsize=32)
def _around(name: str, fmt: str, script_prefix: str) -> tuple[str, str]:
    """The address of a cover on either side of its slug: reversed once, not once per card (as core.links does)."""
    before, _mark, after = reverse(name, kwargs={"slug": MARK, "fmt": fmt}).partition(MARK)
    return before, after


def generated_cover_url(obj, fmt: str = "svg") -> str:
    """The address of the platform's cover of ``obj`` (a city, item, project or call), with its token."""
    before, after = _around(KINDS[obj._meta.label_lower], fmt, get_script_prefix())
    return f"{before}{quote(obj.slug, safe=SAFE)}{after}?v={cover_for(obj).token}"


def team_image(obj):
    """A city's first image, which its team chose to show, or None (and None for anything else).

    Read once per object: a page asks for it for its band and again for its preview.
    """
    if not isinstance(obj, City):
        return None
    if "_team_image" not in obj.__dict__:
        obj.__dict__["_team_image"] = next(iter(obj.images.all()), None)
    return obj.__dict__["_team_image"]


def cover_url(obj) -> str:
    """The picture of ``obj`` for a card or a page: its team's first image if it is a city with one, else its cover."""
    image = team_image(obj)
    return image.image.url if image is not None else generated_cover_url(obj)


def og_image(obj) -> dict:
    """What a link preview shows of ``obj``: a team's image as it is, else the cover's PNG (scrapers read no SVG)."""
    image = team_image(obj)
    if image is not None:
        return {"url": image.image.url, "width": image.width, "height": image.height, "type": "", "alt": image.alt}
    return {"url": generated_cover_url(obj, "png"), "width": WIDTH, "height": HEIGHT, "type": "image/png", "alt": ""}


def _body(cover: Cover, fmt: str) -> bytes:
    """The drawing, made once per token and format and kept in the cache (a PNG takes a few hundred ms)."""
    key = f"cover:{fmt}:{cover.token}"
    body = cache.get(key)
    if body is None:
        body = cover_svg(cover).encode() if fmt == "svg" else cover_png(cover)
        cache.set(key, body, CACHE_SECONDS)
    return body


def _matches(request, etag: str) -> bool:
    sent = request.headers.get("If-None-Match", "")
    return any(tag.strip().removeprefix("W/") in (etag, "*") for tag in sent.split(","))


def cover_response(request, cover: Cover, fmt: str, *, shared: bool) -> HttpResponse:
    """The cover as SVG or PNG, with an ETag; kept a year by browsers and shared caches when its address
    has the current token and the object is public (``shared``), revalidated each time otherwise."""
    if fmt not in FORMATS:
        raise Http404
    etag = f'"{cover.token}-{fmt}"'
    if not shared:
        cache_control = "private, no-cache"
    elif request.GET.get("v") == cover.token:
        cache_control = f"public, max-age={A_YEAR}, immutable"
    else:
        cache_control = "public, max-age=3600"
    if _matches(request, etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(_body(cover, fmt), content_type=FORMATS[fmt])
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


@public
def city_cover(request, slug: str, fmt: str):
    city = get_object_or_404(selectors.city_queryset(), slug=slug)
    return cover_response(request, cover_for(city), fmt, shared=True)


@public
def item_cover(request, slug: str, fmt: str):
    """Like the item's page: a draft's cover exists only for those who may read the draft."""
    item = get_object_or_404_once(request, knowledge_selectors.item_list(published_only=False), slug=slug)
    if not knowledge_policies.can_see_item(request.user, item):
        raise Http404
    return cover_response(request, cover_for(item), fmt, shared=item.is_published)


@public
def project_cover(request, slug: str, fmt: str):
    project = get_object_or_404(project_selectors.project_queryset().prefetch_related("fields"), slug=slug)
    return cover_response(request, cover_for(project), fmt, shared=True)


@public
def call_cover(request, slug: str, fmt: str):
    call = get_object_or_404(board_selectors.call_queryset(), slug=slug)
    return cover_response(request, cover_for(call), fmt, shared=True)
