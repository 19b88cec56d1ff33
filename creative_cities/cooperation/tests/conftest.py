"""Small worlds of cooperation: projects, accepted interests and adaptations between real member cities."""

from datetime import UTC, date, datetime

import pytest

from creative_cities.board.models import Call, Interest
from creative_cities.cities.models import City
from creative_cities.knowledge.models import KnowledgeItem
from creative_cities.organisations.models import Organisation
from creative_cities.projects.models import Project, ProjectPartner


class Maker:
    """Writes the rows the graph reads, directly: these tests are about reading them."""

    def __init__(self):
        self.count = 0

    def _slug(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-{self.count}"

    def city(self, slug: str) -> City:
        return City.objects.select_related("country__region").get(slug=slug)

    def project(self, lead=None, *, partners=(), status="active", start_on=None, lead_organisation=None) -> Project:
        """``partners``: (city or organisation, joined_on) pairs."""
        project = Project.objects.create(
            slug=self._slug("project"),
            title="Project",
            summary="x",
            lead_city=self.city(lead) if isinstance(lead, str) else lead,
            lead_organisation=lead_organisation,
            status=status,
            start_on=start_on,
        )
        for party, joined_on in partners:
            self.partner(project, party, joined_on)
        return project

    def partner(self, project, party, joined_on) -> ProjectPartner:
        party = self.city(party) if isinstance(party, str) else party
        kind = "city" if isinstance(party, City) else "organisation"
        return ProjectPartner.objects.create(project=project, joined_on=joined_on, **{kind: party})

    def organisation(self, city: str | None, *, country="FR") -> Organisation:
        from creative_cities.cities.models import Country

        return Organisation.objects.create(
            name="Org",
            slug=self._slug("org"),
            sector="civil_society",
            country=Country.objects.get(iso2=country),
            member_city=self.city(city) if city else None,
        )

    def interest(self, publisher, party, *, status="accepted", decided=date(2023, 5, 1), project=None, partner=None):
        """An interest of ``party`` in a call of ``publisher`` (slugs or organisations)."""

        def kwargs(who):
            if isinstance(who, str):
                return {"city": self.city(who)}
            return {"organisation": who}

        call = Call.objects.create(
            kind="need",
            slug=self._slug("call"),
            title="Call",
            description="x",
            deadline=date(2030, 1, 1),
            project=project,
            **kwargs(publisher),
        )
        decided_at = datetime(decided.year, decided.month, decided.day, 12, tzinfo=UTC) if status != "pending" else None
        return Interest.objects.create(
            call=call, message="x", status=status, decided_at=decided_at, partner=partner, **kwargs(party)
        )

    def adaptation(self, city: str, original_city: str | None, *, published=date(2024, 3, 1), status="published"):
        original = KnowledgeItem.objects.create(
            kind="practice",
            slug=self._slug("item"),
            title="Original",
            summary="x",
            language="en",
            status="published",
            published_at=datetime(2020, 1, 1, tzinfo=UTC),
            owner_city=self.city(original_city) if original_city else None,
        )
        return KnowledgeItem.objects.create(
            kind="practice",
            slug=self._slug("item"),
            title="Adapted",
            summary="x",
            language="en",
            status=status,
            published_at=datetime(published.year, published.month, published.day, tzinfo=UTC)
            if status == "published"
            else None,
            owner_city=self.city(city),
            adapted_from=original,
        )


@pytest.fixture(autouse=True)
def fresh_memo():
    """Each test starts with no figures in the process's memo, as with an empty cache."""
    from creative_cities.cooperation import selectors

    selectors.memo_clear()


@pytest.fixture
def make(db):
    return Maker()


@pytest.fixture
def linked(make):
    """Lyon–Dakar (a project, 2020, and an adaptation, 2022) and Dakar–Seoul (an accepted interest, 2021)."""
    project = make.project("lyon", start_on=date(2020, 1, 1), partners=[("dakar", date(2020, 2, 1))])
    adapted = make.adaptation("dakar", "lyon", published=date(2022, 6, 1))
    interest = make.interest("dakar", "seoul", decided=date(2021, 3, 1))
    return {"project": project, "adapted": adapted, "call": interest.call}


@pytest.fixture
def crowd(make):
    """One project of fifteen member cities: 105 links, each of one relation; and Lyon–Dakar twice more."""
    cities = list(City.objects.filter(status="member").exclude(slug__in=["lyon", "dakar"]).order_by("name")[:13])
    make.project(
        "lyon",
        start_on=date(2019, 1, 1),
        partners=[("dakar", date(2019, 1, 1))] + [(c, date(2019, 1, 1)) for c in cities],
    )
    make.project("lyon", start_on=date(2021, 1, 1), partners=[("dakar", date(2021, 1, 1))])
    make.adaptation("dakar", "lyon", published=date(2022, 6, 1))
    return cities
