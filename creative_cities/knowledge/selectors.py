"""Reads of the knowledge base."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from creative_cities.cities import selectors as city_selectors
from creative_cities.core import versions
from creative_cities.core.models import current_language
from creative_cities.core.text import fold
from creative_cities.frameworks import selectors as framework_selectors
from creative_cities.search.lexical import STOP_WORDS

from .choices import ItemKind, ItemStatus
from .models import ItemTranslation, KnowledgeItem


def item_list(*, published_only: bool = True) -> QuerySet[KnowledgeItem]:
    items = KnowledgeItem.objects.select_related("owner_city__country__region", "adapted_from__owner_city")
    if published_only:
        items = items.filter(status=ItemStatus.PUBLISHED)
    return items


def item_queryset() -> QuerySet[KnowledgeItem]:
    """Items, whatever their status, with everything an item's page shows: to pick one from."""
    return item_list(published_only=False).prefetch_related(
        "cities__country",
        "fields",
        "objectives",
        "areas",
        "sdg_goals",
        "sdg_targets__goal",
        "partners",
        "figures",
        "links",
        "attachments",
        Prefetch("translations", queryset=ItemTranslation.objects.order_by("language")),
        "adaptations__owner_city",
    )


def item_get(*, slug: str) -> KnowledgeItem:
    """One item with everything its page shows."""
    return item_queryset().get(slug=slug)


def items_by_ids(ids) -> dict[int, KnowledgeItem]:
    """Published items by id, for search results: with their owner city, and nothing else to fetch.

    A page of hits shows each item's kind, city and demo mark. The status is checked
    here rather than in SQL, where SQLite may prefer the status index to the primary
    key and read every published item (13 ms at 50,000 instead of 1).
    """
    items = KnowledgeItem.objects.filter(pk__in=list(ids)).select_related("owner_city").order_by()
    return {item.pk: item for item in items if item.status == ItemStatus.PUBLISHED}


def item_list_for_city(*, city) -> QuerySet[KnowledgeItem]:
    return item_list().filter(cities=city).distinct().prefetch_related("fields")


def item_list_for_field(*, field) -> QuerySet[KnowledgeItem]:
    return item_list().filter(fields=field).distinct().select_related("owner_city").prefetch_related("fields")


def _waiting_for(user) -> QuerySet[KnowledgeItem] | None:
    """Items waiting for review that this person may review, or None if they review nothing.

    Roles come from the person's memo (read once per request), so this costs no query.
    """
    from creative_cities.accounts.choices import FIELD_ROLES
    from creative_cities.accounts.selectors import user_field_ids, user_is_secretariat

    items = KnowledgeItem.objects.filter(status=ItemStatus.SUBMITTED)
    if user_is_secretariat(user):
        return items
    fields = user_field_ids(user, FIELD_ROLES)
    return items.filter(fields__in=fields) if fields else None


def item_list_to_review(*, user) -> QuerySet[KnowledgeItem]:
    """Items waiting for review that this person may review: all for the Secretariat, their fields' for coordinators."""
    waiting = _waiting_for(user)
    if waiting is None:
        return KnowledgeItem.objects.none()
    ids = waiting.values("pk")
    return item_list(published_only=False).filter(pk__in=ids).prefetch_related("fields").order_by("submitted_at")


def item_count_to_review(*, user) -> int:
    """How many items wait for this person's review: one query for those who review, none for anyone else."""
    waiting = _waiting_for(user)
    return 0 if waiting is None else waiting.values("pk").distinct().count()


def item_list_for_team(*, cities) -> QuerySet[KnowledgeItem]:
    """Everything a city team wrote, whatever its status."""
    return item_list(published_only=False).filter(owner_city__in=cities).order_by("-updated_at")


def transfer_counts() -> dict:
    """Practices adapted from another city's, counted by the city, field and region they came from and went to."""
    adapted = item_list().filter(adapted_from__isnull=False, adapted_from__status=ItemStatus.PUBLISHED)
    total = adapted.count()

    def by(path: str, label: str):
        rows = adapted.values(path, label).annotate(count=Count("pk", distinct=True)).order_by("-count", label)
        return [(row[label], row["count"]) for row in rows if row[path] is not None]

    from creative_cities.cities.models import CreativeField, Region

    regions = {region.code: region.name for region in Region.objects.all()}
    fields = {field.code: field.name for field in CreativeField.objects.all()}

    def named(rows, names):
        return [(names.get(code, code), count) for code, count in rows]

    return {
        "total": total,
        "from_cities": by("adapted_from__owner_city", "adapted_from__owner_city__name"),
        "to_cities": by("owner_city", "owner_city__name"),
        "from_regions": named(
            by("adapted_from__owner_city__country__region", "adapted_from__owner_city__country__region__code"), regions
        ),
        "to_regions": named(by("owner_city__country__region", "owner_city__country__region__code"), regions),
        "fields": named(by("fields", "fields__code"), fields),
    }


def item_form_choices() -> dict:
    """What the item form offers to choose from (its pages and the API validate with the same)."""
    return {
        "cities": city_selectors.city_list(status="all").order_by("name"),
        "fields": city_selectors.creative_fields(),
        "objectives": framework_selectors.objective_list(),
        "areas": framework_selectors.area_list(),
        "sdg_goals": framework_selectors.sdg_goal_list(),
        "sdg_targets": framework_selectors.sdg_target_list(),
        "adapted_from": item_list().order_by("title"),
    }


# "Did you mean": a query word is taken for a misspelt city or country name when difflib finds
# it close to the name (its ratio, on folded text, at least SPELLING_CUTOFF), both start with
# the same letter (people seldom miss the first), and one letter is wrong, missing, extra or
# swapped with the next, two in words of nine letters or more. Ratio alone takes ordinary
# words for names ("urban" for Durban, "creative" for Croatie).
SPELLING_CUTOFF = 0.8
SPELLING_MIN_LENGTH = 4  # shorter words are too near too many names
SPELLING_TWO_EDITS_FROM = 9  # letters
LONGEST_NAME = 3  # words: "Buenos Aires", "Santa Maria da Feira"…


@dataclass(frozen=True)
class Correction:
    """A query with misspelt place names put right: ``query`` to search, ``names`` the names put in."""

    query: str
    names: tuple[str, ...]


def place_names() -> list[str]:
    """The names of the member cities and of their countries, in the interface's language first, then the others.

    Kept per registry version and language: the words a misspelt query is compared with.
    """

    def build() -> list[str]:
        from creative_cities.cities.choices import CityStatus
        from creative_cities.cities.models import City, Country
        from creative_cities.core.models import current_language

        members = City.objects.filter(status=CityStatus.MEMBER)
        language = current_language()
        others = [code for code in ("en", "fr", "es") if code != language]
        countries = Country.objects.filter(cities__in=members).distinct()
        names = list(members.values_list("name", flat=True).order_by("name"))
        for code in (language, *others):
            names += countries.values_list(f"name_{code}", flat=True).order_by(f"name_{code}")
        return list(dict.fromkeys(name for name in names if name))

    return versions.cached(["registry"], "knowledge:place-names", build)


def query_correction(query: str, names: Iterable[str]) -> Correction | None:
    """The query with each word (or run of up to three words) that is close to one of ``names`` but
    not one of them replaced by that name; None when nothing needs putting right. Words of the
    names and the search's stop words ("para", "de") are never taken for misspellings.

    Accents and case do not count ("senegal" is "Sénégal"); where several names fold alike,
    the first one given wins, so callers list the names of the reader's language first.
    """
    by_length: dict[int, dict[str, str]] = {}
    known_words: set[str] = set()
    for name in names:
        folded = fold(name)
        words = folded.split()
        if words:
            by_length.setdefault(len(words), {}).setdefault(folded, name)
            known_words.update(words)
    words, kept, put_in = query.split(), [], []
    position = 0
    while position < len(words):
        for size in range(min(LONGEST_NAME, len(words) - position), 0, -1):
            span = " ".join(words[position : position + size])
            folded = fold(span)
            candidates = by_length.get(size, {})
            if folded in candidates or (size == 1 and (folded in known_words or folded in STOP_WORDS)):
                continue
            if not folded.replace(" ", "").isalpha():
                continue
            if len(folded.replace(" ", "")) < SPELLING_MIN_LENGTH:
                continue
            name = _misspelt_name(folded, candidates)
            if name:
                kept.append(name)
                put_in.append(name)
                position += size
                break
        else:
            kept.append(words[position])
            position += 1
    return Correction(" ".join(kept), tuple(put_in)) if put_in else None


def _misspelt_name(folded: str, names: dict[str, str]) -> str | None:
    """The name (of ``names``, folded to name) that ``folded`` misspells, if one does."""
    letters = len(folded.replace(" ", ""))
    allowed = 2 if letters >= SPELLING_TWO_EDITS_FROM else 1
    same_start = [name for name in names if name[0] == folded[0] and abs(len(name) - len(folded)) <= allowed]
    for close in difflib.get_close_matches(folded, same_start, n=3, cutoff=SPELLING_CUTOFF):
        if _edits(folded, close) <= allowed:
            return names[close]
    return None


def _edits(a: str, b: str) -> int:
    """Letters to change, add, remove or swap with the next to make ``a`` into ``b`` (optimal string alignment)."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


def query_suggestion(query: str) -> Correction | None:
    """ "Did you mean": the query with misspelt city and country names put right, or None."""
    return query_correction(query, place_names()) if query.strip() else None


# The search page, when it looks in everything: the cities found come as a few cards above the
# list of practices, policies and publications, which keeps its pages.
CITY_CARDS = 4
# A query that finds fewer results than this is offered its misspelt place names put right.
FEW_RESULTS = 20


@dataclass
class SearchPage:
    """What the search page shows: ``results`` its list (and pages), ``cities`` the cards above it."""

    results: Any  # search.selectors.SearchResults
    cities: list  # the first cities found (search.selectors.Hit), when the list holds something else
    city_total: int
    total: int  # results.total + city_total
    facets: dict[str, list[tuple[str, int]]]
    suggestion: Correction | None


def search_page(
    *, query: str, within: str, filters: dict, mode: str, sort: str, page: int, page_size: int
) -> SearchPage:
    """The search page's results: ``within`` "items", "cities" or "all" (items listed, cities as cards).

    Looking in everything, the facets count items and cities alike, as the search's CSV does.
    """
    from creative_cities.search.selectors import search

    arguments = {"query": query, "filters": filters, "mode": mode, "sort": sort}
    # Published monitoring reports are listed with the items: they tell what a city did, as practices do.
    listed = {"items": ["knowledge", "report"], "cities": ["city"], "all": ["knowledge", "report"]}[within]
    results = search(**arguments, kinds=listed, page=page, page_size=page_size)
    cities, city_total, facets = [], 0, results.facets
    if within == "all":
        found = search(**arguments, kinds=["city"], page=1, page_size=CITY_CARDS)
        cities, city_total = found.hits, found.total
        facets = _facets_added(results.facets, found.facets)
    total = results.total + city_total
    suggestion = query_suggestion(query) if total < FEW_RESULTS else None
    return SearchPage(results, cities, city_total, total, facets, suggestion)


def _facets_added(*counts: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Facet counts of disjoint sets of objects, added up, most frequent first."""
    added: dict[str, dict[str, int]] = {}
    for facets in counts:
        for name, values in facets.items():
            for value, count in values:
                added.setdefault(name, {})[value] = added.get(name, {}).get(value, 0) + count
    return {name: sorted(values.items(), key=lambda vc: (-vc[1], vc[0])) for name, values in added.items()}


def item_cards_latest(*, limit: int = 3) -> list[dict]:
    """The latest published items, newest first, as cards: title and summary in the reader's language when
    translated (else as written, with their language), kind, city, date, SDGs, demo mark.

    Four queries whatever ``limit``: the items, then their fields (for the cover), SDGs and
    translation into the reader's language. ``object`` is the item, for ``{% cover_url %}``.
    """
    language = current_language()
    items = (
        item_list()
        .order_by("-published_at", "-pk")
        .prefetch_related(
            "fields", "sdg_goals", Prefetch("translations", queryset=ItemTranslation.objects.filter(language=language))
        )[:limit]
    )
    kinds = dict(ItemKind.choices)
    cards = []
    for item in items:
        shown = item.translation(language)
        cards.append(
            {
                "object": item,
                "url": item.get_absolute_url(),
                "title": shown.title if shown else item.title,
                "summary": shown.summary if shown else item.summary,
                "language": shown.language if shown else item.language,
                "kind": kinds.get(item.kind, item.kind),
                "place": item.owner_city.name if item.owner_city else "",
                "date": item.published_at,
                "sdg_goals": list(item.sdg_goals.all()),
                "is_demo": item.is_demo,
            }
        )
    return cards


def practice_count() -> int:
    """How many good practices are published."""
    return item_list().filter(kind=ItemKind.PRACTICE).count()
