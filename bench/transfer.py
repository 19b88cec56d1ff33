"""What a first visit to a page transfers: the compressed HTML and every asset it loads.

The page comes through Django's test client with ``Accept-Encoding: gzip`` (so
GZipMiddleware compresses it as it would for a browser). Static assets are read from
STATIC_ROOT as collectstatic left them: whitenoise serves the precompressed ``.gz``
file when there is one, and the file as is when it is not worth compressing. Only
response bodies are counted, not HTTP headers.
"""

import gzip
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.test import Client
from whitenoise.compress import Compressor

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
# <link rel=...> values that make the browser fetch the target on load.
FETCHED_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}


@dataclass
class Asset:
    url: str
    kind: str
    raw: int
    transferred: int


class AssetParser(HTMLParser):
    """Collects the URLs a browser loads by itself while it renders the page."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and FETCHED_RELS & set((attrs.get("rel") or "").lower().split()):
            self._add(attrs.get("href"), "css" if "stylesheet" in attrs["rel"].lower() else "link")
        elif tag == "script":
            self._add(attrs.get("src"), "js")
        elif tag in {"img", "source", "iframe", "embed", "audio", "video"}:
            self._add(attrs.get("src"), tag)
            self._add(attrs.get("poster"), tag)
        elif tag == "image":  # SVG
            self._add(attrs.get("href") or attrs.get("xlink:href"), "svg image")
        elif tag == "object":
            self._add(attrs.get("data"), "object")

    handle_startendtag = handle_starttag

    def _add(self, url, kind):
        if url:
            self.urls.append((url, kind))


def _same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def _static_file(path: str) -> Path | None:
    if not path.startswith(settings.STATIC_URL):
        return None
    return Path(settings.STATIC_ROOT) / path[len(settings.STATIC_URL) :]


def _compressed_size(file: Path, data: bytes) -> int:
    """The size whitenoise sends to a client that accepts gzip."""
    precompressed = file.with_name(file.name + ".gz")
    if precompressed.exists():
        return precompressed.stat().st_size
    if not Compressor(quiet=True).should_compress(file.name):
        return len(data)  # images and fonts that are compressed already
    return min(len(data), len(gzip.compress(data, compresslevel=9)))


def _fetch(client: Client, url: str) -> tuple[bytes, int]:
    """The body of a same-origin URL and its size on the wire: (raw bytes, transferred)."""
    path = urlsplit(url).path
    file = _static_file(path)
    if file is not None:
        if not file.is_file():
            raise FileNotFoundError(f"{url} is not in STATIC_ROOT ({file}); did collectstatic run?")
        data = file.read_bytes()
        return data, _compressed_size(file, data)
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    raw = gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body
    return raw, len(body)


def page_transfer(path: str) -> list[Asset]:
    """The page at ``path`` and every same-origin asset it pulls in, CSS imports included."""
    client = Client()
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    compressed = response.get("Content-Encoding") == "gzip"
    html = gzip.decompress(response.content) if compressed else response.content
    assets = [Asset(path, "html" + ("" if compressed else " (not compressed!)"), len(html), len(response.content))]

    parser = AssetParser()
    parser.feed(html.decode("utf-8"))
    queue = [(urljoin(path, url), kind) for url, kind in parser.urls]
    seen: set[str] = set()
    while queue:
        url, kind = queue.pop(0)
        url = url.split("#")[0]
        if not url or not _same_origin(url) or url in seen:
            continue
        seen.add(url)
        data, transferred = _fetch(client, url)
        assets.append(Asset(url, kind, len(data), transferred))
        if kind == "css":
            for match in CSS_URL.finditer(data.decode("utf-8", "replace")):
                ref = match.group(1) or match.group(2)
                if not ref.startswith("data:"):
                    queue.append((urljoin(url, ref), "css" if match.group(2) else "css asset"))
    return assets
