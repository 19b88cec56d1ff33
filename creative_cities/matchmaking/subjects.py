"""What matchmaking needs to know of the thing it finds partners for: a project, a call or a city.

A subject has a *party* (the project's lead, the call's publisher, the city itself):
novelty means no earlier cooperation with it, and its country is the subject's. Its
*own* fields are its party's (a lead city's designation field); the fields it *wants*
are the project's or call's fields (a city wants its own field and those of what it
does: see ``index``): a candidate bringing a wanted field that the party lacks is
complementary.
"""

from dataclasses import dataclass, field

from creative_cities.board.choices import InterestStatus
from creative_cities.board.models import Call
from creative_cities.cities.models import City
from creative_cities.core.markdown import markdown_to_text
from creative_cities.projects.models import Project

from .index import MatchIndex


@dataclass
class Subject:
    kind: str  # "project", "call" or "city"
    object_id: int
    name: str
    party: object  # a City or an Organisation, or None
    own_fields: set[int]  # CreativeField pks
    wanted_fields: set[int]
    sdgs: set[int]  # goal numbers
    languages: set[str]
    excluded_parties: set[tuple[str, int]]  # ("city" | "organisation", pk): never recommended
    search_kind: str  # the kind of its documents in the search index
    text: str  # what is embedded when the search index has no vector of it
    country_id: int | None = None  # its party's country
    url: str = ""
    extra: dict = field(default_factory=dict)


def party_key(party) -> tuple[str, int] | None:
    if party is None:
        return None
    return ("city" if isinstance(party, City) else "organisation", party.pk)


def _party_fields(party) -> set[int]:
    return {party.field_id} if isinstance(party, City) else set()


def _country(party) -> int | None:
    return getattr(party, "country_id", None)


def _text(title: str, *parts: str) -> str:
    return " ".join(f"{title}. {' '.join(parts)}".split())[:1000]


def for_project(project: Project, *, hidden_partners: frozenset = frozenset()) -> Subject:
    """A project: its lead and partners are not recommended (``hidden_partners``: as if never added)."""
    lead = project.lead_city or project.lead_organisation  # one query each at most: the lead is needed by name
    excluded = {party_key(lead)}
    for pk, city_id, org_id in project.partners.values_list("pk", "city_id", "organisation_id"):
        if pk not in hidden_partners:
            excluded.add(("city", city_id) if city_id else ("organisation", org_id))
    return Subject(
        kind="project",
        object_id=project.pk,
        name=project.title,
        party=lead,
        own_fields=_party_fields(lead),
        wanted_fields=set(project.fields.values_list("pk", flat=True)),
        sdgs=set(project.sdg_goals.values_list("number", flat=True)),
        languages={project.language},
        excluded_parties=excluded,
        search_kind="project",
        text=_text(project.title, project.summary, markdown_to_text(project.description)),
        country_id=_country(lead),
    )


def for_call(call: Call) -> Subject:
    """A call: its publisher, the partners of its project and those who already answered are not recommended."""
    publisher = call.city or call.organisation
    excluded = {party_key(publisher)}
    answered = call.interests.filter(status__in=[InterestStatus.PENDING, InterestStatus.ACCEPTED])
    for city_id, org_id in answered.values_list("city_id", "organisation_id"):
        excluded.add(("city", city_id) if city_id else ("organisation", org_id))
    if call.project_id:
        project = call.project
        excluded.add(party_key(project.lead_city or project.lead_organisation))
        for city_id, org_id in project.partners.values_list("city_id", "organisation_id"):
            excluded.add(("city", city_id) if city_id else ("organisation", org_id))
    return Subject(
        kind="call",
        object_id=call.pk,
        name=call.title,
        party=publisher,
        own_fields=_party_fields(publisher),
        wanted_fields=set(call.fields.values_list("pk", flat=True)),
        sdgs=set(call.sdg_goals.values_list("number", flat=True)),
        languages={call.language},
        excluded_parties=excluded,
        search_kind="call",
        text=_text(call.title, markdown_to_text(call.description)),
        country_id=_country(publisher),
    )


def for_city(city: City, index: MatchIndex) -> Subject:
    """A city: what it does in the network (its row of the index) stands for its interests (none are declared)."""
    columns_to_pk = {column: pk for pk, column in index.field_column.items()}
    party = index.party_of.get(("city", city.pk), -1)
    row = index.row_of.get(("city", city.pk))
    sdgs, languages = set(), set()
    if row is not None:
        sdgs = {int(goal) for goal in index.sdgs[row].nonzero()[0]}
        languages = {index.language_codes[column] for column in index.languages[row].nonzero()[0]}
    wanted = {city.field_id} | {columns_to_pk[c] for c in index.activity_fields.get(party, set())}
    return Subject(
        kind="city",
        object_id=city.pk,
        name=city.name,
        party=city,
        own_fields={city.field_id},
        wanted_fields=wanted,
        sdgs=sdgs,
        languages=languages,
        excluded_parties={("city", city.pk)},
        search_kind="city",
        text=_text(city.name, city.description_en),
        country_id=city.country_id,
    )
