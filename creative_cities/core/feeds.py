"""The base of every RSS and Atom feed: what people typed reaches feed readers as text, never as markup.

RSS readers render an item's title and description as HTML, and Atom declares its
summary `type="html"`; the feed generator only escapes for XML, so a summary holding
`<script>` would arrive as a live tag once the reader decodes the XML. `TextFeed`
escapes those fields as HTML first. Text already marked safe (a template rendered
with autoescaping, Markdown sanitised and marked safe) is kept as it is.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import ImproperlyConfigured
from django.utils.feedgenerator import Atom1Feed, RssFeed, SyndicationFeed
from django.utils.html import conditional_escape

# The fields each format has readers render as HTML: (the feed's own, each item's).
# Atom's titles and subtitle carry no type, so they are text and escaping them would
# show "&amp;" to readers.
HTML_FIELDS: dict[type[SyndicationFeed], tuple[tuple[str, ...], tuple[str, ...]]] = {
    RssFeed: (("title", "description"), ("title", "description")),
    Atom1Feed: ((), ("description",)),
}


def html_fields(feed_type: type[SyndicationFeed]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of the feed and of its items that a format declares as HTML; unknown formats are refused."""
    for base, fields in HTML_FIELDS.items():
        if issubclass(feed_type, base):
            return fields
    raise ImproperlyConfigured(f"{feed_type.__name__}: say which of its fields are HTML in core.feeds.HTML_FIELDS")


class TextFeed(Feed):
    """A feed whose titles and descriptions are plain text, escaped wherever the format reads HTML."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed_fields, item_fields = html_fields(type(feed))
        for name in feed_fields:
            if feed.feed.get(name) is not None:
                feed.feed[name] = conditional_escape(feed.feed[name])
        for item in feed.items:
            for name in item_fields:
                if item.get(name) is not None:
                    item[name] = conditional_escape(item[name])
        return feed
