"""The feeds carry items' texts as text: a feed reader shows them, it never runs them."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest

from creative_cities.knowledge import services

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = "Night <b>buses</b> & <img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = "Readings <script>alert('feed')</script> aloud <img src=x onerror=alert(2)> & more"


class _Rendering(HTMLParser):
    """What a feed reader makes of an HTML text: the tags it would build and the text it would show."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.shown = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.shown += data


def _xml(response):
    """The feed as a reader's XML parser decodes it (the platform's own output, hence no defusedxml)."""
    return ElementTree.fromstring(response.content)  # noqa: S314


@pytest.fixture
def hostile_item(draft, focal_point_lyon_user, coordinator_literature):
    services.item_update(
        item=draft,
        by=focal_point_lyon_user,
        data={"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY},
        relations={},
    )
    return services.item_publish(item=draft, by=coordinator_literature)


def test_the_rss_feed_shows_a_hostile_summary_and_title_as_text(anonymous, hostile_item):
    response = anonymous.get("/en/knowledge/feed/rss/")
    item = _xml(response).find("channel/item")
    # RSS readers render both the title and the description as HTML.
    for element, original in ((item.find("title"), HOSTILE_TITLE), (item.find("description"), HOSTILE_SUMMARY)):
        rendering = _Rendering(element.text)
        assert rendering.tags == []
        assert rendering.shown == original


def test_the_atom_feed_shows_a_hostile_summary_as_text(anonymous, hostile_item):
    response = anonymous.get("/en/knowledge/feed/atom/")
    entry = _xml(response).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    rendering = _Rendering(summary.text)
    assert rendering.tags == []
    assert rendering.shown == HOSTILE_SUMMARY
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text"  # shown as typed, never parsed as HTML
    assert title.text == HOSTILE_TITLE
