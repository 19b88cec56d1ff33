"""Reads of the cooperation graph: its nodes (member cities) and its relations, in a few queries.

A relation is one reason two cities are linked: a project both take part in, an
accepted expression of interest, a practice one adapted from the other. The graph
module adds relations up into edges. How they are counted:

- projects (seeking partners, active or completed; not ideas, not cancelled): every
  pair of cities taking part, the lead city, the partner cities and the member cities
  of the lead organisation and of partner organisations, once per project. A city
  present twice (itself and through an organisation) counts once, from its earliest
  date. Year: the later of the two arrivals (a partner's joined_on; the lead's is the
  project's start, or when none is set, its creation or its first partner's arrival,
  whichever came first).
- accepted expressions of interest: the call's publisher and the party that answered
  (an organisation stands for its member city). Year: when it was accepted. When the
  acceptance made a partnership, that pair in that project is counted as the interest
  only, never a second time as the project.
- practice adaptations: a published item adapted from another city's item links the
  two owner cities. Year: when the adaptation was published.

Only member cities are nodes; relations with a former member or a place outside the
network (an organisation with no member city) are left out.
"""

from collections import OrderedDict
from threading import Lock
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Q

from creative_cities.board.choices import InterestStatus
from creative_cities.board.models import Call, Interest
from creative_cities.cities.choices import CityStatus
from creative_cities.cities.models import City, Country, CreativeField, Region
from creative_cities.cities.selectors import registry_cached
from creative_cities.core import versions
from creative_cities.knowledge.choices import ItemStatus
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.organisations.models import Organisation
from creative_cities.projects.models import Project, ProjectPartner

from .choices import PROJECT_STATUSES_COUNTED, EdgeKind

SOURCE_MODELS = (City, Country, Region, Organisation, Project, ProjectPartner, Call, Interest, KnowledgeItem)


class Relation(NamedTuple):
    """One reason two cities are linked: ``a`` < ``b`` (city ids), its kind, its year and its source.

    A tuple, so that graph.compute takes these rows as they are (thousands are made per computation).
    ``source`` is the key of the project, the accepted interest or the adapted item that makes it.
    """

    a: int
    b: int
    kind: str
    year: int
    source: int | None = None


def source_version() -> str:
    """A token that changes when any table the graph is built from changes (the "cooperation" set of
    ``core.versions``): the figures are cached under it, so an edit anywhere shows at the next request.
    """
    return versions.version("cooperation")


def node_list() -> list[dict]:
    """The member cities, as plain rows: the graph's nodes, ordered by name (a stable order)."""
    rows = (
        City.objects.filter(status=CityStatus.MEMBER)
        .order_by("name", "pk")
        .values_list("pk", "slug", "name", "country__iso2", "country__region__code", "field__code")
    )
    keys = ("id", "slug", "name", "country", "region", "field")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _pair(first: int | None, second: int | None) -> tuple[int, int] | None:
    if first is None or second is None or first == second:
        return None
    return (first, second) if first < second else (second, first)


def _interest_relations(where: Q | None = None) -> tuple[list[Relation], set[tuple]]:
    """Accepted interests (those ``where`` says), and the (project, pair) keys of the partnerships they made."""
    rows = Interest.objects.filter(where or Q(), status=InterestStatus.ACCEPTED).values_list(
        "pk",
        "city_id",
        "organisation__member_city_id",
        "call__city_id",
        "call__organisation__member_city_id",
        "decided_at__year",  # in the database, in the site's time zone
        "created_at__year",
        "partner__project_id",
    )
    relations, claimed = [], set()
    for key, city, org_city, call_city, call_org_city, decided_year, created_year, project in rows:
        pair = _pair(city or org_city, call_city or call_org_city)
        if pair is None:
            continue
        relations.append(Relation(*pair, EdgeKind.INTEREST.value, decided_year or created_year, key))
        if project is not None:
            claimed.add((project, pair))
    return relations, claimed


def _project_relations(claimed: set[tuple], projects=None) -> list[Relation]:
    """Every pair of cities in each counted project (of ``projects`` if given), except the pairs an accepted
    interest made."""
    arrivals: dict[int, dict[int, object]] = {}  # project -> city -> earliest date

    def arrive(project: int, city: int | None, on) -> None:
        if city is None:
            return
        cities = arrivals.setdefault(project, {})
        if city not in cities or on < cities[city]:
            cities[city] = on

    partners = ProjectPartner.objects.filter(project__status__in=PROJECT_STATUSES_COUNTED)
    leads = Project.objects.filter(status__in=PROJECT_STATUSES_COUNTED)
    if projects is not None:
        partners, leads = partners.filter(project__in=projects), leads.filter(pk__in=projects)
    partners = partners.values_list("project_id", "city_id", "organisation__member_city_id", "joined_on")
    first_joined: dict[int, object] = {}
    for project, city, org_city, joined_on in partners:
        arrive(project, city or org_city, joined_on)
        first_joined[project] = min(joined_on, first_joined.get(project, joined_on))
    leads = leads.values_list("pk", "lead_city_id", "lead_organisation__member_city_id", "start_on", "created_at__date")
    for project, city, org_city, start_on, created_on in leads:
        # The lead is there from the start: the project's start date, or else its earliest
        # trace (its creation, or a partner recorded as joining before it was created).
        on = start_on or min(created_on, first_joined.get(project, created_on))
        arrive(project, city, on)
        arrive(project, org_city, on)
    relations = []
    for project, cities in arrivals.items():
        members = sorted(cities)
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                if (project, (first, second)) in claimed:
                    continue
                year = max(cities[first], cities[second]).year
                relations.append(Relation(first, second, EdgeKind.PROJECT.value, year, project))
    return relations


def _adaptation_relations(where: Q | None = None) -> list[Relation]:
    rows = KnowledgeItem.objects.filter(
        where or Q(), status=ItemStatus.PUBLISHED, adapted_from__isnull=False, owner_city__isnull=False
    ).values_list("pk", "owner_city_id", "adapted_from__owner_city_id", "published_at__year", "start_year")
    relations = []
    for key, city, original_city, published_year, start_year in rows:
        pair = _pair(city, original_city)
        if pair is not None:
            year = published_year or start_year
            if year:
                relations.append(Relation(*pair, EdgeKind.ADAPTATION.value, year, key))
    return relations


def relation_list(*, members: set[int] | None = None) -> list[Relation]:
    """Every relation between two member cities (four queries; ``members`` saves a fifth)."""
    if members is None:
        members = set(City.objects.filter(status=CityStatus.MEMBER).values_list("pk", flat=True))
    interests, claimed = _interest_relations()
    relations = [*_project_relations(claimed), *interests, *_adaptation_relations()]
    return [r for r in relations if r.a in members and r.b in members]


def city_relation_list(city: int, *, members: set[int], year: int | None = None, kinds=()) -> list[Relation]:
    """The relations of one member city with other members, counted as for the whole graph, with their sources.

    Reads only what concerns the city (four queries): the projects, interests and
    adaptations it takes part in. ``year`` and ``kinds`` filter as graph.compute does.
    """
    projects = (
        Project.objects.filter(status__in=PROJECT_STATUSES_COUNTED)
        .filter(
            Q(lead_city=city)
            | Q(lead_organisation__member_city=city)
            | Q(partners__city=city)
            | Q(partners__organisation__member_city=city)
        )
        .values("pk")
    )
    interests, claimed = _interest_relations(
        Q(city=city) | Q(organisation__member_city=city) | Q(call__city=city) | Q(call__organisation__member_city=city)
    )
    adaptations = _adaptation_relations(Q(owner_city=city) | Q(adapted_from__owner_city=city))
    wanted = set(kinds)
    return [
        relation
        for relation in [*_project_relations(claimed, projects), *interests, *adaptations]
        if city in (relation.a, relation.b)
        and relation.a in members
        and relation.b in members
        and (year is None or relation.year <= year)
        and (not wanted or relation.kind in wanted)
    ]


def relation_sources(relations: list[Relation]) -> dict[tuple[str, int], tuple[str, str]]:
    """The slug and title of what makes each relation, by (kind, source): a project, a call, an item."""
    keys: dict[str, set[int]] = {}
    for relation in relations:
        keys.setdefault(relation.kind, set()).add(relation.source)
    reads = {
        EdgeKind.PROJECT.value: Project.objects.values_list("pk", "slug", "title"),
        EdgeKind.INTEREST.value: Interest.objects.values_list("pk", "call__slug", "call__title"),
        EdgeKind.ADAPTATION.value: KnowledgeItem.objects.values_list("pk", "slug", "title"),
    }
    sources = {}
    for kind, wanted in keys.items():
        for key, slug, title in reads[kind].filter(pk__in=wanted):
            sources[kind, key] = (slug, title)
    return sources


def labels() -> dict[str, dict[str, str]]:
    """Names of countries, regions and fields in the reader's language, by code; cached per registry version."""

    def build():
        return {
            "countries": {c.iso2: c.name for c in Country.objects.only("iso2", "name_en", "name_fr", "name_es")},
            "regions": {r.code: r.name for r in Region.objects.order_by("position", "code")},
            "fields": {f.code: f.name for f in CreativeField.objects.all()},
        }

    return registry_cached("cooperation-labels", build)


# The last figures this process computed or read, by key: a cache hit then costs no
# unpickling of a megabyte or two. Keys hold the sources' version, so an entry is never stale.
_MEMO: OrderedDict = OrderedDict()
_MEMO_SIZE = 8
_MEMO_LOCK = Lock()


def cached(key: str, build, timeout: int = 3600, *, memo: bool = True):
    """``build()`` under ``key`` in this process's memo and the cache; the caller puts the sources' version in the key.

    ``memo=False`` keeps it in the cache only: for the many small values (one per city)
    that would push the network's figures out of the memo. What comes back is shared:
    callers make new dicts rather than change it.
    """
    with _MEMO_LOCK:
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _MEMO[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if not memo:
        return value
    with _MEMO_LOCK:
        _MEMO[key] = value
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return value


def memo_clear() -> None:
    """Forget the figures this process holds (tests and the benchmark's cold runs)."""
    with _MEMO_LOCK:
        _MEMO.clear()


def graph_figures(*, year: int | None = None, kinds=None) -> dict:
    """The graph's figures (see graph.compute), up to ``year`` and of ``kinds`` if given.

    Cached under the sources' version: the first request after any change reads the
    sources again (five queries) and computes; the others ask only the version (one query).
    """
    from . import graph

    kinds = sorted(set(kinds or []))  # a kind named twice is the same filter (and the same cache key)
    key = f"cooperation:{source_version()}:{year or ''}:{','.join(kinds)}"

    def build():
        nodes = node_list()
        relations = relation_list(members={node["id"] for node in nodes})
        figures = graph.compute(nodes, relations, year=year, kinds=kinds)
        figures["key"] = key
        return figures

    return cached(key, build)


def graph_layout(figures: dict) -> dict:
    """Where the picture places each linked city and each community (layout.network_layout), cached with the
    figures it draws."""
    from . import layout

    return cached(f"{figures['key']}:layout", lambda: layout.network_layout(figures["cities"], figures["edges"]))


def city_figures(figures: dict, *, slug: str) -> dict | None:
    """One member city's figures from the graph's, or None when it is not a member."""
    return next((city for city in figures["cities"] if city["slug"] == slug), None)
