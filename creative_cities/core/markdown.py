"""People write in Markdown; pages show sanitised HTML.

CommonMark is rendered without raw HTML, then the output is cleaned by an
allow-list (nh3), so that neither a crafted link nor an inline tag can run script.
Links leave with rel="nofollow noopener"; images are not allowed in text (they are
attachments, checked by the uploads module).
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    """HTML for ``text``; headings start at h2 because the page's title is the h1."""
    html = _renderer.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
    )
    return mark_safe(clean)  # noqa: S308 - cleaned by nh3 just above


def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without its markup, for search and summaries."""
    return nh3.clean(_renderer.render(text or ""), tags=set()).replace("&amp;", "&").strip()
