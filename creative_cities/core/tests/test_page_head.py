"""Every page tells search engines and sharing sites what it is: its canonical address, its versions in
the other languages (in full, with a default), and an Open Graph card that pages may fill in."""

import re

from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import translation


def meta(html: str, key: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return found.group(1) if found else ""


def test_a_page_names_its_canonical_address_and_each_language_version_in_full(anonymous, settings):
    settings.SITE_URL = "https://cities.example.org"
    html = anonymous.get("/fr/cities/?field=music&page=2").content.decode()
    assert '<link rel="canonical" href="https://cities.example.org/fr/cities/?page=2">' in html
    for code in ("en", "fr", "es"):
        expected = f'hreflang="{code}" href="https://cities.example.org/{code}/cities/?field=music&amp;page=2"'
        assert expected in html
    assert '<link rel="alternate" hreflang="x-default" href="https://cities.example.org/cities/">' in html


def test_the_address_without_a_language_leads_to_the_visitors_language(anonymous):
    response = anonymous.get("/cities/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302 and response["Location"] == "/es/cities/"


def test_a_page_has_a_sharing_card_with_its_title_its_description_and_the_site_picture(anonymous, settings):
    settings.SITE_URL = "https://cities.example.org"
    html = anonymous.get("/es/cities/").content.decode()
    title = re.search(r"<title>(.*?) · ", html).group(1)
    assert meta(html, "og:title") == title
    assert meta(html, "og:description") == meta(html, "description") != ""
    assert meta(html, "og:url") == "https://cities.example.org/es/cities/"
    assert re.fullmatch(
        r"https://cities\.example\.org/static/brand/share-card(\.[0-9a-f]+)?\.png", meta(html, "og:image")
    )
    assert meta(html, "og:locale") == "es_ES" and meta(html, "twitter:card") == "summary_large_image"


def test_a_page_may_give_its_own_sharing_title_and_picture(settings):
    from django.contrib.auth.models import AnonymousUser

    settings.SITE_URL = "https://cities.example.org"
    request = RequestFactory().get("/en/cities/lyon/")
    request.user = AnonymousUser()
    page = Template(
        '{% extends "base.html" %}{% block title %}Lyon &amp; music{% endblock %}'
        "{% block og_title %}Lyon, a city of media arts{% endblock %}"
        '{% block og_image %}<meta property="og:image" content="https://cities.example.org/media/lyon.webp">'
        "{% endblock %}"
    )
    with translation.override("en"):
        html = page.render(RequestContext(request, {}))
    assert "<title>Lyon &amp; music · Creative Cities Platform</title>" in html
    assert meta(html, "og:title") == "Lyon, a city of media arts"
    assert meta(html, "og:image") == "https://cities.example.org/media/lyon.webp"
    assert html.count('property="og:image"') == 1


def test_the_header_offers_the_review_queue_only_to_people_with_something_to_review(focal_point_lyon_user):
    from django.template.loader import render_to_string

    from creative_cities.core.templatetags.platform import nav_urls

    request = RequestFactory().get("/en/")
    with translation.override("en"):
        context = {"request": request, "user": focal_point_lyon_user, "nav": nav_urls(), "languages": []}
        quiet = render_to_string("components/site_header.html", context)
        waiting = render_to_string("components/site_header.html", {**context, "review_queue_count": 3})
    assert "To review" not in quiet
    assert (
        '<a class="review-link" href="/en/knowledge/review/">To review <span class="count-pill">3</span></a>' in waiting
    )
