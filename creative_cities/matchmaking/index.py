"""The candidates of matchmaking as numpy arrays, and who already worked with whom, held by each process.

A recommendation compares one subject with every candidate (405 cities and tens of
thousands of organisations and practices), so each candidate's facts are rows of
arrays: its vector, its creative fields, SDGs and writing languages as boolean columns,
its region and country, and its *party* (a city or an organisation; a practice's party
is the city that owns it) for the cooperation graph. Scoring is then a few array
operations (see ``selectors``).

What a candidate "does" is read from the texts and links it has in the network (the
platform has no declared interests of cities or organisations):
- its *activity*: the knowledge items it published (cities), the projects it led or
  joined, the calls it published and the calls it answered (not withdrawn);
- a city's fields are its designation field (as a candidate: what it does shows in its
  texts; as a subject it also *wants* the fields of its activity, see ``subjects``); an
  organisation's are those of its activity (its member city's field when it has none);
  a practice's are its own;
- SDGs and writing languages of a city or an organisation are those of its projects,
  published calls and (cities) knowledge items;
- its *texts*: an organisation's or a practice's text is itself; a city's are its
  description (when it has one), the knowledge items it published and the projects it
  took part in. A city's entry in the registry (its name, country and field) is not
  compared: alone it would make every city of a country or a field look alike, and the
  field and the country are counted apart. Each text is a unit vector (the mean of its
  documents' vectors: one per language version); a candidate's vector is the mean of
  its texts' vectors, so that the dot product of two such vectors is the mean cosine
  between the texts of one and those of the other, on the model's own scale however
  many texts each has.

The arrays are rebuilt when the search index or these facts change: a change made in
another process is seen after at most ``core.versions.TTL`` seconds (the same rule as the
search index's; the facts are the "matchmaking" set of ``core.versions``). The evaluation
builds its own index with some partnerships hidden.
"""

import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from creative_cities.core import versions
from creative_cities.search import memory
from creative_cities.search.embeddings import Embedder, get_embedder, normalise

from .conf import small_island_states

KINDS = ("city", "organisation", "practice")
SEARCH_KIND = {"city": "city", "organisation": "organisation", "practice": "knowledge"}
SDG_COLUMNS = 18  # goal numbers 1..17; column 0 unused

_lock = threading.Lock()
_current: "MatchIndex | None" = None


@dataclass
class MatchIndex:
    version: str
    vector_space: str  # search.memory.MemoryIndex.vector_space: what its cosines mean
    kind: np.ndarray  # index into KINDS
    object_id: np.ndarray
    slugs: list[str]
    names: list[str]
    row_of: dict[tuple[str, int], int]
    vectors: np.ndarray | None  # (n, d) float32, the mean of its texts' unit vectors; zero rows for none
    has_vector: np.ndarray
    field_codes: list[str]
    field_column: dict[int, int]  # CreativeField pk -> column
    fields: np.ndarray  # (n, fields) bool
    sdgs: np.ndarray  # (n, 18) bool, by goal number
    language_codes: list[str]
    languages: np.ndarray  # (n, languages) bool
    region_codes: list[str]
    region: np.ndarray  # index into region_codes, -1 unknown
    country: np.ndarray  # Country pk, -1 unknown
    sids: np.ndarray  # bool: in a small island developing state
    party: np.ndarray  # the candidate's party, -1 for none
    party_of: dict[tuple[str, int], int]  # ("city" | "organisation", pk) -> party
    neighbours: dict[int, set[int]]  # party -> parties it cooperated with
    activity_fields: dict[int, set[int]]  # party -> field columns of its activity
    doc_row: np.ndarray  # search document position -> candidate row, -1 for none (lexical fallback)
    field_objects: dict  # CreativeField pk -> field, for the reasons (names follow the active language)
    region_objects: dict  # Region code -> region
    country_objects: dict  # Country pk -> country
    hidden_partners: frozenset = field(default_factory=frozenset)

    @property
    def size(self) -> int:
        return len(self.object_id)

    def kind_mask(self, kinds) -> np.ndarray:
        return np.isin(self.kind, [KINDS.index(kind) for kind in kinds if kind in KINDS])

    def language_mask(self, codes) -> np.ndarray:
        mask = np.zeros(len(self.language_codes), dtype=bool)
        for code in codes:
            if code in self.language_codes:
                mask[self.language_codes.index(code)] = True
        return mask


def facts_version() -> str:
    """A token that changes when the facts matchmaking reads change."""
    return versions.version("matchmaking")


def forget() -> None:
    """Read the facts again at the next recommendation (after a write in this process)."""
    versions.forget("matchmaking")


def current() -> MatchIndex:
    """The index of this process, rebuilt when the search index, the embedder or the facts changed."""
    global _current
    embedder = get_embedder()
    search_index = memory.current(embedder)
    version = f"{search_index.version}|{facts_version()}|{embedder.name if embedder else ''}"
    index = _current
    if index is None or index.version != version:
        with _lock:
            index = _current
            if index is None or index.version != version:
                index = _current = build(search_index=search_index, embedder=embedder, version=version)
    return index


class _Rows:
    """Candidates as they are added, before they become arrays."""

    def __init__(self) -> None:
        self.kind, self.object_id, self.slugs, self.names = [], [], [], []
        self.region, self.iso2, self.country, self.party = [], [], [], []
        self.fields: list[set[int]] = []
        self.sdgs: list[set[int]] = []
        self.languages: list[set[str]] = []
        self.row_of: dict[tuple[str, int], int] = {}

    def add(self, kind, pk, slug, name, region, iso2, country, party) -> int:
        row = len(self.kind)
        self.row_of[(kind, pk)] = row
        self.kind.append(KINDS.index(kind))
        self.object_id.append(pk)
        self.slugs.append(slug)
        self.names.append(name)
        self.region.append(region or "")
        self.iso2.append(iso2 or "")
        self.country.append(country if country is not None else -1)
        self.party.append(party)
        self.fields.append(set())
        self.sdgs.append(set())
        self.languages.append(set())
        return row


def _pairs(through, left: str, right: str, **filters) -> dict[int, set]:
    grouped = defaultdict(set)
    for a, b in through.objects.filter(**filters).values_list(left, right).iterator(5000):
        grouped[a].add(b)
    return grouped


def build(
    *,
    search_index: memory.MemoryIndex | None = None,
    embedder: Embedder | None = None,
    version: str = "",
    hidden_partners: frozenset = frozenset(),
) -> MatchIndex:
    """Read every candidate and link once; ``hidden_partners`` (ProjectPartner ids) are left out, as never made."""
    from creative_cities.board.choices import InterestStatus
    from creative_cities.board.models import Call, Interest
    from creative_cities.cities.choices import CityStatus
    from creative_cities.cities.models import City, Country, CreativeField, Region
    from creative_cities.knowledge.choices import ItemKind, ItemStatus
    from creative_cities.knowledge.models import KnowledgeItem
    from creative_cities.organisations.models import Organisation
    from creative_cities.projects.models import Project, ProjectPartner

    field_objects = {f.pk: f for f in CreativeField.objects.order_by("position", "code")}
    field_ids = [(pk, f.code) for pk, f in field_objects.items()]
    field_column = {pk: column for column, (pk, _code) in enumerate(field_ids)}
    region_objects = {r.code: r for r in Region.objects.order_by("position", "code")}
    region_codes = list(region_objects)
    country_objects = Country.objects.in_bulk()

    parties: dict[tuple[str, int], int] = {}

    def party(kind: str, pk: int | None) -> int:
        return -1 if pk is None else parties.setdefault((kind, pk), len(parties))

    rows = _Rows()
    city_field = {}
    cities = City.objects.values_list(
        "pk", "slug", "name", "field_id", "status", "country__iso2", "country_id", "country__region__code",
        "description_en", "description_fr", "description_es",
    ).order_by("pk")  # fmt: skip
    described = set()
    for pk, slug, name, field_id, status, iso2, country, region, *descriptions in cities.iterator(2000):
        city_field[pk] = field_id
        if status == CityStatus.MEMBER:  # former members are not recommended, but their links count
            row = rows.add("city", pk, slug, name, region, iso2, country, party("city", pk))
            rows.fields[row].add(field_column[field_id])
            if any(text.strip() for text in descriptions):
                described.add(row)
        else:
            party("city", pk)
    organisations = Organisation.objects.values_list(
        "pk", "slug", "name", "member_city_id", "country__iso2", "country_id", "country__region__code"
    ).order_by("pk")
    member_city = {}
    for pk, slug, name, city_id, iso2, country, region in organisations.iterator(5000):
        rows.add("organisation", pk, slug, name, region, iso2, country, party("organisation", pk))
        member_city[pk] = city_id

    # Practices, and every published item for its owner's fields, SDGs, languages and vector.
    items = KnowledgeItem.objects.filter(status=ItemStatus.PUBLISHED).values_list(
        "pk", "slug", "title", "kind", "language", "owner_city_id", "owner_city__country__iso2",
        "owner_city__country_id", "owner_city__country__region__code",
    )  # fmt: skip
    item_fields = _pairs(KnowledgeItem.fields.through, "knowledgeitem_id", "creativefield_id")
    item_sdgs = _pairs(KnowledgeItem.sdg_goals.through, "knowledgeitem_id", "sdggoal__number")
    party_extra_sdgs: dict[int, set[int]] = defaultdict(set)
    party_languages: dict[int, set[str]] = defaultdict(set)
    party_fields: dict[int, set[int]] = defaultdict(set)
    party_activity: dict[int, list[tuple[str, int]]] = defaultdict(list)  # search kind and id of what it did
    for pk, slug, title, kind, language, owner_id, iso2, country, region in items.order_by("pk").iterator(5000):
        owner = party("city", owner_id)
        if owner >= 0:
            party_extra_sdgs[owner] |= item_sdgs.get(pk, set())
            party_languages[owner].add(language)
            party_fields[owner] |= {field_column[f] for f in item_fields.get(pk, ())}
            party_activity[owner].append(("knowledge", pk))
        if kind == ItemKind.PRACTICE:
            row = rows.add("practice", pk, slug, title, region, iso2, country, owner)
            rows.fields[row] = {field_column[f] for f in item_fields.get(pk, ())}
            rows.sdgs[row] = set(item_sdgs.get(pk, ()))
            rows.languages[row] = {language}

    # Projects and calls: who took part, in which fields, SDGs and language.
    neighbours: dict[int, set[int]] = defaultdict(set)
    project_fields = _pairs(Project.fields.through, "project_id", "creativefield_id")
    project_sdgs = _pairs(Project.sdg_goals.through, "project_id", "sdggoal__number")
    teams: dict[int, set[int]] = defaultdict(set)
    facts = {}
    for pk, language, lead_city, lead_org in Project.objects.values_list(
        "pk", "language", "lead_city_id", "lead_organisation_id"
    ).iterator(5000):
        facts[pk] = language
        teams[pk].add(party("city", lead_city) if lead_city else party("organisation", lead_org))
    for pk, project_id, city_id, org_id in ProjectPartner.objects.values_list(
        "pk", "project_id", "city_id", "organisation_id"
    ).iterator(5000):
        if pk not in hidden_partners:
            teams[project_id].add(party("city", city_id) if city_id else party("organisation", org_id))
    for project_id, team in teams.items():
        columns = {field_column[f] for f in project_fields.get(project_id, ())}
        for member in team:
            neighbours[member] |= team - {member}
            party_fields[member] |= columns
            party_activity[member].append(("project", project_id))
            party_extra_sdgs[member] |= project_sdgs.get(project_id, set())
            party_languages[member].add(facts[project_id])

    call_fields = _pairs(Call.fields.through, "call_id", "creativefield_id")
    call_sdgs = _pairs(Call.sdg_goals.through, "call_id", "sdggoal__number")
    for pk, language, city_id, org_id in Call.objects.values_list(
        "pk", "language", "city_id", "organisation_id"
    ).iterator(5000):
        owner = party("city", city_id) if city_id else party("organisation", org_id)
        party_fields[owner] |= {field_column[f] for f in call_fields.get(pk, ())}
        party_extra_sdgs[owner] |= call_sdgs.get(pk, set())
        party_languages[owner].add(language)
    answers = Interest.objects.exclude(status=InterestStatus.WITHDRAWN).values_list(
        "call_id", "status", "call__city_id", "call__organisation_id", "city_id", "organisation_id"
    )
    for call_id, status, call_city, call_org, city_id, org_id in answers.iterator(5000):
        a = party("city", call_city) if call_city else party("organisation", call_org)
        b = party("city", city_id) if city_id else party("organisation", org_id)
        party_fields[b] |= {field_column[f] for f in call_fields.get(call_id, ())}  # what it offered to do
        if status == InterestStatus.ACCEPTED:
            neighbours[a].add(b)
            neighbours[b].add(a)
    adaptations = KnowledgeItem.objects.filter(
        adapted_from__isnull=False, owner_city__isnull=False, adapted_from__owner_city__isnull=False
    ).values_list("owner_city_id", "adapted_from__owner_city_id")
    for city_id, source_city_id in adaptations.iterator(5000):
        if city_id != source_city_id:
            neighbours[party("city", city_id)].add(party("city", source_city_id))
            neighbours[party("city", source_city_id)].add(party("city", city_id))

    # Cities and organisations take the fields, SDGs and languages of what they took part in.
    activities = {}
    for row, kind in enumerate(rows.kind):
        if KINDS[kind] == "practice":
            continue
        owner = rows.party[row]
        rows.sdgs[row] |= party_extra_sdgs.get(owner, set())
        rows.languages[row] |= party_languages.get(owner, set())
        if KINDS[kind] == "city":
            activities[row] = party_activity.get(owner, [])
        else:
            rows.fields[row] |= party_fields.get(owner, set())
            city_id = member_city[rows.object_id[row]]
            if not rows.fields[row] and city_id in city_field:
                rows.fields[row].add(field_column[city_field[city_id]])

    return _arrays(
        rows,
        version=version,
        field_codes=[code for _pk, code in field_ids],
        field_column=field_column,
        region_codes=region_codes,
        parties=parties,
        neighbours=dict(neighbours),
        party_fields=dict(party_fields),
        activities=activities,
        described=described,
        search_index=search_index,
        embedder=embedder,
        hidden_partners=frozenset(hidden_partners),
        field_objects=field_objects,
        region_objects=region_objects,
        country_objects=country_objects,
    )


def _arrays(rows: _Rows, *, search_index, embedder, parties, party_fields, activities, described, **rest) -> MatchIndex:
    n = len(rows.kind)
    fields = np.zeros((n, len(rest["field_codes"])), dtype=bool)
    sdgs = np.zeros((n, SDG_COLUMNS), dtype=bool)
    language_codes = sorted({code for languages in rows.languages for code in languages})
    languages = np.zeros((n, len(language_codes)), dtype=bool)
    language_column = {code: column for column, code in enumerate(language_codes)}
    for row in range(n):
        fields[row, list(rows.fields[row])] = True
        sdgs[row, [goal for goal in rows.sdgs[row] if 0 < goal < SDG_COLUMNS]] = True
        languages[row, [language_column[code] for code in rows.languages[row]]] = True
    region_index = {code: i for i, code in enumerate(rest["region_codes"])}
    sids = small_island_states()
    kind = np.array(rows.kind, dtype=np.int8)
    object_id = np.array(rows.object_id, dtype=np.int64)
    vectors, has_vector, doc_row = _vectors(search_index, kind, object_id, rows.row_of, activities, described)
    return MatchIndex(
        vector_space=search_index.vector_space if search_index is not None else (embedder.name if embedder else ""),
        kind=kind,
        object_id=object_id,
        slugs=rows.slugs,
        names=rows.names,
        row_of=rows.row_of,
        vectors=vectors,
        has_vector=has_vector,
        fields=fields,
        sdgs=sdgs,
        language_codes=language_codes,
        languages=languages,
        region=np.array([region_index.get(code, -1) for code in rows.region], dtype=np.int16),
        country=np.array(rows.country, dtype=np.int64),
        sids=np.array([iso2 in sids for iso2 in rows.iso2], dtype=bool),
        party=np.array(rows.party, dtype=np.int64),
        party_of=parties,
        activity_fields=party_fields,
        doc_row=doc_row,
        **rest,
    )


def _vectors(search_index, kind, object_id, row_of, activities, described) -> tuple:
    """Each candidate's vector (see the module's docstring), which have one, and each search document's row."""
    n = len(kind)
    has_vector = np.zeros(n, dtype=bool)
    if search_index is None:
        return None, has_vector, np.zeros(0, dtype=np.int64)
    doc_row = np.full(search_index.size, -1, dtype=np.int64)
    for candidate_kind, search_kind in SEARCH_KIND.items():
        if search_kind not in search_index.kinds:
            continue
        positions = np.flatnonzero(search_index.kind == search_index.kinds.index(search_kind))
        ids = search_index.object_id[positions]
        found = np.array([row_of.get((candidate_kind, int(pk)), -1) for pk in ids.tolist()], dtype=np.int64)
        doc_row[positions] = found
    if search_index.vectors is None:
        return None, has_vector, doc_row
    usable = (doc_row >= 0) & search_index.has_vector
    sums = np.zeros((n, search_index.vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, doc_row[usable], search_index.vectors[usable])
    has_vector[doc_row[usable]] = True
    vectors = normalise(sums) * has_vector[:, None]
    texts = _object_vectors(search_index, ("knowledge", "project")) if activities else {}
    for row, keys in activities.items():  # cities
        own = [vectors[row]] if row in described and has_vector[row] else []
        parts = own + [texts[key] for key in keys if key in texts]
        vectors[row] = np.mean(parts, axis=0) if parts else 0.0
        has_vector[row] = bool(parts)
    return vectors, has_vector, doc_row


def _object_vectors(search_index, kinds) -> dict[tuple[str, int], np.ndarray]:
    """The unit vector of every object of these kinds: the mean of its documents' vectors."""
    found = {}
    for search_kind in kinds:
        if search_kind not in search_index.kinds:
            continue
        positions = np.flatnonzero(
            (search_index.kind == search_index.kinds.index(search_kind)) & search_index.has_vector
        )
        ids, slot = np.unique(search_index.object_id[positions], return_inverse=True)
        sums = np.zeros((len(ids), search_index.vectors.shape[1]), dtype=np.float32)
        np.add.at(sums, slot, search_index.vectors[positions])
        found.update(((search_kind, int(pk)), vector) for pk, vector in zip(ids.tolist(), normalise(sums), strict=True))
    return found
