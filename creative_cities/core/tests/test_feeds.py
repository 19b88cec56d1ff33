"""Every feed of the platform escapes what people typed for the HTML that feed readers render."""

import pytest
from django.contrib.syndication.views import Feed
from django.core.exceptions import ImproperlyConfigured
from django.urls import get_resolver
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from creative_cities.core.feeds import TextFeed, html_fields
from tests.platform.test_policies import walk


def test_every_feed_of_the_platform_is_a_text_feed():
    feeds = {name: view for name, view in walk(get_resolver().url_patterns) if isinstance(view, Feed)}
    assert {"knowledge:feed_rss", "knowledge:feed_atom"} <= set(feeds)
    assert [name for name, view in feeds.items() if not isinstance(view, TextFeed)] == []


def test_rss_escapes_titles_and_descriptions_and_atom_its_summaries_only():
    assert html_fields(Rss201rev2Feed) == (("title", "description"), ("title", "description"))
    assert html_fields(Atom1Feed) == ((), ("description",))


def test_a_format_that_does_not_say_which_fields_are_html_is_refused():
    class JsonFeed(SyndicationFeed):
        pass

    with pytest.raises(ImproperlyConfigured):
        html_fields(JsonFeed)
